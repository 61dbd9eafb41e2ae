/**
 * Traditional characters of the words that score a row, folded to simplified: public tables are re-posted
 * by mirror sites in traditional script (seen in tests/corpus/rows/fujian-ningde-rencaiyizhan.json
 * "到位及時率大于90%得滿分" and yunnan-lijiang-gucheng-weipian.json). Only characters whose simplified form
 * is unambiguous in this field are listed; a name is shown to the user as typed.
 */
const PAIRS =
  "滿满時时標标準准實实際际達达預预執执權权數数績绩評评價价計计劃划資资項项為为與与於于個个點点萬万億亿內内應应發发" +
  "並并對对還还將将無无開开關关質质務务規规範范錯错誤误後后總总額额減减據据從从產产業业農农戶户補补貼贴費费經经濟济" +
  "環环護护衛卫醫医療疗學学體体團团區区縣县鄉乡鎮镇處处單单門门辦办當当選选擇择間间適适驗验蓋盖維维養养較较顯显確确" +
  "類类級级則则測测設设備备於于麼么兩两嚴严厲厉違违紀纪檢检査查審审議议達达緊紧響响優优進进辦办證证" +
  "報报導导積积極极廣广傳传統统遞递據据顧顾問问題题準准確确項项檔档層层級级備备齊齐純纯網网絡络線线電电腦脑車车" +
  "輛辆運运輸输鐵铁橋桥隊队員员職职責责負负擔担獎奖勵励懲惩罰罚違违續续繼继權权觀观點点滯滞額额僅仅約约" +
  "況况狀状態态節节約约損损壞坏災灾險险陳陈舊旧換换殘残滅灭殺杀蟲虫藥药療疗診诊斷断兒儿婦妇幣币範范圍围標标誌志" +
  "億亿萬万餘余總总計计劃划實实際际這这個个們们來来說说對对時时會会過过沒没樣样麗丽";

const MAP: Record<string, string> = {};
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP[PAIRS[i]] = PAIRS[i + 1];

export function simplifiedChar(ch: string): string {
  return MAP[ch] ?? ch;
}
