import { FORMATS, TABLE_IDS, type FormatId } from '../formats/index.ts';
import { SEVERITY_ORDER, type CellRef, type Finding } from '../finding.ts';

/** Rounds away float noise from sums of money (0.1 + 0.2) before a number is shown or compared. */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-6;
}

function cellPosition(format: FormatId, ref: CellRef | undefined): number[] {
  // Findings about the whole document (sections, year) come before those about table cells.
  if (!ref) return [-1, -1, -1];
  const table = FORMATS[format].tables[ref.table];
  const row = table.rows.findIndex((r) => r.id === ref.row);
  const column = table.columns.findIndex((c) => c.id === ref.column);
  return [TABLE_IDS.indexOf(ref.table), row < 0 ? 999 : row, column < 0 ? 999 : column];
}

/** Deterministic order: severity, then table, row and column of the first cell, then code and message. */
export function sortFindings(format: FormatId, findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f) => ({ f, pos: cellPosition(format, f.cells[0]) }));
  keyed.sort((a, b) => {
    const s = SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity];
    if (s !== 0) return s;
    for (let i = 0; i < 3; i++) {
      const d = (a.pos[i] ?? 0) - (b.pos[i] ?? 0);
      if (d !== 0) return d;
    }
    if (a.f.code !== b.f.code) return a.f.code < b.f.code ? -1 : 1;
    return a.f.message < b.f.message ? -1 : a.f.message > b.f.message ? 1 : 0;
  });
  return keyed.map((k) => k.f);
}
