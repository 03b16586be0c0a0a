import { FORMATS } from '../domain/formats/index.ts';
import { getCell, type Report } from '../domain/report.ts';

/** A row of a read report as numbers, or the cell kind where there is no number ('blank', 'dash', 'text'). */
export const values = (r: Report, table: 'applications' | 'remedies' | 'proactive', row: string) =>
  FORMATS[r.format].tables[table].rows
    .find((d) => d.id === row)!
    .columns.map((c) => {
      const cell = getCell(r, table, row, c);
      return cell.kind === 'number' || cell.kind === 'change' ? cell.value : cell.kind;
    });
