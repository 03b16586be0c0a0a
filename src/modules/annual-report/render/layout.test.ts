import { describe, expect, it } from 'vitest';
import { cellIds, FORMATS, TABLE_IDS, type FormatId } from '../domain/formats/index.ts';
import { placeCells, tableLayout } from './layout.ts';

describe.each<FormatId>(['2019', '2021'])('official table layout, %s format', (format) => {
  it.each(TABLE_IDS)('covers every grid slot of table %s exactly once', (table) => {
    const layout = tableLayout(format, table);
    const hits = layout.rows.map(() => Array.from({ length: layout.width }, () => 0));
    for (const p of placeCells(layout)) {
      for (let r = p.row; r < p.row + p.cell.rowSpan; r++) {
        for (let c = p.col; c < p.col + p.cell.colSpan; c++) hits[r]![c]! += 1;
      }
    }
    expect(hits.flat().every((n) => n === 1)).toBe(true);
    expect(layout.columnWeights).toHaveLength(layout.width);
  });

  it.each(TABLE_IDS)('draws each cell of table %s once', (table) => {
    const drawn = tableLayout(format, table)
      .rows.flatMap((r) => r.cells)
      .flatMap((c) => (c.kind === 'value' ? [`${c.row}.${c.column}`] : []));
    expect(drawn.sort()).toEqual(cellIds(format, table).map((id) => `${id.row}.${id.column}`).sort());
  });

  it('gives table 三 ten grid columns and table 四 fifteen', () => {
    expect(tableLayout(format, 'applications').width).toBe(10);
    expect(tableLayout(format, 'remedies').width).toBe(15);
    expect(tableLayout(format, 'proactive').width).toBe(4);
  });

  it('marks the header rows of tables 三 and 四 only', () => {
    expect(tableLayout(format, 'applications').rows.filter((r) => r.header)).toHaveLength(3);
    expect(tableLayout(format, 'remedies').rows.filter((r) => r.header)).toHaveLength(3);
    expect(tableLayout(format, 'proactive').rows.filter((r) => r.header)).toHaveLength(0);
  });

  it('has one row per table 三 row after the header', () => {
    expect(tableLayout(format, 'applications').rows).toHaveLength(3 + FORMATS[format].tables.applications.rows.length);
  });
});
