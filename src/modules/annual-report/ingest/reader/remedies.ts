import { BLANK, numericValue, parseCell, valueForSum, type Cell } from '../../domain/cell.ts';
import { FORMATS, type FormatId, type RowDef } from '../../domain/formats/index.ts';
import { normaliseLabel } from '../../domain/labels.ts';
import type { ExtractionNote } from '../../domain/report.ts';
import { REMEDY_DIGIT_GROUPS, splitDigitRun } from '../digit-split.ts';
import { hasData, isLabelCell, singleGluedCell, type Fragment } from './fragments.ts';
import { HEADER_WORDS } from './header-words.ts';
import { isHeaderText } from './label-match.ts';
import { placeUnaligned, type Judge } from './placement.ts';
import { describe } from './row-table.ts';

/**
 * Table 四 (reconsideration and litigation): a three-level header, then one row of 15 numbers in the order
 * 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5 — possibly on a line far below the header, or split over lines.
 */
export interface RemediesResult {
  readonly cells: Readonly<Record<string, Readonly<Record<string, Cell>>>>;
  readonly notes: readonly ExtractionNote[];
  readonly consumed: ReadonlySet<number>;
  readonly recognised: boolean;
}

const WIDTH = 15;

/** In each group 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
const remedyJudge: Judge = (cells) => {
  let level: 0 | 1 | 2 = 2;
  for (let g = 0; g < 3; g++) {
    const group = cells.slice(g * 5, g * 5 + 5);
    const total = numericValue(group[4]);
    const sum = group.slice(0, 4).reduce((a, c) => a + valueForSum(c), 0);
    if (total === null) {
      if (group.slice(0, 4).some((c) => numericValue(c) !== null)) level = Math.min(level, 1) as 0 | 1 | 2;
    } else if (Math.abs(total - sum) > 1e-9) return 0;
  }
  return level;
};

export function readRemedies(fragments: readonly Fragment[], format: FormatId): RemediesResult {
  const def = FORMATS[format].tables.remedies;
  const turned = readTransposed(fragments);
  if (turned) return toResult(def.rows, turned.cells, turned.notes, turned.consumed);
  const notes: ExtractionNote[] = [];
  const consumed = new Set<number>();
  let recognised = false;
  let printed: string[] = [];
  let run: string | null = null;
  let source = '';
  for (const f of fragments) {
    const headerish = f.labels.length > 0 && f.labels.every((l) => isHeaderText(l, HEADER_WORDS));
    if (headerish) {
      recognised = true;
      consumed.add(f.index);
    }
    if (!hasData(f)) continue;
    const glued = f.run ?? singleGluedCell(f, WIDTH);
    if (glued !== null && printed.length === 0) {
      run = glued;
      source = f.source;
      consumed.add(f.index);
      recognised = true;
      break;
    }
    const values = f.values.filter((v) => !isLabelCell(v));
    if (values.length === WIDTH || (f.aligned && values.length >= WIDTH)) {
      printed = values.slice(values.length - WIDTH);
      source = f.source;
      consumed.add(f.index);
      recognised = true;
      break;
    }
    if (!headerish && f.labels.length > 0) continue;
    printed.push(...values);
    source = source ? `${source} / ${f.source}` : f.source;
    consumed.add(f.index);
    recognised = true;
    if (printed.filter((v) => v.trim() !== '').length >= WIDTH) break;
  }
  const kinds = def.columns.map((c) => c.kind);
  const allKinds = [0, 1, 2].flatMap(() => kinds);
  let cells: readonly Cell[] = allKinds.map(() => BLANK);
  if (run !== null) {
    const split = splitDigitRun(run, WIDTH, { groups: REMEDY_DIGIT_GROUPS });
    if (split.solutions.length === 1) {
      cells = split.solutions[0]!.map((p) => parseCell(p));
      notes.push({ kind: 'guessed', table: 'remedies', source, message: `表四的数字连在一起（${run}），符合各组合计关系的拆法只有一种：${describe(cells)}` });
    } else {
      notes.push({ kind: 'guessed', table: 'remedies', source, message: `表四的数字连在一起（${run}），${split.solutions.length ? `有 ${split.solutions.length} 种拆法都说得通` : '找不到符合合计关系的拆法'}${split.capped ? '（搜索已达上限）' : ''}，留空白` });
    }
  } else if (printed.length > 0) {
    const p = placeUnaligned(printed, allKinds, 'right', remedyJudge);
    cells = p.cells;
    if (printed.length !== WIDTH) {
      notes.push({ kind: 'guessed', table: 'remedies', source, message: `表四印有 ${printed.length} 个单元格、应有 ${WIDTH} 个，${p.fitting.length > 1 ? `有 ${p.fitting.length} 种排法都说得通，取其一` : '按合计关系排定'}：${describe(cells)}` });
    }
    if (p.dropped.length) notes.push({ kind: 'ignored', table: 'remedies', source, message: `表四多出的数值 ${p.dropped.join('、')} 未计入` });
    notes.push({ kind: 'matched', table: 'remedies', source, message: `表四的 15 个数字取自「${source}」` });
  } else if (recognised) {
    notes.push({ kind: 'ignored', table: 'remedies', message: '表四只印了表头，没有数字：各栏留空白' });
  }
  return toResult(def.rows, cells, notes, consumed, recognised);
}

function toResult(
  rows: readonly RowDef[],
  cells: readonly Cell[],
  notes: ExtractionNote[],
  consumed: Set<number>,
  recognised = true,
): RemediesResult {
  const out: Record<string, Record<string, Cell>> = {};
  rows.forEach((row, g) => {
    out[row.id] = Object.fromEntries(row.columns.map((c, i) => [c, cells[g * 5 + i] ?? BLANK]));
  });
  return { cells: out, notes, consumed, recognised };
}

/** The five result columns of each group, by the words that name them in any printing. */
const RESULT_WORDS: readonly RegExp[] = [/维持/, /纠正/, /其他/, /审结/, /总计|合计/];
const GROUP_WORDS: readonly RegExp[] = [/^行政复议$|^复议$/, /直接起诉|未经复议/, /复议后/];

/**
 * Table 四 printed turned on its side: one row per result (结果维持 … 总计) with three values, one per group, under a
 * header naming the groups. Read only when at least four of the five result rows are there with exactly three cells.
 */
function readTransposed(fragments: readonly Fragment[]): { cells: Cell[]; notes: ExtractionNote[]; consumed: Set<number> } | null {
  const byResult = new Map<number, Fragment>();
  let order: number[] = [0, 1, 2];
  for (const f of fragments) {
    const words = f.labels.map((l) => normaliseLabel(l));
    const groups = words.map((w) => GROUP_WORDS.findIndex((re) => re.test(w)));
    if (!hasData(f) && groups.filter((g) => g >= 0).length === 3 && new Set(groups).size === 3 && words.length === 3) order = groups;
    if (words.length !== 1 || !hasData(f)) continue;
    const filled = f.values.filter((v) => v.trim() !== '');
    const kind = RESULT_WORDS.findIndex((re) => re.test(words[0]!));
    if (kind < 0 || filled.length !== 3 || f.values.length > 4 || byResult.has(kind)) continue;
    byResult.set(kind, f);
  }
  if (byResult.size < 4) return null;
  const cells: Cell[] = Array.from({ length: WIDTH }, () => BLANK);
  const consumed = new Set<number>();
  for (const [kind, f] of byResult) {
    const values = f.values.filter((v) => v.trim() !== '');
    order.forEach((group, k) => {
      cells[group * 5 + kind] = parseCell(values[k] ?? '');
    });
    consumed.add(f.index);
  }
  for (const f of fragments) if (f.labels.length > 0 && f.labels.every((l) => isHeaderText(l, HEADER_WORDS))) consumed.add(f.index);
  const missing = RESULT_WORDS.map((_, k) => k).filter((k) => !byResult.has(k));
  const notes: ExtractionNote[] = [
    {
      kind: 'guessed',
      table: 'remedies',
      message: `表四横竖颠倒印制（每行一种结果、每列一组），按列读作行政复议、未经复议直接起诉、复议后起诉：${describe(cells)}${missing.length ? `；缺${missing.map((k) => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'][k]).join('、')}一行，留空白` : ''}`,
    },
  ];
  return { cells, notes, consumed };
}
