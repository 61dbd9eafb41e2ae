/** 识别指标表: the tables found, each a selectable row (sheet, range, indicators, 权重合计). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TableSelectionCell, makeStyles } from "@fluentui/react-components";
import type { TableSummary } from "../../src/check/types";

const useStyles = makeStyles({ table: { tableLayout: "auto", width: "100%" }, row: { cursor: "pointer" } });

export interface TableListProps {
  tables: TableSummary[];
  selected: number | null;
  onSelect: (index: number) => void;
}

export function TableList({ tables, selected, onSelect }: TableListProps) {
  const styles = useStyles();
  if (tables.length === 0) return <p>未找到指标表：请确认表头含有“三级指标”“权重/分值”“评分规则”或“得分”等列名。</p>;
  return (
    <Table size="small" className={styles.table} aria-label="识别到的指标表">
      <TableHeader>
        <TableRow>
          <TableSelectionCell type="radio" invisible />
          <TableHeaderCell>工作表</TableHeaderCell>
          <TableHeaderCell>区域</TableHeaderCell>
          <TableHeaderCell>指标</TableHeaderCell>
          <TableHeaderCell>权重合计</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tables.map((t, i) => {
          const isSelected = selected === i;
          const choose = () => onSelect(i);
          return (
            <TableRow
              key={`${t.sheet}!${t.range}`}
              className={styles.row}
              aria-selected={isSelected}
              tabIndex={0}
              onClick={choose}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  choose();
                }
              }}
            >
              <TableSelectionCell type="radio" checked={isSelected} aria-label={`选择 ${t.sheet} ${t.range}`} />
              <TableCell>{t.sheet}</TableCell>
              <TableCell>{t.range}</TableCell>
              <TableCell>{t.indicators}</TableCell>
              <TableCell>{t.weightSum}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
