import { BLANK, parseCell, type Cell, type ValueKind } from '../../domain/cell.ts';
import type { RowDef, TableDef, TableId } from '../../domain/formats/index.ts';
import type { ExtractionNote } from '../../domain/report.ts';
import { splitDigitRun, type DigitGroup } from '../digit-split.ts';
import { hasData, singleGluedCell, type Fragment } from './fragments.ts';
import { isGroupPiece, isHeaderText, labelScore as scoreLabel, stripGroupPrefix } from './label-match.ts';
import { cellSignature, placeAligned, placeUnaligned, type Anchor, type Judge } from './placement.ts';

/**
 * The reader for tables made of labelled rows (二 and 三). It walks the fragments of the table's region in order,
 * keeping a cursor in the form's row order, and gives each fragment with values to the row its label (alone, or
 * joined with the label fragments printed just before it) names best; a fragment that only continues the label of
 * the row before it is folded into that row.
 */

export interface RowTableSpec {
  readonly table: TableId;
  readonly def: TableDef;
  readonly anchor: Anchor;
  readonly headerWords: readonly string[];
  readonly judge?: Judge;
  /** Identities for splitting glued digits of a row with this many columns. */
  readonly digitGroups?: { readonly columns: number; readonly groups: readonly DigitGroup[] };
}

export interface RowReading {
  readonly row: RowDef;
  readonly cells: readonly Cell[];
  /** Every reading that fits as well (first = chosen); more than one means the choice is open. */
  readonly fitting: readonly (readonly Cell[])[];
  readonly source: string;
}

export interface RowTableResult {
  readonly readings: ReadonlyMap<string, RowReading>;
  readonly notes: readonly ExtractionNote[];
  readonly consumed: ReadonlySet<number>;
  /** A header or a row of this table was seen. */
  readonly recognised: boolean;
}

const ACCEPT = 0.55;
const POSITION_HINT = 0.25;
const MAX_PENDING = 3;
const MAX_PENDING_LENGTH = 40;
/** Label fragments kept waiting for their values; older ones are dropped (a real wrapped label spans 2-3 lines). */
const MAX_PENDING_KEPT = 8;
const MAX_MEMO = 5000;

interface Match {
  readonly rowIndex: number;
  readonly score: number;
  readonly text: string;
  /** How many pending label fragments the text joins in front of the fragment's own label. */
  readonly joined: number;
}

export function readRowTable(fragments: readonly Fragment[], spec: RowTableSpec): RowTableResult {
  const { def, table } = spec;
  const rows = def.rows;
  // Scores are asked for again and again (every unassigned row, joined label texts): compute each once.
  const memo = new Map<string, number[]>();
  const labelScore = (text: string, row: RowDef): number => {
    let scores = memo.get(text);
    if (!scores) {
      scores = rows.map((r) => scoreLabel(text, r));
      if (memo.size > MAX_MEMO) memo.clear();
      memo.set(text, scores);
    }
    const i = rows.indexOf(row);
    return i >= 0 ? scores[i]! : scoreLabel(text, row);
  };
  const strongRow = (label: string): boolean => rows.some((r) => labelScore(label, r) >= 0.9);
  const kindOf = new Map<string, ValueKind>(def.columns.map((c) => [c.id, c.kind]));
  const widest = Math.max(...rows.map((r) => r.columns.length));
  const gridWidth = modeWidth(fragments, widest);
  const readings = new Map<string, RowReading>();
  const notes: ExtractionNote[] = [];
  const consumed = new Set<number>();
  let recognised = false;
  let cursor = 0;
  let pending: Fragment[] = [];
  let last: { rowIndex: number; text: string; hadData: boolean } | null = null;
  /** Rows given values by their place in the table alone, with the printed text: a later row naming them wins. */
  const byPosition = new Map<string, string>();

  const isAssigned = (i: number) => readings.has(rows[i]!.id);
  const cursorRow = (): number => {
    for (let i = cursor; i < rows.length; i++) if (!isAssigned(i)) return i;
    return -1;
  };
  const scored = (text: string, i: number): number => {
    const base = labelScore(text, rows[i]!);
    if (base === 0) return 0;
    const at = cursorRow();
    if (i === at) return base + 0.05;
    if (i < cursor) return base - 0.1;
    return base - Math.min(0.1, 0.01 * Math.max(0, i - Math.max(at, 0)));
  };
  const bestFor = (texts: readonly string[]): Match | null => {
    let best: Match | null = null;
    texts.forEach((text, joined) => {
      if (!text) return;
      for (let i = 0; i < rows.length; i++) {
        if (isAssigned(i)) continue;
        const s = scored(text, i);
        if (s > 0 && (!best || s > best.score + 1e-9)) best = { rowIndex: i, score: s, text, joined };
      }
    });
    return best;
  };

  const assign = (rowIndex: number, frag: Fragment, text: string, how: 'label' | 'position' | 'continued', joined = 0) => {
    const row = rows[rowIndex]!;
    const kinds = row.columns.map((c) => kindOf.get(c) ?? 'count');
    const placed = placeFragment(frag, kinds, spec, gridWidth);
    readings.set(row.id, { row, cells: placed.cells, fitting: placed.fitting, source: text });
    consumed.add(frag.index);
    for (const p of pending) consumed.add(p.index);
    recognised = true;
    const official = `${row.marker}${row.label}`;
    if (how === 'position') {
      byPosition.set(row.id, frag.source);
      notes.push({ kind: 'guessed', table, row: row.id, source: frag.source, message: `「${frag.source}」的标签无法识别，按在表中的位置归入“${official}”` });
    } else if (how === 'continued') {
      notes.push({ kind: 'guessed', table, row: row.id, source: frag.source, message: `“${official}”的数字印在标签的下一行「${frag.source}」，归入该行` });
    } else {
      const printed = [...pending.slice(pending.length - joined).map((p) => p.source), frag.source].join(' / ');
      notes.push({ kind: 'matched', table, row: row.id, source: printed, message: `「${printed}」对应“${official}”` });
    }
    if (frag.repaired?.length) {
      notes.push({ kind: 'guessed', table, row: row.id, source: frag.source, message: `“${official}”中有像数字的字母，按识别错误读作数字：${frag.repaired.join('、')}` });
    }
    notes.push(...placed.notes.map((message) => ({ kind: 'guessed' as const, table, row: row.id, source: frag.source, message: `“${official}”：${message}` })));
    cursor = Math.max(cursor, rowIndex + 1);
    last = { rowIndex, text, hadData: hasData(frag) };
    pending = [];
  };

  for (const frag of fragments) {
    const labels = frag.labels
      .map((l) => stripGroupPrefix(l, def.groups))
      .filter((l) => l !== '' && !(isGroupPiece(l, def.groups) && !strongRow(l)));
    const data = hasData(frag);
    if (labels.length === 0 && frag.labels.length > 0 && !data) {
      consumed.add(frag.index);
      continue;
    }
    const header = labels.every((l) => isHeaderText(l, spec.headerWords));
    if (!data && labels.length > 0 && header && (labels.length > 1 || !strongRow(labels[0]!))) {
      consumed.add(frag.index);
      recognised = true;
      continue;
    }
    if (!frag.hasSlots && frag.run === undefined) {
      if (labels.length > 0 && labels.join('').length <= MAX_PENDING_LENGTH) {
        pending.push({ ...frag, labels });
        if (pending.length > MAX_PENDING_KEPT) pending = pending.slice(-MAX_PENDING_KEPT);
      }
      continue;
    }
    if (labels.length === 0 && !data) continue;
    const own = labels.at(-1) ?? '';
    const texts = [own];
    for (let k = 1; k <= Math.min(MAX_PENDING, pending.length); k++) {
      texts.push(pending.slice(-k).map((p) => p.labels.join('')).join('') + own);
    }
    reclaimFromPosition(own);
    const best = bestFor(texts);
    // A fragment that continues the label of the row just read ("2. 没有现成信息需要" / "另行制作").
    const prev = last as { rowIndex: number; text: string; hadData: boolean } | null;
    if (prev && own) {
      const prevRow = rows[prev.rowIndex]!;
      const joined = prev.text + own;
      const contScore = labelScore(joined, prevRow);
      if (contScore > labelScore(prev.text, prevRow) + 0.03 && contScore >= (best?.score ?? 0) - 0.05) {
        consumed.add(frag.index);
        if (data && !prev.hadData) {
          readings.delete(prevRow.id);
          assign(prev.rowIndex, frag, joined, 'continued');
        } else if (data) {
          notes.push({ kind: 'ignored', table, source: frag.source, message: `「${frag.source}」像是上一行标签的续行，但它和上一行都有数字，未采用` });
        }
        continue;
      }
    }
    if (best && best.score >= ACCEPT) {
      flushPending(best.text);
      assign(best.rowIndex, frag, best.text, 'label', best.joined);
      continue;
    }
    const at = cursorRow();
    if (data && at >= 0 && (own === '' || labelScore(own, rows[at]!) >= POSITION_HINT)) {
      flushPending(own);
      assign(at, frag, own || frag.source, 'position');
      continue;
    }
    if (own && (data || /[\p{Script=Han}]{2,}/u.test(own))) {
      consumed.add(frag.index);
      notes.push({ kind: 'ignored', table, source: frag.source, message: `「${frag.source}」不是本表的固定行，未计入` });
    }
    pending = [];
  }
  return { readings, notes, consumed, recognised };

  /** A row filled by position is freed when a later fragment plainly names it: the label is the better witness. */
  function reclaimFromPosition(own: string): void {
    if (!own) return;
    let top = -1;
    let topScore = 0;
    rows.forEach((r, i) => {
      const s = labelScore(own, r);
      if (s > topScore) [top, topScore] = [i, s];
    });
    const row = rows[top];
    if (!row || topScore < 0.9 || !byPosition.has(row.id)) return;
    notes.push({ kind: 'ignored', table, row: row.id, source: byPosition.get(row.id), message: `「${byPosition.get(row.id)}」曾按位置归入“${row.marker}${row.label}”，但后面印有该行的标签，改用后者` });
    readings.delete(row.id);
    byPosition.delete(row.id);
    if (last?.rowIndex === top) last = null;
    cursor = Math.min(cursor, top);
  }

  /** Label fragments that named a row on their own but carried no values: note them, the row stays blank. */
  function flushPending(usedText: string): void {
    for (const p of pending) {
      const text = p.labels.join('');
      if (usedText.includes(text)) continue;
      const m = bestFor([text]);
      if (m && m.score >= 0.9) {
        const row = rows[m.rowIndex]!;
        notes.push({ kind: 'matched', table, row: row.id, source: p.source, message: `「${p.source}」对应“${row.marker}${row.label}”，没有印数字` });
      }
    }
  }
}


/** The usual cell count of the table's text rows, when most rows share it. */
function modeWidth(fragments: readonly Fragment[], columns: number): number | null {
  const counts = new Map<number, number>();
  for (const f of fragments) if (f.width > columns) counts.set(f.width, (counts.get(f.width) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [w, n] of counts) if (n > bestCount) [best, bestCount] = [w, n];
  return bestCount >= 3 ? best : null;
}

interface Placed {
  readonly cells: readonly Cell[];
  readonly fitting: readonly (readonly Cell[])[];
  readonly notes: readonly string[];
}

function placeFragment(frag: Fragment, kinds: readonly ValueKind[], spec: RowTableSpec, gridWidth: number | null): Placed {
  const n = kinds.length;
  const run = frag.run ?? singleGluedCell(frag, n);
  if (run !== null) return placeRun(run, kinds, spec);
  const fullWidth = !frag.aligned && gridWidth !== null && frag.width === gridWidth && frag.labelEnd <= gridWidth - n;
  if (frag.aligned || (spec.anchor === 'right' && fullWidth)) {
    const p = placeAligned(frag.values, kinds, spec.anchor);
    return { cells: p.cells, fitting: p.fitting, notes: p.dropped.length ? [`多出的单元格 ${p.dropped.join('、')} 未计入`] : [] };
  }
  const judge = n === spec.digitGroups?.columns ? spec.judge : undefined;
  const p = placeUnaligned(frag.values, kinds, spec.anchor, judge);
  const notes: string[] = [];
  if (p.dropped.length) notes.push(`数值多于栏数，${p.dropped.join('、')} 未计入`);
  if (p.choices > 1) {
    const printed = `印有 ${frag.values.length} 个单元格、应有 ${n} 栏`;
    if (p.fitting.length > 1) notes.push(`${printed}，有 ${p.fitting.length} 种排法都说得通，取首尾对齐的一种：${describe(p.cells)}`);
    else notes.push(`${printed}，按合计关系只有一种排法：${describe(p.cells)}`);
  }
  return { cells: p.cells, fitting: p.fitting, notes };
}

function placeRun(run: string, kinds: readonly ValueKind[], spec: RowTableSpec): Placed {
  const n = kinds.length;
  const groups = n === spec.digitGroups?.columns ? spec.digitGroups.groups : [];
  const decimals = kinds.map((k) => k === 'money');
  const full = splitDigitRun(run, n, { groups, decimals });
  const toCells = (parts: readonly string[]) => kinds.map((kind, i) => parseCell(parts[i] ?? '', kind));
  const blank = kinds.map(() => BLANK);
  // Table 二 values hold to the left and a block's last cells may be blank: a run may fill fewer cells than the row
  // has ("行政事业性收费20" is 2 | 0, or 20 and a blank), and every such split is as good a reading.
  const shorter =
    spec.anchor === 'left'
      ? Array.from({ length: n - 1 }, (_, k) => splitDigitRun(run, k + 1, { decimals: decimals.slice(0, k + 1) }))
      : [];
  const result = {
    solutions: [...full.solutions, ...shorter.flatMap((r) => r.solutions)],
    capped: full.capped || shorter.some((r) => r.capped),
  };
  const capNote = result.capped ? '（搜索已达上限，可能还有其他拆法）' : '';
  if (result.solutions.length === 1) {
    const cells = toCells(result.solutions[0]!);
    return { cells, fitting: [cells], notes: [`数字连在一起（${run}），${groups.length ? '符合合计关系的' : ''}拆法只有一种：${describe(cells)}${capNote}`] };
  }
  if (result.solutions.length > 1) {
    const fitting = result.solutions.map(toCells);
    const unique = new Set(fitting.map(cellSignature));
    return {
      cells: blank,
      fitting,
      notes: [`数字连在一起（${run}），有 ${unique.size} 种拆法都说得通${capNote}，暂留空白`],
    };
  }
  const extra = spec.judge && groups.length ? splitWithExtraZero(run, kinds, spec.judge) : null;
  if (extra && extra.fitting.length > 0) {
    const unique = extra.fitting.length === 1;
    return {
      cells: unique ? extra.fitting[0]! : blank,
      fitting: extra.fitting,
      notes: [
        unique
          ? `数字连在一起（${run}），按 ${n} 栏拆不开；多出一个 0（像是多印了一个空栏）时只有一种拆法符合合计关系：${describe(extra.fitting[0]!)}`
          : `数字连在一起（${run}），多出一个 0 时有 ${extra.fitting.length} 种拆法都说得通${extra.capped ? '（搜索已达上限）' : ''}，暂留空白`,
      ],
    };
  }
  return { cells: blank, fitting: [blank], notes: [`数字连在一起（${run}），找不到符合本行栏数${groups.length ? '和合计关系' : ''}的拆法${capNote}，留空白`] };
}

/** Crawlers sometimes keep one spurious cell printed 0: split into n+1 parts, drop one 0, keep what fits. */
function splitWithExtraZero(run: string, kinds: readonly ValueKind[], judge: Judge): { fitting: Cell[][]; capped: boolean } {
  const n = kinds.length;
  const result = splitDigitRun(run, n + 1, { maxSolutions: 200 });
  const seen = new Set<string>();
  const fitting: Cell[][] = [];
  for (const parts of result.solutions) {
    parts.forEach((p, i) => {
      if (p !== '0') return;
      const cells = parts.filter((_, k) => k !== i).map((q, k) => parseCell(q, kinds[k] ?? 'count'));
      const sig = cellSignature(cells);
      if (seen.has(sig) || judge(cells) !== 2) return;
      seen.add(sig);
      fitting.push(cells);
    });
  }
  return { fitting, capped: result.capped };
}

export function describe(cells: readonly Cell[]): string {
  return cells.map((c) => (c.kind === 'number' || c.kind === 'change' ? String(c.value) : c.kind === 'blank' ? '空' : c.raw)).join(' ');
}

