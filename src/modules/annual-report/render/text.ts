/**
 * The report as tab-separated plain text, shaped like a text extraction of a published PDF: title, headings and
 * prose as lines, each table row as one line of tab-separated cells. Every row of a table has the table's full
 * width; a slot covered by a merged cell is an empty field, so the value columns are always the last ones.
 */
import type { TableId } from '../domain/formats/index.ts';
import type { Report } from '../domain/report.ts';
import { cellText, reportSections, reportTitle } from './content.ts';
import { placeCells, tableLayout } from './layout.ts';

/** A field must not carry the separators. */
function field(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

export function tableLines(report: Report, table: TableId): string[] {
  const layout = tableLayout(report.format, table);
  const grid: string[][] = layout.rows.map(() => Array.from({ length: layout.width }, () => ''));
  for (const placed of placeCells(layout)) {
    const row = grid[placed.row];
    if (row) row[placed.col] = field(cellText(report, table, placed.cell));
  }
  return grid.map((cells) => cells.join('\t'));
}

export function renderReportText(report: Report): string {
  const lines: string[] = [field(reportTitle(report)), ''];
  for (const section of reportSections(report)) {
    lines.push(field(section.heading), '');
    for (const p of section.paragraphs) lines.push(field(p), '');
    if (section.table) lines.push(...tableLines(report, section.table), '');
  }
  return lines.join('\n');
}
