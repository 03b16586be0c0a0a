/**
 * The three tables of the annual report as the national form lays them out (domain.md §4): header rows with their
 * spans, spanning group labels, and where each value cell sits. Every renderer draws from this one description, so
 * HTML, DOCX, XLSX, PDF and text all print the same table.
 */
import type { ValueKind } from '../domain/cell.ts';
import { FORMATS, type FormatId, type TableDef, type TableId } from '../domain/formats/index.ts';
import { REMEDY_GROUPS } from '../domain/formats/common.ts';

export type LabelRole = 'corner' | 'block' | 'header' | 'group' | 'label';

export type LayoutCell =
  | {
      readonly kind: 'label';
      readonly role: LabelRole;
      readonly text: string;
      readonly rowSpan: number;
      readonly colSpan: number;
    }
  | {
      readonly kind: 'value';
      readonly row: string;
      readonly column: string;
      readonly valueKind: ValueKind;
      readonly rowSpan: 1;
      readonly colSpan: number;
    };

export interface LayoutRow {
  /** A header row of the table (repeated on each page where the output supports it). */
  readonly header: boolean;
  /** The cells that start in this row, left to right; slots covered by a span from above are left out. */
  readonly cells: readonly LayoutCell[];
}

export interface TableLayout {
  readonly table: TableId;
  /** Number of grid columns. */
  readonly width: number;
  /** Relative width of each grid column, for outputs that size columns. */
  readonly columnWeights: readonly number[];
  readonly rows: readonly LayoutRow[];
}

/** The label texts the national form prints that are not row or column labels. */
export const FORM_TEXT = {
  applicationsCorner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicants: '申请人情况',
  organisations: '法人或其他组织',
  itemContent: '信息内容',
  litigation: '行政诉讼',
} as const;

const label = (role: LabelRole, text: string, rowSpan = 1, colSpan = 1): LayoutCell => ({
  kind: 'label',
  role,
  text,
  rowSpan,
  colSpan,
});

function value(def: TableDef, row: string, column: string, colSpan = 1): LayoutCell {
  const valueKind = def.columns.find((c) => c.id === column)?.kind ?? 'count';
  return { kind: 'value', row, column, valueKind, rowSpan: 1, colSpan };
}

function columnLabel(def: TableDef, id: string): string {
  return def.columns.find((c) => c.id === id)?.label ?? id;
}

/** Spreads n value columns over three grid columns; the last one takes what is left (2021 （五）（六）（八）). */
function spans(n: number, width: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? width - (n - 1) : 1));
}

/** Table 二: one block per Art. 20 item, each with its own 信息内容 header row. */
function proactiveLayout(def: TableDef): TableLayout {
  const valueWidth = Math.max(...def.blocks.map((b) => b.columns.length));
  const rows: LayoutRow[] = [];
  for (const block of def.blocks) {
    const s = spans(block.columns.length, valueWidth);
    rows.push({ header: false, cells: [label('block', block.label, 1, valueWidth + 1)] });
    rows.push({
      header: false,
      cells: [
        label('header', FORM_TEXT.itemContent),
        ...block.columns.map((c, i) => label('header', columnLabel(def, c), 1, s[i])),
      ],
    });
    for (const rowId of block.rows) {
      const row = def.rows.find((r) => r.id === rowId);
      if (!row) continue;
      rows.push({
        header: false,
        cells: [label('label', row.marker + row.label), ...block.columns.map((c, i) => value(def, row.id, c, s[i]))],
      });
    }
  }
  return {
    table: 'proactive',
    width: valueWidth + 1,
    columnWeights: [3, ...Array.from({ length: valueWidth }, () => 2)],
    rows,
  };
}

/** Table 三: three label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) and the seven applicant columns. */
function applicationsLayout(def: TableDef): TableLayout {
  const parts = def.columns.filter((c) => c.id !== 'total');
  const total = def.columns.find((c) => c.id === 'total');
  const [person, ...organisations] = parts;
  const valueColumns = def.columns.map((c) => c.id);
  const rows: LayoutRow[] = [
    {
      header: true,
      cells: [label('corner', FORM_TEXT.applicationsCorner, 3, 3), label('header', FORM_TEXT.applicants, 1, valueColumns.length)],
    },
    {
      header: true,
      cells: [
        label('header', person?.label ?? '', 2),
        label('header', FORM_TEXT.organisations, 1, organisations.length),
        label('header', total?.label ?? '', 2),
      ],
    },
    { header: true, cells: organisations.map((c) => label('header', c.label)) },
  ];

  // The outer spanning label 三、本年度办理结果 covers every row that has a group; the other groups sit inside it.
  const outer = def.groups[0];
  const outerRows = def.rows.filter((r) => r.group);
  let outerPlaced = false;
  const placedGroups = new Set<string>();
  for (const row of def.rows) {
    const cells: LayoutCell[] = [];
    const rowLabel = row.marker + row.label;
    if (!row.group || !outer) {
      cells.push(label('label', rowLabel, 1, 3));
    } else {
      if (!outerPlaced) {
        cells.push(label('group', outer.marker + outer.label, outerRows.length));
        outerPlaced = true;
      }
      const group = row.group === outer.id ? undefined : def.groups.find((g) => g.id === row.group);
      if (!group) {
        cells.push(label('label', rowLabel, 1, 2));
      } else {
        if (!placedGroups.has(group.id)) {
          cells.push(label('group', group.marker + group.label, def.rows.filter((r) => r.group === group.id).length));
          placedGroups.add(group.id);
        }
        cells.push(label('label', rowLabel));
      }
    }
    cells.push(...valueColumns.map((c) => value(def, row.id, c)));
    rows.push({ header: false, cells });
  }
  return {
    table: 'applications',
    width: 3 + valueColumns.length,
    columnWeights: [1.1, 2, 4.2, ...valueColumns.map(() => 1.25)],
    rows,
  };
}

/** Table 四: 行政复议 | 行政诉讼 → 未经复议直接起诉, 复议后起诉 → 结果维持 … 总计, then one row of 15 cells. */
function remediesLayout(def: TableDef): TableLayout {
  const cols = def.columns;
  const [reconsideration, ...litigation] = REMEDY_GROUPS;
  const n = cols.length;
  const rows: LayoutRow[] = [
    {
      header: true,
      cells: [label('header', reconsideration.label, 1, n), label('header', FORM_TEXT.litigation, 1, n * litigation.length)],
    },
    {
      header: true,
      cells: [
        ...cols.map((c) => label('header', c.label, 2)),
        ...litigation.map((g) => label('header', g.label, 1, n)),
      ],
    },
    { header: true, cells: litigation.flatMap(() => cols.map((c) => label('header', c.label))) },
    { header: false, cells: REMEDY_GROUPS.flatMap((g) => cols.map((c) => value(def, g.id, c.id))) },
  ];
  const width = n * REMEDY_GROUPS.length;
  return { table: 'remedies', width, columnWeights: Array.from({ length: width }, () => 1), rows };
}

const cache = new Map<string, TableLayout>();

/** The official layout of one table of one format. */
export function tableLayout(format: FormatId, table: TableId): TableLayout {
  const key = `${format}:${table}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const def = FORMATS[format].tables[table];
  const layout =
    table === 'proactive' ? proactiveLayout(def) : table === 'applications' ? applicationsLayout(def) : remediesLayout(def);
  cache.set(key, layout);
  return layout;
}

export interface PlacedCell {
  readonly cell: LayoutCell;
  /** Grid row and column of the cell's top-left slot, from 0. */
  readonly row: number;
  readonly col: number;
}

/** The layout's cells with their grid positions, for outputs that address cells by coordinate (XLSX, text). */
export function placeCells(layout: TableLayout): PlacedCell[] {
  const taken: boolean[][] = layout.rows.map(() => Array.from({ length: layout.width }, () => false));
  const out: PlacedCell[] = [];
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < layout.width && taken[r]![c]) c++;
      out.push({ cell, row: r, col: c });
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const slots = taken[r + dr];
          if (slots) slots[c + dc] = true;
        }
      }
      c += cell.colSpan;
    }
  });
  return out;
}
