/**
 * Formulas saved without a result (a file written by a program that does not calculate, such as
 * `jx template --example`): JX evaluates what it can — arithmetic, comparisons and IF, AND, OR, NOT, SUM,
 * MIN, MAX, COUNT, AVERAGE, ROUND, ROUNDUP, ROUNDDOWN, INT, ABS, ISNUMBER, NA, SUBSTITUTE, TRIM, FIND, VALUE over cells of the workbook,
 * which covers the formulas JX's templates write — and reports the rest as 未计算, never as missing.
 * Never eval: a small tokenizer and recursive-descent parser; anything else is "cannot evaluate".
 */
import Decimal from "decimal.js";
import { parseA1 } from "../sheet/address";
import type { CellValue, Grid, GridCell } from "../sheet/types";

type V = number | string | boolean | null | { error: string } | V[];

class Unsupported extends Error {}

const NA = { error: "#N/A" };

interface Ctx {
  grids: Map<string, Grid>;
  sheet: string;
  depth: number;
  visiting: Set<string>;
  result: Map<string, CellValue | undefined>;
}

type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; sheet: string | null; a: string; b?: string } | { t: "fn"; v: string } | { t: "op"; v: string };

function tokenize(f: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const sheetRef = /^(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?/;
  const ref = /^(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?(?![\w(])/;
  while (i < f.length) {
    const rest = f.slice(i);
    const ch = f[i];
    if (/\s/.test(ch)) { i++; continue; }
    let m: RegExpExecArray | null;
    if ((m = /^\d+(\.\d+)?([eE][+-]?\d+)?|^\.\d+/.exec(rest))) { out.push({ t: "num", v: Number(m[0]) }); i += m[0].length; continue; }
    if (ch === '"') {
      let j = i + 1, s = "";
      for (;;) {
        if (j >= f.length) throw new Unsupported();
        if (f[j] === '"') { if (f[j + 1] === '"') { s += '"'; j += 2; continue; } break; }
        s += f[j++];
      }
      out.push({ t: "str", v: s }); i = j + 1; continue;
    }
    if ((m = sheetRef.exec(rest))) { out.push({ t: "ref", sheet: (m[1] ?? m[2]).replace(/''/g, "'"), a: m[3], b: m[4] }); i += m[0].length; continue; }
    if ((m = /^([A-Za-z_][\w.]*)\s*\(/.exec(rest))) { out.push({ t: "fn", v: m[1].toUpperCase() }); i += m[0].length; continue; }
    if ((m = ref.exec(rest))) { out.push({ t: "ref", sheet: null, a: m[1], b: m[2] }); i += m[0].length; continue; }
    if ((m = /^(TRUE|FALSE)(?![\w(])/i.exec(rest))) { out.push({ t: "num", v: m[1].toUpperCase() === "TRUE" ? 1 : 0 }); i += m[0].length; continue; }
    if ((m = /^(<>|<=|>=|[-+*/^&=<>(),%])/.exec(rest))) { out.push({ t: "op", v: m[1] }); i += m[0].length; continue; }
    throw new Unsupported();
  }
  return out;
}

type Node = { k: "lit"; v: V } | { k: "ref"; sheet: string | null; a: string; b?: string } | { k: "call"; fn: string; args: Node[] } | { k: "bin"; op: string; l: Node; r: Node } | { k: "neg"; e: Node } | { k: "pct"; e: Node };

function parse(toks: Tok[]): Node {
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === "op" && (peek() as { v: string }).v === v;
  const expect = (v: string) => { if (!isOp(v)) throw new Unsupported(); p++; };
  const levels = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];
  const bin = (lvl: number): Node => {
    if (lvl === levels.length) return unary();
    let l = bin(lvl + 1);
    while (peek()?.t === "op" && levels[lvl].includes((peek() as { v: string }).v)) {
      const op = (toks[p++] as { v: string }).v;
      l = { k: "bin", op, l, r: bin(lvl + 1) };
    }
    return l;
  };
  const unary = (): Node => {
    if (isOp("-")) { p++; return { k: "neg", e: unary() }; }
    if (isOp("+")) { p++; return unary(); }
    let e = primary();
    while (isOp("%")) { p++; e = { k: "pct", e }; }
    return e;
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Unsupported();
    if (t.t === "num") return { k: "lit", v: t.v };
    if (t.t === "str") return { k: "lit", v: t.v };
    if (t.t === "ref") return { k: "ref", sheet: t.sheet, a: t.a, b: t.b };
    if (t.t === "fn") {
      const args: Node[] = [];
      if (!isOp(")")) {
        for (;;) {
          args.push(isOp(",") || isOp(")") ? { k: "lit", v: null } : bin(0));
          if (isOp(",")) { p++; continue; }
          break;
        }
      }
      expect(")");
      return { k: "call", fn: t.v, args };
    }
    if (t.v === "(") { const e = bin(0); expect(")"); return e; }
    throw new Unsupported();
  };
  const node = bin(0);
  if (p !== toks.length) throw new Unsupported();
  return node;
}

const isErr = (v: V): v is { error: string } => typeof v === "object" && v !== null && !Array.isArray(v);

function num(v: V): number | { error: string } {
  if (isErr(v)) return v;
  if (Array.isArray(v)) return num(v[0] ?? null);
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v.trim());
  if (v.trim() !== "" && Number.isFinite(n)) return n;
  return { error: "#VALUE!" };
}

function text(v: V): string {
  if (Array.isArray(v)) return text(v[0] ?? null);
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isErr(v)) return v.error;
  return String(v);
}

function flat(args: V[]): V[] {
  return args.flatMap((a) => (Array.isArray(a) ? flat(a) : [a]));
}

function cellValue(ctx: Ctx, sheet: string, row: number, col: number): V {
  const grid = ctx.grids.get(sheet);
  if (!grid) throw new Unsupported();
  const cell = grid.cells[row]?.[col];
  if (!cell) return null;
  if (cell.formula && (cell.value === null || cell.value === undefined)) {
    const v = evaluateCell(ctx, sheet, row, col, cell);
    if (v === undefined) throw new Unsupported();
    return v instanceof Date ? serial(v) : v;
  }
  const v = cell.value;
  return v instanceof Date ? serial(v) : (v as V);
}

function serial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function roundTo(x: number, digits: number, mode: "half" | "up" | "down"): number {
  const d = new Decimal(x);
  const rm = mode === "half" ? Decimal.ROUND_HALF_UP : mode === "up" ? Decimal.ROUND_UP : Decimal.ROUND_DOWN;
  if (digits >= 0) return d.toDecimalPlaces(digits, rm).toNumber();
  const f = new Decimal(10).pow(-digits);
  return d.div(f).toDecimalPlaces(0, rm).times(f).toNumber();
}

function evalNode(n: Node, ctx: Ctx): V {
  switch (n.k) {
    case "lit":
      return n.v;
    case "ref": {
      const sheet = n.sheet ?? ctx.sheet;
      const a = parseA1(n.a.replace(/\$/g, ""));
      const b = n.b ? parseA1(n.b.replace(/\$/g, "")) : a;
      if (!a || !b) throw new Unsupported();
      if (!n.b) return cellValue(ctx, sheet, a.row, a.col);
      if ((b.row - a.row + 1) * (b.col - a.col + 1) > 10000) throw new Unsupported();
      const out: V[] = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(cellValue(ctx, sheet, r, c));
      return out;
    }
    case "neg": {
      const x = num(evalNode(n.e, ctx));
      return isErr(x) ? x : -x;
    }
    case "pct": {
      const x = num(evalNode(n.e, ctx));
      return isErr(x) ? x : x / 100;
    }
    case "bin": {
      const l = evalNode(n.l, ctx);
      const r = evalNode(n.r, ctx);
      if (isErr(l)) return l;
      if (isErr(r)) return r;
      if (n.op === "&") return text(l) + text(r);
      if (["=", "<>", "<", ">", "<=", ">="].includes(n.op)) {
        const lv = Array.isArray(l) ? l[0] ?? null : l;
        const rv = Array.isArray(r) ? r[0] ?? null : r;
        let cmp: number;
        const ln = typeof lv === "number" || lv === null ? (lv ?? 0) : null;
        const rn = typeof rv === "number" || rv === null ? (rv ?? 0) : null;
        if ((lv === null && typeof rv === "string") || (rv === null && typeof lv === "string")) cmp = text(lv as V).localeCompare(text(rv as V));
        else if (ln !== null && rn !== null) cmp = ln - rn;
        else if (typeof lv === "string" && typeof rv === "string") cmp = lv.toLowerCase() < rv.toLowerCase() ? -1 : lv.toLowerCase() > rv.toLowerCase() ? 1 : 0;
        else if (typeof lv === "boolean" && typeof rv === "boolean") cmp = Number(lv) - Number(rv);
        else cmp = typeof lv === "number" ? -1 : 1; // numbers < text < booleans
        return { "=": cmp === 0, "<>": cmp !== 0, "<": cmp < 0, ">": cmp > 0, "<=": cmp <= 0, ">=": cmp >= 0 }[n.op]!;
      }
      const x = num(l);
      const y = num(r);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      switch (n.op) {
        case "+": return new Decimal(x).plus(y).toNumber();
        case "-": return new Decimal(x).minus(y).toNumber();
        case "*": return new Decimal(x).times(y).toNumber();
        case "/": return y === 0 ? { error: "#DIV/0!" } : new Decimal(x).div(y).toNumber();
        case "^": return Math.pow(x, y);
      }
      throw new Unsupported();
    }
    case "call":
      return call(n.fn, n.args, ctx);
  }
}

function call(fn: string, args: Node[], ctx: Ctx): V {
  const ev = (i: number) => evalNode(args[i] ?? { k: "lit", v: null }, ctx);
  const nums = () => {
    const vs = flat(args.map((_, i) => ev(i)));
    const err = vs.find(isErr);
    if (err) return err;
    return vs.filter((v): v is number => typeof v === "number");
  };
  const bool = (v: V): boolean | { error: string } => {
    const x = num(v);
    return isErr(x) ? x : x !== 0;
  };
  switch (fn) {
    case "IF": {
      const c = bool(ev(0));
      if (isErr(c)) return c;
      return c ? ev(1) : args.length > 2 ? ev(2) : false;
    }
    case "AND":
    case "OR": {
      const vs = flat(args.map((_, i) => ev(i))).filter((v) => v !== null && typeof v !== "string");
      const bs = vs.map(bool);
      const err = bs.find(isErr);
      if (err) return err as { error: string };
      return fn === "AND" ? bs.every(Boolean) : bs.some(Boolean);
    }
    case "NOT": {
      const b = bool(ev(0));
      return isErr(b) ? b : !b;
    }
    case "SUM":
    case "MIN":
    case "MAX":
    case "COUNT":
    case "AVERAGE": {
      const xs = nums();
      if (isErr(xs)) return xs;
      if (fn === "COUNT") return xs.length;
      if (fn === "SUM") return xs.reduce((s, x) => s.plus(x), new Decimal(0)).toNumber();
      if (fn === "AVERAGE") return xs.length ? xs.reduce((s, x) => s.plus(x), new Decimal(0)).div(xs.length).toNumber() : { error: "#DIV/0!" };
      if (xs.length === 0) return 0;
      return fn === "MIN" ? Math.min(...xs) : Math.max(...xs);
    }
    case "ROUND":
    case "ROUNDUP":
    case "ROUNDDOWN": {
      const x = num(ev(0));
      const d = num(ev(1));
      if (isErr(x)) return x;
      if (isErr(d)) return d;
      return roundTo(x, Math.trunc(d), fn === "ROUND" ? "half" : fn === "ROUNDUP" ? "up" : "down");
    }
    case "INT": {
      const x = num(ev(0));
      return isErr(x) ? x : Math.floor(x);
    }
    case "ABS": {
      const x = num(ev(0));
      return isErr(x) ? x : Math.abs(x);
    }
    case "ISNUMBER": {
      const v = ev(0);
      return typeof (Array.isArray(v) ? v[0] : v) === "number";
    }
    case "NA":
      return NA;
    case "SUBSTITUTE": {
      const [a, b, c] = [ev(0), ev(1), ev(2)];
      if (isErr(a)) return a;
      if (args.length > 3) throw new Unsupported();
      const from = text(b);
      return from === "" ? text(a) : text(a).split(from).join(text(c));
    }
    case "TRIM": {
      const a = ev(0);
      return isErr(a) ? a : text(a).replace(/ +/g, " ").trim();
    }
    case "FIND": {
      const [a, b] = [ev(0), ev(1)];
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      const start = args.length > 2 ? num(ev(2)) : 1;
      if (isErr(start)) return start;
      const at = text(b).indexOf(text(a), start - 1);
      return at < 0 ? { error: "#VALUE!" } : at + 1;
    }
    case "VALUE": {
      const a = ev(0);
      if (isErr(a) || typeof a === "number") return a;
      const t = text(a).trim();
      const pct = /%$/.test(t);
      const n = Number((pct ? t.slice(0, -1) : t).replace(/,/g, ""));
      if (t === "" || !Number.isFinite(n)) return { error: "#VALUE!" };
      return pct ? new Decimal(n).div(100).toNumber() : n;
    }
  }
  throw new Unsupported();
}

function evaluateCell(ctx: Ctx, sheet: string, row: number, col: number, cell: GridCell): CellValue | undefined {
  const key = `${sheet}\u0000${row}\u0000${col}`;
  if (ctx.result.has(key)) return ctx.result.get(key);
  if (ctx.visiting.has(key) || ctx.depth > 200) return undefined;
  ctx.visiting.add(key);
  ctx.depth++;
  let out: CellValue | undefined;
  try {
    const v = evalNode(parse(tokenize(cell.formula!)), { ...ctx, sheet });
    const first = Array.isArray(v) ? (v[0] ?? null) : v;
    out = isErr(first as V) ? undefined : (first as CellValue);
    // A number JX would show: binary noise off, as Excel displays it.
    if (typeof out === "number") out = Number(out.toPrecision(15));
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    out = undefined;
  } finally {
    ctx.depth--;
    ctx.visiting.delete(key);
  }
  ctx.result.set(key, out);
  return out;
}

export interface UncalculatedCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  formula: string;
  /** The value JX calculated, or undefined when it cannot evaluate the formula. */
  value: CellValue | undefined;
}

/**
 * Grids with every formula that has no saved result evaluated where JX can (new cell objects; the input
 * grids are not changed), and the list of such cells.
 */
export function calculateUncached(grids: Grid[]): { grids: Grid[]; cells: UncalculatedCell[] } {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const ctx: Ctx = { grids: byName, sheet: "", depth: 0, visiting: new Set(), result: new Map() };
  const cells: UncalculatedCell[] = [];
  const out = grids.map((grid) => {
    let copy: Grid | null = null;
    grid.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula || (cell.value !== null && cell.value !== undefined)) return;
        const value = evaluateCell(ctx, grid.name, r, c, cell);
        cells.push({ sheet: grid.name, cell: a1(r, c), formula: cell.formula, value });
        if (value === undefined || value === null) return;
        copy ??= { ...grid, cells: grid.cells.map((x) => [...x]) };
        copy.cells[r][c] = { ...cell, value };
      }),
    );
    return copy ?? grid;
  });
  return { grids: out, cells };
}

function a1(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}
