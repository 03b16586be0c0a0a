/**
 * Test support for the renderer tests (not used by the application): a sample report whose cells are all
 * different, and a check that a rendered table, expanded to its grid, holds each cell under the row label and
 * column header the national form prints for it. The check finds places by the official labels in FORMATS, not
 * through layout.ts, so it tests the layout rather than repeating it.
 */
import { BLANK, change, num, printCell, type Cell } from '../domain/cell.ts';
import { FORMATS, TABLE_IDS, type FormatId, type TableId } from '../domain/formats/index.ts';
import { emptyReport, getCell, type Report } from '../domain/report.ts';

type Mutable = Record<string, Record<string, Cell>>;

/** Cells chosen to tell blank, dash, text, 0, changes and money apart; every other count is distinct (101, 102 …). */
const SPECIAL: Record<string, Cell> = {
  'applications.received.business': BLANK,
  'applications.carriedIn.naturalPerson': num(0),
  'applications.withheld.stateSecret.research': { kind: 'dash', raw: '/' },
  'applications.disclosed.otherOrg': { kind: 'dash', raw: '—' },
  'applications.notHandled.repeat.legalService': { kind: 'text', raw: '见说明' },
  'applications.carriedOut.total': BLANK,
  'remedies.reconsideration.other': BLANK,
  'remedies.litigationDirect.pending': { kind: 'dash', raw: '-' },
  'remedies.litigationAfterReconsideration.upheld': num(0),
  'proactive.rules.repealed': BLANK,
  'proactive.rules.publishedThisYear': BLANK,
  'proactive.normativeDocs.madeThisYear': { kind: 'dash', raw: '/' },
  'proactive.fees.change': change(2, '增加 2 个'),
  'proactive.licensing.change': change(-8),
  'proactive.penalties.change': change(0),
  'proactive.procurement.amountWan': num(25.1, '251000元'),
  'proactive.fees.amountWan': num(12.35),
};

export function sampleReport(format: FormatId, init: Partial<Omit<Report, 'format' | 'tables'>> = {}): Report {
  const def = FORMATS[format];
  let next = 101;
  const tables = {} as Record<TableId, Mutable>;
  for (const t of TABLE_IDS) {
    const table: Mutable = {};
    for (const row of def.tables[t].rows) {
      table[row.id] = {};
      for (const column of row.columns) {
        const kind = def.tables[t].columns.find((c) => c.id === column)?.kind;
        table[row.id]![column] = SPECIAL[`${t}.${row.id}.${column}`] ?? (kind === 'change' ? change(next++) : num(next++));
      }
    }
    tables[t] = table;
  }
  return emptyReport(format, {
    agency: '某市生态环境局',
    year: format === '2019' ? 2020 : 2023,
    sections: {
      overview: { heading: '一、总体情况', text: '本机关认真贯彻《条例》。\n主动公开信息 215 条。' },
      problems: { heading: '五、存在的主要问题及改进情况', text: '工作人员业务能力有待提高。' },
      other: { heading: '六、其他需要报告的事项', text: '本年度未收取信息处理费。' },
    },
    ...init,
    tables,
  });
}

/** What the report's cell prints as, by the column's kind. */
export function printed(report: Report, table: TableId, row: string, column: string): string {
  const kind = FORMATS[report.format].tables[table].columns.find((c) => c.id === column)?.kind ?? 'count';
  return printCell(getCell(report, table, row, column), kind);
}

/** A table as a grid: merged cells expanded, every slot a merged cell covers holding its text. */
export type Grid = string[][];

export interface SpanCell {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** Expands rows of cells with spans (as HTML writes them) into a grid. */
export function expandSpans(rows: readonly (readonly SpanCell[])[]): Grid {
  const grid: Grid = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const target = (grid[r + dr] ??= []);
          target[c + dc] = cell.text;
        }
      }
      c += cell.colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (t) => t ?? ''));
}

/** Where a check failed, for a readable test failure; empty when every cell is where the form puts it. */
export function misplacedCells(grid: Grid, report: Report, table: TableId): string[] {
  const def = FORMATS[report.format].tables[table];
  const problems: string[] = [];
  const expect = (r: number, c: number, row: string, column: string) => {
    const want = printed(report, table, row, column);
    const got = grid[r]?.[c];
    if (got !== want) problems.push(`${row}.${column}: expected "${want}" at (${r},${c}), found "${got}"`);
  };
  const colLabel = (id: string) => def.columns.find((c) => c.id === id)!.label;

  if (table === 'applications') {
    const headerRow = grid.findIndex((r) => r.includes('商业企业'));
    def.columns.forEach((column) => {
      const at = grid[headerRow]!.indexOf(column.label);
      if (at < 0) problems.push(`header ${column.label} missing`);
      for (const row of def.rows) {
        const r = grid.findIndex((cells) => cells.slice(0, at).includes(row.marker + row.label));
        if (r < 0) problems.push(`row ${row.marker + row.label} missing`);
        else expect(r, at, row.id, column.id);
      }
    });
  } else if (table === 'remedies') {
    const last = grid.length - 1;
    const groupHeader = [grid[0]!, grid[1]!];
    def.rows.forEach((group, gi) => {
      def.columns.forEach((column, ci) => {
        const c = gi * def.columns.length + ci;
        if (grid[last - 1]![c] !== column.label) problems.push(`header ${column.label} not above column ${c}`);
        if (!groupHeader.some((h) => h[c] === group.label)) problems.push(`group ${group.label} not above column ${c}`);
        expect(last, c, group.id, column.id);
      });
    });
  } else {
    for (const block of def.blocks) {
      const start = grid.findIndex((cells) => cells[0] === block.label);
      if (start < 0) {
        problems.push(`block ${block.label} missing`);
        continue;
      }
      const header = grid[start + 1]!;
      if (header[0] !== '信息内容') problems.push(`block ${block.label} has no 信息内容 header`);
      for (const column of block.columns) {
        const c = header.indexOf(colLabel(column));
        if (c < 0) problems.push(`header ${colLabel(column)} missing in ${block.label}`);
        for (const rowId of block.rows) {
          const row = def.rows.find((x) => x.id === rowId)!;
          const r = grid.findIndex((cells, i) => i > start && cells[0] === row.label);
          expect(r, c, row.id, column);
        }
      }
    }
  }
  return problems;
}
