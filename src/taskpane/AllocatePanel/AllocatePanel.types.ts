import { GoalToolProps } from "../ToolsPanel/ToolsPanel.types";

export type AllocatePanelProps = GoalToolProps;
