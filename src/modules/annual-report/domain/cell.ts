/**
 * A table cell exactly as a report printed it. A blank cell, a dash and a zero are
 * three different things: a blank 总计 is a finding, a printed 0 is a value.
 */
export type Cell =
  /** A plain count or amount. `value` is normalised (money in 万元); `raw` is what was printed. */
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  /** A signed change (本年增/减): 0, +1036, -8, 增加 2 个, 减少1项. */
  | { readonly kind: 'change'; readonly value: number; readonly raw: string }
  /** Nothing printed. */
  | { readonly kind: 'blank' }
  /** A placeholder meaning "none": /, -, —, 无. */
  | { readonly kind: 'dash'; readonly raw: string }
  /** Anything else: stray text that is not a number. */
  | { readonly kind: 'text'; readonly raw: string };

export type CellKind = Cell['kind'];

/** What a column holds, which decides how a printed cell is read. */
export type ValueKind = 'count' | 'change' | 'money';

export const BLANK: Cell = Object.freeze({ kind: 'blank' });

export const num = (value: number, raw = String(value)): Cell => ({ kind: 'number', value, raw });
export const change = (value: number, raw = formatChange(value)): Cell => ({ kind: 'change', value, raw });

export function formatChange(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** The numeric value of a cell, or null when it holds none (blank, dash, text). */
export function numericValue(cell: Cell | undefined): number | null {
  if (!cell) return null;
  return cell.kind === 'number' || cell.kind === 'change' ? cell.value : null;
}

/** The value used in sums: a blank or a dash counts as 0 (domain §4 check 4). */
export function valueForSum(cell: Cell | undefined): number {
  return numericValue(cell) ?? 0;
}

export function isBlankLike(cell: Cell | undefined): boolean {
  return !cell || cell.kind === 'blank' || cell.kind === 'dash';
}

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  const na = numericValue(a);
  const nb = numericValue(b);
  if (na !== null || nb !== null) return na !== null && nb !== null && Math.abs(na - nb) < 1e-9;
  return (a?.kind ?? 'blank') === (b?.kind ?? 'blank');
}

const FULL_WIDTH_DIGITS = /[０-９．，－＋]/g;
const DASHES = new Set(['/', '／', '-', '－', '—', '——', '–', '一', '无', '\\', '×']);

/** Normalises full-width digits and signs to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Reads one printed cell as a column of the given kind would hold it.
 * Money is returned in 万元: "26158.97 万元" → 26158.97, "251000元" → 25.1.
 */
export function parseCell(printed: string, kind: ValueKind = 'count'): Cell {
  const raw = printed.replace(/\s+/g, ' ').trim();
  if (raw === '' || raw === '\u00a0') return BLANK;
  if (DASHES.has(raw)) return { kind: 'dash', raw };
  const text = toHalfWidth(raw).replace(/\s+/g, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (kind === 'change') {
    const words = /^(增加|新增|增|减少|减|\+|-)?(\d+(?:\.\d+)?)(个|项|件|条)?$/.exec(text);
    if (words) {
      const sign = words[1] && /减|-/.test(words[1]) ? -1 : 1;
      return { kind: 'change', value: sign * Number(words[2]), raw };
    }
    if (/^(无变化|不变|持平)$/.test(text)) return { kind: 'change', value: 0, raw };
    return { kind: 'text', raw };
  }
  if (kind === 'money') {
    const money = /^(\d+(?:\.\d+)?)(万元|万|元)?$/.exec(text);
    if (money) {
      const amount = Number(money[1]);
      const value = money[2] === '元' ? roundMoney(amount / 10000) : amount;
      return { kind: 'number', value, raw };
    }
    return { kind: 'text', raw };
  }
  const count = /^(\d+)(个|项|件|条|起|次)?$/.exec(text);
  if (count) return { kind: 'number', value: Number(count[1]), raw };
  const decimal = /^-?\d+(?:\.\d+)?$/.exec(text);
  if (decimal) return { kind: 'number', value: Number(text), raw };
  return { kind: 'text', raw };
}

function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** How a cell is printed when gongkai writes a report. */
export function printCell(cell: Cell | undefined, kind: ValueKind = 'count'): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'blank':
      return '';
    case 'dash':
    case 'text':
      return cell.raw;
    case 'change':
      return formatChange(cell.value);
    case 'number':
      return kind === 'money' ? String(cell.value) : String(cell.value);
  }
}
