/**
 * The report as an Excel workbook: one sheet per table (二, 三, 四) with the national form's merged header cells,
 * numbers stored as numbers, blank cells left empty and dashes or stray text kept as text; plus a sheet
 * 报告信息 (agency, year, format) and a sheet 正文 with the narrative.
 */
import type ExcelJS from 'exceljs';
import { FORMATS, TABLE_IDS, type TableId } from '../domain/formats/index.ts';
import { getCell, type Report } from '../domain/report.ts';
import { cellText, reportSections, reportTitle } from './content.ts';
import { placeCells, tableLayout, type LayoutCell } from './layout.ts';

export const INFO_SHEET = '报告信息';
export const NARRATIVE_SHEET = '正文';

/** The sheet name of a table: its section heading (二、主动公开政府信息情况), within Excel's 31 characters. */
export function tableSheetName(report: Report, table: TableId): string {
  const def = FORMATS[report.format];
  const section = def.sections.find((s) => s.id === def.tables[table].section);
  return `${section?.numeral ?? ''}、${section?.heading ?? table}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };

function writeValue(target: ExcelJS.Cell, report: Report, table: TableId, cell: Extract<LayoutCell, { kind: 'value' }>): void {
  const value = getCell(report, table, cell.row, cell.column);
  switch (value.kind) {
    case 'blank':
      return;
    case 'number':
      target.value = value.value;
      if (cell.valueKind === 'money') target.numFmt = '0.00####';
      return;
    case 'change':
      target.value = value.value;
      target.numFmt = '+0;-0;0';
      return;
    case 'dash':
    case 'text':
      target.value = value.raw;
      return;
  }
}

function tableSheet(book: ExcelJS.Workbook, report: Report, table: TableId): void {
  const layout = tableLayout(report.format, table);
  const sheet = book.addWorksheet(tableSheetName(report, table), {
    pageSetup: { paperSize: 9, orientation: table === 'remedies' ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headerRows = layout.rows.filter((r) => r.header).length;
  if (headerRows) sheet.views = [{ state: 'frozen', ySplit: headerRows }];
  layout.columnWeights.forEach((w, i) => (sheet.getColumn(i + 1).width = Math.round(w * 10)));

  for (let r = 1; r <= layout.rows.length; r++) {
    for (let c = 1; c <= layout.width; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  }
  for (const placed of placeCells(layout)) {
    const { cell } = placed;
    const top = placed.row + 1;
    const left = placed.col + 1;
    const target = sheet.getCell(top, left);
    if (cell.kind === 'label') {
      target.value = cellText(report, table, cell);
      if (cell.role === 'label' || cell.role === 'block') target.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
      if (cell.role === 'block') target.font = { bold: true };
    } else {
      writeValue(target, report, table, cell);
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
    }
  }
}

function infoSheet(book: ExcelJS.Workbook, report: Report): void {
  const sheet = book.addWorksheet(INFO_SHEET);
  const format = FORMATS[report.format];
  sheet.addRow(['项目', '内容']).font = { bold: true };
  sheet.addRow(['标题', reportTitle(report)]);
  sheet.addRow(['机关', report.agency ?? '']);
  sheet.addRow(['年度', report.year ?? '']);
  sheet.addRow(['格式', report.format]);
  sheet.addRow(['格式名称', `${format.name}（${format.document}）`]);
  sheet.addRow(['缺少的表格', report.missingTables.map((t) => tableSheetName(report, t)).join('；')]);
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 80;
}

function narrativeSheet(book: ExcelJS.Workbook, report: Report): void {
  const sheet = book.addWorksheet(NARRATIVE_SHEET);
  sheet.addRow(['章节', '内容']).font = { bold: true };
  for (const section of reportSections(report)) {
    const row = sheet.addRow([section.heading, section.paragraphs.join('\n')]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.getColumn(1).width = 36;
  sheet.getColumn(2).width = 100;
}

export async function renderReportXlsx(report: Report): Promise<Buffer> {
  // loaded on first use: exceljs costs most of a second of start-up that a server without exports need not pay
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'gongkai';
  infoSheet(book, report);
  for (const t of TABLE_IDS) if (!report.missingTables.includes(t)) tableSheet(book, report, t);
  narrativeSheet(book, report);
  return Buffer.from(await book.xlsx.writeBuffer());
}
