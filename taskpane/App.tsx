/** Fluent provider and the pane for where we run. */
import { Caption1, FluentProvider, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: { minWidth: "300px", padding: tokens.spacingHorizontalM, boxSizing: "border-box", fontFamily: `${tokens.fontFamilyBase}, "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", sans-serif` },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
});

export function App({ children, subtitle }: { children: ReactNode; subtitle: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang="zh-CN">
      <header className={styles.header}>
        <Title3 as="h1">JX 绩效自评表评分</Title3>
        <Caption1>{subtitle}</Caption1>
      </header>
      {children}
    </FluentProvider>
  );
}
