/** Progress while JX works, and the outcome or error as a Fluent MessageBar in Chinese. */
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Field } from "@fluentui/react-components";

export type Status = { kind: "idle" } | { kind: "busy"; label: string; value?: number } | { kind: "done"; message: string } | { kind: "error"; message: string } | { kind: "warning"; message: string };

export function StatusBar({ status }: { status: Status }) {
  switch (status.kind) {
    case "idle":
      return null;
    case "busy":
      return (
        <Field validationMessage={status.label} validationState="none">
          <ProgressBar aria-label={status.label} value={status.value} />
        </Field>
      );
    case "done":
      return (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      );
    case "warning":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      );
    case "error":
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>出错了</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

/** Any thrown value as a Chinese sentence: engine and adapter errors are Chinese already; Office's are not. */
export function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/[\u4e00-\u9fff]/.test(text)) return text;
  return `操作未完成（${text || "未知错误"}）。请重试；如仍失败，请保存工作簿后重新打开任务窗格。`;
}
