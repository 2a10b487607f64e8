import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Lang } from "../../domain";
import { describeError } from "../errors";
import { text } from "../strings";

export interface ErrorBoundaryProps {
  lang: Lang;
  children?: React.ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/**
 * Catches what a part of the pane throws while rendering, so that the pane shows what went wrong and a way back
 * instead of going blank.
 */
export class ErrorBoundary extends React.Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: React.ErrorInfo): void {
    console.error("Goal Cascade pane error", error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null, failed: false });

  override render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    const { lang } = this.props;
    const { title, detail } = describeError(this.state.error, lang);
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {detail}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.retry}>{text(lang, "boundary.retry")}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
