import { countBySeverity, type CheckedReport } from './check-reports.ts';

const HEADER = ['文件', '机关', '年度', '格式', '错误', '警告', '提示', '说明'];

function rows(checked: readonly CheckedReport[]): Array<Array<string | number>> {
  return checked.map((c) => {
    if (!c.ok) return [c.source, '', '', '', '', '', '', c.message];
    const n = countBySeverity(c.findings);
    return [c.source, c.report.agency ?? '', c.report.year ?? '', c.report.format, n.error, n.warning, n.notice, ''];
  });
}

function csvField(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would be run as a formula by Excel: quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per report with its counts of findings by severity, as CSV with a BOM so Excel reads the Chinese. */
export function summaryCsv(checked: readonly CheckedReport[]): Buffer {
  const lines = [HEADER, ...rows(checked)].map((r) => r.map(csvField).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function summaryXlsx(checked: readonly CheckedReport[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('检查汇总');
  sheet.addRow(HEADER).font = { bold: true };
  for (const r of rows(checked)) sheet.addRow(r);
  sheet.columns.forEach((c, i) => (c.width = i === 0 || i === 7 ? 40 : 12));
  return Buffer.from(await book.xlsx.writeBuffer());
}
