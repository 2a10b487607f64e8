import { Lang } from "../../domain";
import { SettingsStorage } from "../settingsStore";

export interface PreviewPageProps {
  /** Reads the sample workbook the page opens on (by default, fetched beside the page). */
  loadSample: () => Promise<ArrayBuffer>;
  /** The sample's file name, for "Save as". */
  sampleName: string;
  /** The language the page starts in (by default, the browser's). */
  lang?: Lang;
  /** Where the pane's settings are kept (by default localStorage). */
  storage?: SettingsStorage | null;
}

/** A message of the page: what was opened, or why something could not be. */
export interface PageNotice {
  intent: "success" | "warning" | "error";
  text: string;
}
