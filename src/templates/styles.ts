import type { Border, Fill, Style } from "exceljs";

const thin: Partial<Border> = { style: "thin", color: { argb: "FF808080" } };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function solid(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** Inputs are pale yellow (the convention of financial forms); hand-scored cells orange. */
export const FILL_HEADER = solid("FFD9E1F2");
export const FILL_INPUT = solid("FFFFF2CC");
export const FILL_MANUAL = solid("FFFCE4D6");
export const FILL_TOTAL = solid("FFEDEDED");

export const FONT = { name: "宋体", size: 10 };
export const FONT_BOLD = { ...FONT, bold: true };
export const FONT_TITLE = { name: "黑体", size: 16, bold: true };

export const CENTER: Partial<Style["alignment"]> = { horizontal: "center", vertical: "middle", wrapText: true };
export const LEFT: Partial<Style["alignment"]> = { horizontal: "left", vertical: "middle", wrapText: true };

export const FORMAT_PERCENT = "0.00%";
export const FORMAT_SCORE = "0.00";
export const FORMAT_NUMBER = "#,##0.##";
