import { normaliseLabel } from '../../domain/labels.ts';

/**
 * How a printed label is compared with a row of the form. Real labels are mistyped, cut at a line or page break,
 * glued to a group label or carry extra notes, so matching is graded: exact, prefix, substring, then the longest
 * common subsequence; the printed numbering (1. / （一） / 一、) adds or takes a little.
 */

export interface LabelTarget {
  readonly marker: string;
  readonly label: string;
  readonly aliases: readonly string[];
}

const MARKER = /^(\([一二三四五六七八九十]+\)\.?|[一二三四五六七八九十]+\.|\(\d+\)\.?|\d+\.(?!\d)|[①-⑳])/;

/** A label split into its printed numbering (normalised, e.g. "(三)" or "1.") and the words. */
export function splitMarker(printed: string): { marker: string; words: string } {
  const n = normaliseLabel(printed);
  const m = MARKER.exec(n);
  if (!m) return { marker: '', words: trimPunctuation(n) };
  return { marker: m[1]!.replace(/\.$/, '').replace(/^(\d+|[一二三四五六七八九十]+)$/, '$1.'), words: trimPunctuation(n.slice(m[0].length)) };
}

function trimPunctuation(words: string): string {
  return words.replace(/^[.,:;|丨]+/, '').replace(/[.,:;|丨]+$/, '');
}

function markerOf(target: LabelTarget): string {
  return target.marker ? splitMarker(target.marker + '字').marker : '';
}

function wordsOf(label: string): string {
  return splitMarker(label).words;
}

/** Similarity of printed words `t` to one official wording `l`, in [0, 1]. */
export function wordScore(t: string, l: string): number {
  if (!t || !l) return 0;
  if (t === l) return 1;
  let best = 0;
  if (l.startsWith(t) && t.length >= Math.min(4, l.length)) best = Math.max(best, 0.6 + 0.35 * (t.length / l.length));
  if (t.startsWith(l) && l.length >= 2) best = Math.max(best, 0.6 + 0.3 * (l.length / t.length));
  if (l.includes(t) && t.length >= 3) best = Math.max(best, 0.45 + 0.35 * (t.length / l.length));
  if (t.includes(l) && l.length >= 3) best = Math.max(best, 0.45 + 0.3 * (l.length / t.length));
  if (t.length <= 60) {
    const sim = (2 * lcs(t, l)) / (t.length + l.length);
    if (sim >= 0.5) best = Math.max(best, 0.85 * sim);
  }
  return best;
}

/** How well a printed label names the target row (0 = not at all, ~1 = exactly). */
export function labelScore(printed: string, target: LabelTarget): number {
  const { marker, words } = splitMarker(printed);
  if (!words) return 0;
  let best = 0;
  for (const l of [target.label, ...target.aliases]) best = Math.max(best, wordScore(words, wordsOf(l)));
  if (best === 0) return 0;
  const expected = markerOf(target);
  if (marker && expected) best += marker === expected ? 0.08 : -0.12;
  return best;
}

/**
 * A piece of a spanning group label (三、本年度办理结果 printed one character per line, （四）无 | 法提供 split by a
 * page break): its words are part of the group's words and its numbering, if any, is the group's.
 */
export function isGroupPiece(printed: string, groups: readonly LabelTarget[]): boolean {
  const { marker, words } = splitMarker(printed);
  for (const g of groups) {
    const gm = markerOf(g);
    if (marker && marker !== gm) continue;
    if (!words) return marker !== '' && /[一二三四五六七八九十]/.test(marker);
    for (const l of [g.label, ...g.aliases]) if (wordsOf(l).includes(words)) return true;
  }
  return false;
}

/** Removes group labels glued in front of a row label: "三、本年度办理结果（一）予以公开" → "（一）予以公开". */
export function stripGroupPrefix(printed: string, groups: readonly LabelTarget[]): string {
  let n = normaliseLabel(printed);
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const g of groups) {
      for (const l of [normaliseLabel(g.marker + g.label), ...[g.label, ...g.aliases].map(normaliseLabel)]) {
        if (l.length >= 3 && n.startsWith(l) && n.length > l.length) {
          n = n.slice(l.length);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return n;
}

const HEADER_PATTERNS = /勾稽|第[一二三四]项|第二十条|单位:|^\(本列|^数据\d*$|^列\d+$/;

/** Words of a column header, a block heading or the corner cell: never a row. */
export function isHeaderText(printed: string, headerWords: readonly string[]): boolean {
  const { marker, words } = splitMarker(printed);
  if (!words) return false;
  if (/^\d/.test(marker)) return false;
  if (HEADER_PATTERNS.test(words)) return true;
  if (marker) return false;
  return headerWords.some((w) => w.includes(words) || (w.length >= 3 && words.includes(w)));
}

function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j]!;
  }
  return prev[b.length]!;
}
