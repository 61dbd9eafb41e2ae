/** The table's totals at a glance: 权重合计, 自评总分 vs 计算总分, 等级. */
import { Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TableSummary } from "../../src/check/types";
import { sameGrade } from "../../src/rules/grade";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const show = (v: number | string | null) => (v === null ? "—" : String(v));

export function SummaryView({ table }: { table: TableSummary }) {
  const styles = useStyles();
  const totalDiffers = table.total.reported !== null && table.total.computed !== null && Math.abs(table.total.reported - table.total.computed) > 0.005;
  // 良好 in the table where the scheme says 良 is the same grade in other words, not a difference.
  const gradeDiffers = table.grade.reported !== null && table.grade.computed !== null && !sameGrade(table.grade.reported, table.grade.computed);
  return (
    <Card aria-label="汇总">
      <CardHeader header={<Text weight="semibold">{`${table.sheet} ${table.range}`}</Text>} />
      <div className={styles.grid}>
        <Text>权重合计</Text>
        <Text>{table.weightSum}</Text>
        <Text>自评总分</Text>
        <Text className={totalDiffers ? styles.differs : undefined}>{show(table.total.reported)}</Text>
        <Text>计算总分</Text>
        <Text>{show(table.total.computed)}</Text>
        <Text>等级（表中 / 计算）</Text>
        <Text className={gradeDiffers ? styles.differs : undefined}>{`${show(table.grade.reported)} / ${show(table.grade.computed)}`}</Text>
      </div>
    </Card>
  );
}
