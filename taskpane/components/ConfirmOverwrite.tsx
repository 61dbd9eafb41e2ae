/** The explicit choice the rules require before a reported score is replaced. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

export interface ConfirmOverwriteProps {
  open: boolean;
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmOverwrite({ open, count, onConfirm, onCancel }: ConfirmOverwriteProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface aria-describedby="jx-overwrite-text">
        <DialogBody>
          <DialogTitle>覆盖自评得分？</DialogTitle>
          <DialogContent id="jx-overwrite-text">
            {`有 ${count} 个自评得分与评分规则的计算结果不一致。覆盖后，这些单元格将改为计算得分；原值可用“撤销”恢复。`}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              确认覆盖
            </Button>
            <Button onClick={onCancel}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
