import { FORMAT_2019 } from './2019.ts';
import { FORMAT_2021 } from './2021.ts';
import type { FormatDef, FormatId, TableDef, TableId } from './types.ts';

export type * from './types.ts';
export { FORMAT_2019, FORMAT_2021 };

export const FORMATS: Readonly<Record<FormatId, FormatDef>> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };
export const FORMAT_IDS: readonly FormatId[] = ['2019', '2021'];
export const TABLE_IDS: readonly TableId[] = ['proactive', 'applications', 'remedies'];

/** The format a report on the given year must use: 2019 and 2020 the trial format, 2021 on the final one. */
export function formatForYear(year: number): FormatId {
  return year <= 2020 ? '2019' : '2021';
}

export function tableDef(format: FormatId, table: TableId): TableDef {
  return FORMATS[format].tables[table];
}

/** Every (row, column) cell id pair a table of this format has. */
export function cellIds(format: FormatId, table: TableId): Array<{ row: string; column: string }> {
  return tableDef(format, table).rows.flatMap((r) => r.columns.map((column) => ({ row: r.id, column })));
}
