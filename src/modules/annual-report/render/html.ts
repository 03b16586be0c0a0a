/**
 * The report as one self-contained HTML page: inline CSS (screen and A4 print), no script, no external asset.
 * Every text is escaped. Tables keep the national form's merged cells as rowspan/colspan; value cells carry
 * data-row / data-column with their stable ids.
 */
import { cellKey, SEVERITY_ORDER, type Finding, type Severity } from '../domain/finding.ts';
import type { TableId } from '../domain/formats/index.ts';
import type { Report } from '../domain/report.ts';
import { cellText, reportSections, reportTitle } from './content.ts';
import { tableLayout, type LayoutCell } from './layout.ts';

export interface HtmlOptions {
  /** Findings whose cells are highlighted (class `finding finding-<severity>`, messages in the title). */
  readonly findings?: readonly Finding[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export const BODY_FONTS = `"仿宋_GB2312", FangSong, "仿宋", STFangsong, "Noto Serif CJK SC", "Noto Sans CJK SC", serif`;
const TITLE_FONTS = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "Noto Serif CJK SC", "Noto Sans CJK SC", serif`;
const HEADING_FONTS = `"黑体", SimHei, "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif`;

const CSS = `
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
html { background: #fff; color: #000; }
body { margin: 0; font-family: ${BODY_FONTS}; font-size: 16pt; line-height: 1.75; }
.report { max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-family: ${TITLE_FONTS}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
h2 { font-family: ${HEADING_FONTS}; font-size: 16pt; font-weight: normal; margin: 0.8em 0 0.4em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table.form { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt; line-height: 1.4; table-layout: fixed; }
table.form td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; word-break: break-all; }
table.form td.label { text-align: left; }
table.form td.block { font-weight: bold; text-align: left; }
table.form td.value { font-variant-numeric: tabular-nums; }
table.applications, table.remedies { font-size: 9pt; }
td.finding-error { background: #fdd; outline: 2px solid #c00; }
td.finding-warning { background: #ffe9b3; outline: 2px solid #c80; }
td.finding-notice { background: #e3efff; }
@media print {
  body { font-size: 16pt; }
  .report { max-width: none; margin: 0; padding: 0; }
  /* A table kept on one page reads back in order; a longer one breaks between rows. */
  table.form { break-inside: avoid; }
  table.form tr { break-inside: avoid; }
  td.finding-error, td.finding-warning, td.finding-notice { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

interface CellFindings {
  readonly severity: Severity;
  readonly codes: string[];
  readonly messages: string[];
}

function indexFindings(findings: readonly Finding[]): Map<string, CellFindings> {
  const out = new Map<string, CellFindings>();
  for (const f of findings) {
    for (const ref of f.cells) {
      const key = cellKey(ref);
      const seen = out.get(key);
      const severity = seen && SEVERITY_ORDER[seen.severity] <= SEVERITY_ORDER[f.severity] ? seen.severity : f.severity;
      out.set(key, {
        severity,
        codes: [...(seen?.codes ?? []), f.code],
        messages: [...(seen?.messages ?? []), f.message],
      });
    }
  }
  return out;
}

function spanAttrs(cell: LayoutCell): string {
  return `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
}

function renderCell(report: Report, table: TableId, cell: LayoutCell, marks: Map<string, CellFindings>): string {
  const text = escapeHtml(cellText(report, table, cell));
  if (cell.kind === 'label') return `<td class="${cell.role === 'label' ? 'label' : cell.role}"${spanAttrs(cell)}>${text}</td>`;
  const mark = marks.get(cellKey({ table, row: cell.row, column: cell.column }));
  const classes = mark ? `value finding finding-${mark.severity}` : 'value';
  const extra = mark
    ? ` data-findings="${escapeHtml(mark.codes.join(' '))}" title="${escapeHtml(mark.messages.join('\n'))}"`
    : '';
  return `<td class="${classes}" data-row="${escapeHtml(cell.row)}" data-column="${escapeHtml(cell.column)}"${spanAttrs(cell)}${extra}>${text}</td>`;
}

function renderTable(report: Report, table: TableId, marks: Map<string, CellFindings>): string {
  const layout = tableLayout(report.format, table);
  const total = layout.columnWeights.reduce((a, b) => a + b, 0);
  const cols = layout.columnWeights.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('');
  const tr = (cells: readonly LayoutCell[]) => `<tr>${cells.map((c) => renderCell(report, table, c, marks)).join('')}</tr>`;
  const head = layout.rows.filter((r) => r.header);
  const body = layout.rows.filter((r) => !r.header);
  return [
    `<table class="form ${table}" data-table="${table}">`,
    `<colgroup>${cols}</colgroup>`,
    head.length ? `<thead>${head.map((r) => tr(r.cells)).join('\n')}</thead>` : '',
    `<tbody>${body.map((r) => tr(r.cells)).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** The report body (title, sections, tables) as an HTML fragment, for embedding in another page. */
export function reportBodyHtml(report: Report, options: HtmlOptions = {}): string {
  const marks = indexFindings(options.findings ?? []);
  const parts = [`<article class="report" data-format="${report.format}">`, `<h1>${escapeHtml(reportTitle(report))}</h1>`];
  for (const section of reportSections(report)) {
    parts.push(`<section data-section="${section.id}">`, `<h2>${escapeHtml(section.heading)}</h2>`);
    for (const p of section.paragraphs) parts.push(`<p>${escapeHtml(p)}</p>`);
    if (section.table) parts.push(renderTable(report, section.table, marks));
    parts.push('</section>');
  }
  parts.push('</article>');
  return parts.join('\n');
}

/** The CSS the page uses, for a host page that embeds reportBodyHtml. */
export const REPORT_CSS = CSS;

/** The report as one complete, self-contained HTML page. */
export function renderReportHtml(report: Report, options: HtmlOptions = {}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="gongkai">`,
    `<title>${escapeHtml(reportTitle(report))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    reportBodyHtml(report, options),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
