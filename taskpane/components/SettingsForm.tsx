/** 设置: the readings that change a score, remembered with the workbook; 恢复默认 returns to the bureau's. */
import { Button, Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { OPTION_LABELS } from "../../src/rules/options";
import type { ScoringOptions } from "../../src/rules/types";
import type { PaneSettings } from "../state/settings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const KEYS = Object.keys(OPTION_LABELS) as (keyof ScoringOptions)[];

export interface SettingsFormProps {
  value: PaneSettings;
  defaults: PaneSettings;
  /** Where the settings are kept, for the save button's label. */
  savedWhere: string;
  onSave: (s: PaneSettings) => void;
}

export function SettingsForm({ value, defaults, savedWhere, onSave }: SettingsFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<PaneSettings>(value);
  const [toleranceText, setToleranceText] = useState(String(value.tolerance));
  const tolerance = Number(toleranceText);
  const toleranceOk = toleranceText.trim() !== "" && Number.isFinite(tolerance) && tolerance >= 0 && tolerance <= 1;

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (toleranceOk) onSave({ ...draft, tolerance });
      }}
    >
      {KEYS.map((key) => {
        const labels = OPTION_LABELS[key].values as Record<string, string>;
        const current = draft[key] as string;
        return (
          <Field key={key} label={OPTION_LABELS[key].name}>
            <Dropdown
              className={styles.dropdown}
              value={labels[current]}
              selectedOptions={[current]}
              onOptionSelect={(_, data) => data.optionValue && setDraft({ ...draft, [key]: data.optionValue })}
            >
              {Object.entries(labels).map(([code, label]) => (
                <Option key={code} value={code} text={label}>
                  {label}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      <Field
        label="得分差异容差"
        hint="自评得分与计算得分相差超过此值才报告（默认 0.005）"
        validationState={toleranceOk ? "none" : "error"}
        validationMessage={toleranceOk ? undefined : "请输入 0 到 1 之间的数字"}
      >
        <Input value={toleranceText} inputMode="decimal" onChange={(_, d) => setToleranceText(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={!toleranceOk}>
          {`保存设置（${savedWhere}）`}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setDraft(defaults);
            setToleranceText(String(defaults.tolerance));
            onSave(defaults);
          }}
        >
          恢复默认设置
        </Button>
      </div>
    </form>
  );
}
