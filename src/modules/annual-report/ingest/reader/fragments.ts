import { parseCell, toHalfWidth } from '../../domain/cell.ts';
import { normaliseText } from '../../domain/labels.ts';
import type { Line } from '../document.ts';

/**
 * One line of a table region, split into what names a row (label cells) and what fills it (value cells).
 * A text line inside a table is a label fragment, a line of numbers, a label with numbers after it, or a label
 * with its digits glued on ("一、本年新收政府信息公开申请数量1700000017").
 */
export interface Fragment {
  /** Index of the line in the document. */
  readonly index: number;
  readonly labels: readonly string[];
  /** Printed cells after the last label cell, blanks included. */
  readonly values: readonly string[];
  /** The line carried value cells (a table row, or numbers), even if all of them are blank. */
  readonly hasSlots: boolean;
  readonly aligned: boolean;
  /** Cell count of the row (0 for text). */
  readonly width: number;
  /** Index after the last label cell in the row. */
  readonly labelEnd: number;
  /** Digits glued to the label, to be split by the row's identities. */
  readonly run?: string;
  /** OCR look-alikes read as digits ("l→1", "O→0"), for a note. */
  readonly repaired?: readonly string[];
  readonly source: string;
}

const HAN_OR_LETTER = /[\p{Script=Han}A-Za-z]/u;

/** A cell that names something rather than holding a value. */
export function isLabelCell(cell: string): boolean {
  const t = cell.trim();
  if (!t || !HAN_OR_LETTER.test(t)) return false;
  return (['count', 'money', 'change'] as const).every((k) => parseCell(t, k).kind === 'text');
}

function isValueToken(token: string): boolean {
  if (!token) return false;
  return (['count', 'money', 'change'] as const).some((k) => {
    const kind = parseCell(token, k).kind;
    return kind === 'number' || kind === 'change' || kind === 'dash';
  });
}

/**
 * Stray marks that OCR and converters leave between and inside rows (■, 、, ·, 。): no word, no digit, no dash.
 * They are neither a label nor a value, and read as an empty slot.
 */
export function isNoise(cell: string): boolean {
  const t = cell.trim();
  if (!t || HAN_OR_LETTER.test(t) || /[\d０-９]/.test(t)) return false;
  return parseCell(t).kind === 'text';
}

/** Longer than any label or row of the forms: prose or garbage, never read as part of a table. */
const MAX_FRAGMENT_TEXT = 2000;

/** Letters OCR prints for digits, when a cell holds nothing else: O o 〇 for 0, l I for 1. */
const LOOKALIKE: Readonly<Record<string, string>> = { O: '0', o: '0', '〇': '0', l: '1', I: '1' };

function repairCell(cell: string, repaired: string[]): string {
  const digit = LOOKALIKE[cell];
  if (digit === undefined) return cell;
  repaired.push(`${cell}→${digit}`);
  return digit;
}

export function fragmentOf(line: Line, index: number): Fragment | null {
  if (line.kind === 'text' ? line.text.length > MAX_FRAGMENT_TEXT : line.cells.reduce((n, c) => n + c.length, 0) > MAX_FRAGMENT_TEXT * 4) {
    return null;
  }
  if (line.kind === 'row') {
    const repaired: string[] = [];
    const cells = line.cells
      .map((c) => normaliseText(c).replace(/\s+/g, ' ').trim())
      .map((c) => (isNoise(c) ? '' : repairCell(c, repaired)));
    const fixed = repaired.length ? { repaired } : {};
    let labelEnd = 0;
    const labels: string[] = [];
    // Once a row has shown a label and then a value, later text is a value cell holding stray text
    // ("见说明" under 法律服务机构), not a second label: the row keeps its place and the text is checked as a cell.
    let valueSeen = false;
    cells.forEach((c, i) => {
      if (!valueSeen && isLabelCell(c)) {
        labels.push(c);
        labelEnd = i + 1;
      } else if (labels.length > 0 && isValueToken(c)) {
        valueSeen = true;
      }
    });
    const values = cells.slice(labelEnd);
    if (labels.length === 0 && values.every((v) => v === '')) return null;
    const source = cells.join(' | ');
    // A single label cell with digits glued on and nothing after it: crawler text inside a row.
    if (labels.length === 1 && values.every((v) => v === '')) {
      const glued = gluedRun(labels[0]!);
      if (glued) return { index, labels: [glued.label], values: [], hasSlots: false, aligned: line.aligned, width: cells.length, labelEnd, run: glued.run, source };
    }
    return { index, labels, values, hasSlots: values.length > 0, aligned: line.aligned, width: cells.length, labelEnd, source, ...fixed };
  }
  const text = normaliseText(line.text).replace(/\s+/g, ' ').trim();
  if (!text || isNoise(text)) return null;
  const base = { index, aligned: false, width: 0, labelEnd: 0, source: text };
  const repaired: string[] = [];
  const tokens = text.split(' ');
  let split = tokens.length;
  while (split > 0 && (isValueToken(tokens[split - 1]!) || LOOKALIKE[tokens[split - 1]!] !== undefined)) split--;
  // Look-alikes count as digits only among other values ("l O 0 0 0 0 1"), never alone.
  if (tokens.slice(split).every((t) => LOOKALIKE[t] !== undefined)) {
    while (split < tokens.length && LOOKALIKE[tokens[split]!] !== undefined) split++;
  }
  for (let i = split; i < tokens.length; i++) tokens[i] = repairCell(tokens[i]!, repaired);
  const fixed = repaired.length ? { repaired } : {};
  if (split < tokens.length) {
    const label = tokens.slice(0, split).join(' ');
    const glued = split > 0 ? gluedRun(label) : null;
    const trailing = tokens.slice(split);
    if (glued && trailing.every((t) => /^\d+$/.test(toHalfWidth(t)))) {
      // Digits partly glued, partly spaced ("（一）予以公开600000 6"): one run to split by the identities.
      return { ...base, labels: [glued.label], values: [], hasSlots: false, run: glued.run + trailing.map(toHalfWidth).join('') };
    }
    if (split === 0 || HAN_OR_LETTER.test(label)) {
      return { ...base, labels: label ? [label] : [], values: tokens.slice(split), hasSlots: true, ...fixed };
    }
  }
  const glued = gluedRun(text);
  if (glued) return { ...base, labels: [glued.label], values: [], hasSlots: false, run: glued.run };
  return { ...base, labels: [text], values: [], hasSlots: false };
}

/** "一、本年新收政府信息公开申请数量1700000017" → label and "1700000017". */
export function gluedRun(text: string): { label: string; run: string } | null {
  const half = toHalfWidth(text).trim();
  const m = /^(.*[\p{Script=Han})）"”])\s*(\d[\d.,\s]*?)\s*(万元)?$/u.exec(half);
  if (!m) return null;
  const run = m[2]!.replace(/[\s,]/g, '');
  if (!/^\d[\d.]*$/.test(run)) return null;
  return { label: m[1]!.trim(), run };
}

/**
 * The digits of a row printed as one cell where `columns` cells belong ("1700000017" under seven columns): a glued
 * run rather than one number.
 */
export function singleGluedCell(f: Fragment, columns: number): string | null {
  if (f.run !== undefined || columns < 3 || f.values.length >= columns) return null;
  const filled = f.values.filter((v) => v.trim() !== '');
  if (filled.length !== 1) return null;
  const digits = toHalfWidth(filled[0]!).replace(/\s+/g, '');
  return /^\d+$/.test(digits) && digits.length >= columns ? digits : null;
}

export function hasData(f: Fragment): boolean {
  return f.run !== undefined || f.values.some((v) => v.trim() !== '');
}
