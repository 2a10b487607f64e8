import { PaneOptions, SavedOptions } from "../paneOptions";

export interface OptionsPanelProps {
  options: PaneOptions;
  /** Saves options with the document and applies them; throws what the workbook throws. */
  onSave: (options: SavedOptions) => Promise<void>;
}
