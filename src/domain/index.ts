export * from "./model";
export * from "./result";
export * from "./text";
export * from "./dates";
export * from "./values";
export * from "./periods";
export * from "./dateOrder";
export * from "./headers";
export * from "./findings";
export * from "./catalogue";
export * from "./numbers";
export * from "./smart";
export * from "./status";
// The options schema (options.ts, zod) is imported from its module by the pane and the ribbon: the command line,
// which validates its flags itself, never loads zod.
export * from "./auditDefaults";
export * from "./table";
export * from "./tableShape";
export * from "./noTable";
export * from "./outline";
export * from "./objectives";
export * from "./cascade";
export * from "./audit";
export * from "./highlights";
export * from "./auditSheet";
export * from "./template";
export * from "./plans";
export * from "./goalFilter";
