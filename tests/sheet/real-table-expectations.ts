/**
 * What each real table of tests/fixtures/tables should give, worked out by hand from its documentErrors and
 * notes: used by tests/sheet/real-tables.test.ts and `npm run layouts:coverage`.
 */
import type { Finding } from "../../src/check/types";

/**
 * Error and warning findings (deviation-reason-missing aside, it follows from a low score) per fixture, as
 * "cell kind" for an error and "cell kind warning" for a warning: a warning asks the official to confirm a
 * reading; an error says the score is wrong under every reading considered.
 */
export const EXPECTED_FINDINGS: Record<string, string[]> = {
  "anhui-chizhou-tangxi-cunji": ["H7 score-diverges"],
  "anhui-jinzhai-chagu-meili-zhengti": ["H5 score-missing warning"],
  "anhui-suixi-linshi-jiuzhu": ["G14 score-diverges warning", "G18 score-diverges"],
  "anhui-tongling-jiaoqu-gongyi-jiangbu": ["G14 score-exceeds-weight"],
  "anhui-xiaoxian-hexicun-zhongyang": [],
  "hebei-langfang-shipin-nuantong-2019": ["H8 score-diverges warning", "G15 score-diverges warning"],
  "hunan-lingling-linyeju-zhengti": ["H6 score-diverges", "G24 score-diverges", "G25 score-diverges"],
  "hunan-yueyang-shenjiju-zhengti-pingfen-2018": [],
  "shanxi-jishan-jiandanglika-2020": ["H6 score-diverges", "H13 score-diverges", "H17 score-diverges", "H18 score-diverges", "H19 total-diverges"],
  "sichuan-dazhou-nyj-bumen-zhengti-defenbiao": ["A1 weight-sum"],
  "sichuan-puhui-jinrong-zhuanxiang": [],
  "sichuan-qingshen-fgj-gongzixing-zhichu": ["H9 score-missing warning"],
  "sichuan-zhongjiang-shuibiaochi": ["E23 weight-sum", "H23 total-diverges"],
  "yunnan-linxiang-malukeng": ["H6 score-diverges"],
  "yunnan-yongde-minglang-yingyang": ["I16 score-diverges", "I19 score-diverges"],
  // No weight column at all: read, the budget row checked (its weight in 得分(20分*执行率)), the rest said unchecked.
  "yunnan-changning-shengzhu": ["B10 table-unchecked warning"],
  "yunnan-longyang-huafeijianliang": ["E8 score-diverges", "B9 table-unchecked warning"],
  // Two blocks with different headers (项目决策/项目管理 with 分值, 项目绩效 with weights only in the names), the
  // page cut off in the second: the 自评总分 95 covers rows not printed (left out below, as weight sums are).
  "hubei-guangshui-xiangcun-daolu": [],
  // Held-out tables (collected after the engine was built, read before any change for them; see the notes).
  // 预算执行率 154.74/310.2 = 49.88% gives 4.99; the 5 printed is the rate rounded to 50% first: a reading to confirm.
  "beijing-haidian-xueyuanlu-daolu-baojie-2016": ["G5 score-diverges warning"],
  // No score column in the table: read, and said unchecked.
  "chongqing-dazu-shangwuwei-zhengti": ["A10 table-unchecked warning"],
  "hebei-ningjin-gaozhong-zhuxuejin-2019": ["A2 table-unchecked warning"],
  // 政府采购执行率 72.74% of 100% scored full 2 (should be 1.45); 党性教育培训次数 12 of 26次 scored full 5 (as printed;
  // the fixture's notes say the OCR may hide a comparator); "到0次" is OCR damage, quoted and not guessed.
  "chongqing-kexuecheng-rongmeiti-zhengti": ["J17 score-diverges", "J23 score-diverges", "E24 value-unreadable warning"],
  "hainan-shangwuting-fuwumaoyi": [],
  // OCR damage (工5%, ^80%) and a date target against a percent actual are quoted, not guessed; 基本达到 scored 7 of 8
  // lies above the national 部分达成 band (4.8–6.4): a warning to confirm.
  "ningxia-guyuan-yuanzhou-malingshu-zhongshu-2022": ["G17 value-unreadable warning", "G19 value-unreadable warning", "G20 value-unreadable warning", "H23 score-out-of-range warning"],
  // 预算执行率 100% scored 9 of 10: wrong. 公用经费完成时间 (met) 4/5, 效果显著 (met) 13/15 and the 办学环境 row 8/10 lie in
  // the national 达成 band (100%–80%): warnings, not errors. The 自评得分 98 above the visible 84 + 10 cut off is the
  // excerpt's (totals of truncated excerpts are left out).
  "ningxia-yinchuan-liuzhong-chuzhong-gongyong-2021": ["G13 score-diverges", "G21 score-diverges warning", "G28 score-diverges warning", "G31 score-diverges warning"],
  "shanghai-putuo-tiyu-jiesuan": [],
  // Held-out, second round (read fully on arrival, no change needed): weights in names and a 指标分值 column, 序号;
  // a pick-one group 经济效益(可选项) with level cells printing only their weights; 评分标准 before 分值.
  "anhui-shouxian-bumen-zhengti-2023": [],
  "sichuan-dazhou-nyj-xiangmu-defenbiao-kexuanxiang": [],
  "hunan-yueyang-glj-zhengti-pingfen": [],
};

/** Layouts JX does not read fully yet (said, not hidden): none at present. */
export const KNOWN_GAPS = new Set<string>([]);

/** The findings compared: error and warning ones; weight sums and totals of a truncated excerpt (rows cut off) left out. */
export function shownFindings(findings: Finding[], truncated: boolean): string[] {
  return findings
    .filter((x) => x.severity !== "info" && x.kind !== "deviation-reason-missing" && !(truncated && /^(weight-(sum|children)|total-diverges)$/.test(x.kind)))
    .map((x) => `${x.cell} ${x.kind}${x.severity === "warning" ? " warning" : ""}`);
}
