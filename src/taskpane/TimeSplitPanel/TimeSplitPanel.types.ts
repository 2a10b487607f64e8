import { GoalToolProps } from "../ToolsPanel/ToolsPanel.types";

export type TimeSplitPanelProps = GoalToolProps;
