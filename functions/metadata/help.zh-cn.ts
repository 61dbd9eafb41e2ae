/**
 * Chinese help for every =JX.* function and parameter, keyed by function id and parameter name as they
 * appear in the generated functions.json. The build fails if this and functions.ts drift apart.
 */
export interface ParameterHelp {
  /** The parameter's name in Chinese Excel's formula tooltip (=JX.SCORE(规则, 目标值, 实际值, 权重, [选项])). */
  name: string;
  description: string;
}

export interface FunctionHelp {
  description: string;
  parameters: Record<string, ParameterHelp>;
}

const p = (name: string, description: string): ParameterHelp => ({ name, description });

const ROW = {
  rule: p("规则", "评分规则原文，如“每降低1%扣权重分的10%”；留空则按国家默认规则（完成值/指标值×分值）"),
  target: p("目标值", "目标值（指标值），如“≥95%”或 95%"),
  actual: p("实际值", "实际值（完成值）"),
  weight: p("权重", "权重（分值）"),
  options: p("选项", "评分选项，如“步长=整步;舍入=一位小数”；可用 步长、反向、档次、舍入、等级"),
};

const STEP = {
  step: p("步长", "每一步的大小，默认1%（1个百分点）；目标值不是百分比（天、项、人次）时必须填写"),
  direction: p("方向", "扣分方向：低于（默认）、高于（“≤”目标的默认）或 双向"),
  counting: p("计法", "不足一步的计法：按比例（默认）、整步、就近、开始即扣"),
};

export const ZH_CN_HELP: Record<string, FunctionHelp> = {
  SCORE: {
    description: "按本行的评分规则计算得分（规则为空时按国家默认规则），四舍五入保留两位小数",
    parameters: ROW,
  },
  EXPLAIN: {
    description: "用中文说明本行得分的计算过程，可填入“评分说明”列",
    parameters: ROW,
  },
  LINEAR_DEDUCT: {
    description: "线性扣分（按权重比例）：达到目标得满分，每差一步扣权重分的一定比例，扣完为止。例：=JX.LINEAR_DEDUCT(95%,100%,4,10%) 得2",
    parameters: {
      actual: ROW.actual,
      target: ROW.target,
      weight: ROW.weight,
      rate: p("比例", "每步扣权重分的比例，如10%（即扣权重分的10%）；按固定分值扣分请用 JX.LINEAR_DEDUCT_POINTS"),
      ...STEP,
    },
  },
  LINEAR_DEDUCT_POINTS: {
    description: "线性扣分（按固定分值）：达到目标得满分，每差一步扣固定分值，扣完为止。例：=JX.LINEAR_DEDUCT_POINTS(95%,100%,4,0.1) 得3.5",
    parameters: {
      actual: ROW.actual,
      target: ROW.target,
      weight: ROW.weight,
      points: p("分值", "每步扣的分值，如0.1（即扣0.1分）"),
      ...STEP,
    },
  },
  RATIO: {
    description: "完成率法：得分=实际值/目标值×分值，超出目标值不加分",
    parameters: {
      actual: ROW.actual,
      target: ROW.target,
      weight: ROW.weight,
      reverse_formula: p("反向公式", "反向指标（越低越好）时填写：目标/实际（即 TRUE，默认）或 相对（1-(实际-目标)/目标）"),
    },
  },
  BRACKET: {
    description: "分档计分：取数值达到的第一档的分值，低于所有档得0分。例：=JX.BRACKET(E5,{1,0.95,0.9,0.85},{4,3,2,1})",
    parameters: {
      value: p("数值", "要分档的数值"),
      bounds: p("界限", "各档界限，从高到低，如 {1,0.95,0.9,0.85}；或一段分档文字，如“≥95%，得3分；90%（含）—95%的得1分”"),
      points: p("得分", "各档得分，如 {4,3,2,1}；分档写成文字时省略"),
      closed_side: p("界限归属", "界限归属：下（界限属于其下方一档的下限，从高到低排列时的默认）或 上"),
    },
  },
  CHECKLIST: {
    description: "要点计分：具备的要点得其分值；关键要点不具备（或填“全部”时任一项不具备）得0分",
    parameters: {
      met: p("是否具备", "每个要点是否具备：是/否、√/×、TRUE/FALSE 或 1/0"),
      shares: p("分值", "每个要点的分值"),
      gate: p("关键要点", "关键要点序号，如 1 或 {1,3}；或“全部”，表示任意一项不具备得0分"),
    },
  },
  MATCH: {
    description: "定性指标：实际与目标一致得满分，未达成得0分，部分达成按档次提示人工评分",
    parameters: {
      target: p("目标", "目标（如“健全”）"),
      actual: p("实际", "实际情况"),
      weight: ROW.weight,
      bands: p("档次", "定性指标档次：80/60（默认）或 80/50"),
    },
  },
  GRADE: {
    description: "按总分评定等级（优/良/中/差）",
    parameters: {
      total: p("总分", "总分（0–100）"),
      scheme: p("等级标准", "等级标准：国家（默认，优≥90、良80–90、中60–80、差<60）、优秀良好、80/70/60、整数区间"),
    },
  },
  WEIGHTS: {
    description: "核对权重合计，返回“权重合计100，通过”或说明相差多少",
    parameters: {
      weights: p("权重区域", "权重所在单元格区域"),
      expected: p("应有合计", "应有的合计，默认100"),
    },
  },
  VALUE: {
    description: "取出目标值或实际值文字中的数：“≥95百分比”得0.95，“≤4万元”得4",
    parameters: {
      text: p("文字", "目标值或实际值"),
    },
  },
  MEETS: {
    description: "判断实际值是否达到目标值（≥、≤、= 及“健全”等文字），返回 TRUE 或 FALSE",
    parameters: {
      target: ROW.target,
      actual: ROW.actual,
    },
  },
  FORMULA: {
    description: "把评分规则转换为电子表格原生公式（不装加载项的 Excel、WPS、LibreOffice 也能计算），返回以“=”开头的公式文字",
    parameters: {
      rule: ROW.rule,
      target_cell: p("目标值单元格", "目标值所在的单元格：直接引用（如 D11），或以文字给出地址（如 \"D11\"）"),
      actual_cell: p("实际值单元格", "实际值所在的单元格：直接引用（如 E11），或以文字给出地址（如 \"E11\"）"),
      weight_cell: p("权重单元格", "权重所在的单元格：直接引用（如 F11），或以文字给出地址（如 \"F11\"）"),
      options: ROW.options,
      name: p("指标名称", "三级指标名称（用于判断成本、控制率等越低越好的指标），可省略"),
    },
  },
};
