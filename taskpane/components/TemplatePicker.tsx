/** 插入标准模板: which template, with or without example data, native or =JX formulas; then one button. */
import { Button, Caption1, Field, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { TemplateSummary } from "../../src/templates/types";
import type { TemplateChoice } from "../state/templateFile";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // A long template name must not widen the pane past 320px: the box takes the pane's width and clips.
  select: { width: "100%", minWidth: 0 },
  selectInput: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
  // The button keeps its own width; at 320px it wraps under the fields instead of stretching.
  action: { alignSelf: "flex-start" },
});

export interface TemplatePickerProps {
  templates: TemplateSummary[];
  /** "插入标准模板" in Excel, "下载标准模板" in a browser. */
  actionLabel: string;
  icon?: JSX.Element;
  disabled?: boolean;
  /** What the action does, said plainly (where the sheets go, what 撤销 does); may name the chosen template's file. */
  hint: string | ((chosen: TemplateSummary | undefined) => string);
  onRun: (choice: TemplateChoice) => void;
}

export function TemplatePicker({ templates, actionLabel, icon, disabled, hint, onRun }: TemplatePickerProps) {
  const styles = useStyles();
  const hintId = useId();
  const [id, setId] = useState(templates[0]?.id ?? "");
  const [example, setExample] = useState(false);
  const [formulas, setFormulas] = useState<TemplateChoice["formulas"]>("native");
  const chosen = templates.find((t) => t.id === id);
  return (
    <section className={styles.form} aria-label="标准模板">
      {/* A long name hides the version in the closed box at 320px: it is repeated under it. */}
      <Field label="标准模板" hint={chosen ? `版本 ${chosen.version}` : undefined}>
        <Select className={styles.select} select={{ className: styles.selectInput }} value={id} onChange={(_, d) => setId(d.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {`${t.name}（${t.version} 版）`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="得分公式">
        <RadioGroup value={formulas} onChange={(_, d) => setFormulas(d.value as TemplateChoice["formulas"])}>
          <Radio value="native" label="原生公式（推荐：Excel、WPS、LibreOffice 都能计算，无需加载项）" />
          <Radio value="jx" label="JX 公式 =JX.SCORE（需安装 JX 加载项）" />
        </RadioGroup>
      </Field>
      <Switch checked={example} onChange={(_, d) => setExample(d.checked)} label="填入示例数据" />
      <Caption1 id={hintId}>{typeof hint === "function" ? hint(chosen) : hint}</Caption1>
      <Button className={styles.action} appearance="primary" icon={icon} disabled={disabled || !id} aria-describedby={hintId} onClick={() => onRun({ id, formulas, example })}>
        {actionLabel}
      </Button>
    </section>
  );
}
