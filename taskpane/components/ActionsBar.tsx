/** The pane's buttons: they wrap at 320px and are reached with Tab like any Fluent button. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";


const useStyles = makeStyles({ bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS } });

export interface Action {
  label: string;
  icon?: JSX.Element;
  primary?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

export function ActionsBar({ actions, label }: { actions: Action[]; label: string }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} className={styles.bar}>
      {actions.map((a) => (
        <Button key={a.label} appearance={a.primary ? "primary" : "secondary"} icon={a.icon} disabled={a.disabled} onClick={a.onClick}>
          {a.label}
        </Button>
      ))}
    </div>
  );
}
