import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { numericValue } from '../domain/cell.ts';
import { FORMATS, type FormatId, type TableId } from '../domain/formats/index.ts';
import { getCell } from '../domain/report.ts';
import { renderReportXlsx, tableSheetName } from './xlsx.ts';
import { misplacedCells, sampleReport, type Grid } from './render-test-support.ts';

async function readBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

/** The sheet as a grid of printed texts; a merged cell reads as its master's value in every slot it covers. */
function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      const v = cell.value;
      row.push(v === null || v === undefined ? '' : typeof v === 'number' && cell.numFmt === '+0;-0;0' && v > 0 ? `+${v}` : String(v));
    }
    grid.push(row);
  }
  return grid;
}

describe.each<FormatId>(['2019', '2021'])('XLSX of a %s-format report', (format) => {
  const report = sampleReport(format);
  const book = renderReportXlsx(report).then(readBook);

  it('has the info sheet, one sheet per table and the narrative', async () => {
    expect((await book).worksheets.map((s) => s.name)).toEqual([
      '报告信息',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '正文',
    ]);
  });

  it.each<TableId>(['proactive', 'applications', 'remedies'])('has every cell of table %s under its row label and column header', async (table) => {
    const sheet = (await book).getWorksheet(tableSheetName(report, table))!;
    expect(misplacedCells(sheetGrid(sheet), report, table)).toEqual([]);
  });

  it('stores counts as numbers, leaves blanks empty and keeps dashes and text as text', async () => {
    const sheet = (await book).getWorksheet(tableSheetName(report, 'applications'))!;
    const rowOf = (label: string) => sheet.getColumn(3).values.findIndex((v) => v === label);
    const received = sheet.getRow(rowOf('一、本年新收政府信息公开申请数量'));
    expect(received.getCell(4).value).toBe(numericValue(getCell(report, 'applications', 'received', 'naturalPerson')));
    expect(typeof received.getCell(4).value).toBe('number');
    expect(received.getCell(5).value).toBeNull(); // 商业企业 left blank
    expect(sheet.getRow(rowOf('二、上年结转政府信息公开申请数量')).getCell(4).value).toBe(0);
    expect(sheet.getRow(rowOf('1.属于国家秘密')).getCell(6).value).toBe('/');
    expect(sheet.getRow(rowOf('2.重复申请')).getCell(8).value).toBe('见说明');
  });

  it('merges the header cells as the form does', async () => {
    const merges = (s: ExcelJS.Worksheet) => (s.model as unknown as { merges: string[] }).merges;
    const apps = merges((await book).getWorksheet(tableSheetName(report, 'applications'))!);
    expect(apps).toEqual(expect.arrayContaining(['A1:C3', 'D1:J1', 'D2:D3', 'E2:I2', 'J2:J3', 'A4:C4', 'B6:C6']));
    const outer = apps.find((m) => m.startsWith('A6:'));
    expect(outer).toBe(format === '2021' ? 'A6:A27' : 'A6:A25');
    const remedies = merges((await book).getWorksheet(tableSheetName(report, 'remedies'))!);
    expect(remedies).toEqual(expect.arrayContaining(['A1:E1', 'F1:O1', 'A2:A3', 'E2:E3', 'F2:J2', 'K2:O2']));
    const proactive = merges((await book).getWorksheet(tableSheetName(report, 'proactive'))!);
    expect(proactive).toContain('A1:D1');
  });

  it('records agency, year and format, and the narrative by section', async () => {
    const info = (await book).getWorksheet('报告信息')!;
    const values = Object.fromEntries(info.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(values).toMatchObject({ 机关: '某市生态环境局', 年度: report.year, 格式: format });
    expect(String(values['格式名称'])).toContain(FORMATS[format].document);
    const text = (await book).getWorksheet('正文')!;
    expect(text.getCell(2, 1).value).toBe('一、总体情况');
    expect(text.getCell(2, 2).value).toBe('本机关认真贯彻《条例》。\n主动公开信息 215 条。');
    expect(text.rowCount).toBe(7);
  });
});

describe('XLSX specifics', () => {
  it('stores a change as a signed number and money in 万元 as a number', async () => {
    const report = sampleReport('2019');
    const sheet = (await readBook(await renderReportXlsx(report))).getWorksheet(tableSheetName(report, 'proactive'))!;
    const rowOf = (label: string) => sheet.getColumn(1).values.findIndex((v) => v === label);
    const fees = sheet.getRow(rowOf('行政事业性收费'));
    expect(fees.getCell(3).value).toBe(2);
    expect(fees.getCell(3).numFmt).toBe('+0;-0;0');
    expect(sheet.getRow(rowOf('行政许可')).getCell(3).value).toBe(-8);
    expect(sheet.getRow(rowOf('政府集中采购')).getCell(3).value).toBe(25.1);
  });

  it('leaves out the sheet of a table the report did not contain', async () => {
    const report = sampleReport('2021', { missingTables: ['proactive'] });
    const book = await readBook(await renderReportXlsx(report));
    expect(book.getWorksheet('二、主动公开政府信息情况')).toBeUndefined();
    expect(book.worksheets).toHaveLength(4);
  });
});
