import type { TableId } from './formats/index.ts';

export type Severity = 'error' | 'warning' | 'notice';

/** A cell address: table, stable row id, stable column id. */
export interface CellRef {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
}

/** One thing the checker says about a report. `code` is stable; `message` is for a disclosure officer. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly cells: readonly CellRef[];
  readonly expected: number | string | null;
  readonly found: number | string | null;
  readonly message: string;
  readonly messageEn: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function cellKey(ref: CellRef): string {
  return `${ref.table}.${ref.row}.${ref.column}`;
}
