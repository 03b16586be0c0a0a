/**
 * Test support: HTML pages laid out like real published reports (WPS/Word tables printed to PDF), to be printed by
 * Chromium in the PDF extractor's tests. Each cell gets a distinct value so a misplaced number shows.
 */
import { FORMATS, type FormatId } from '../../domain/formats/index.ts';
import type { RowDef } from '../../domain/formats/types.ts';

export interface LayoutOptions {
  readonly format: FormatId;
  /** Paragraphs of prose before the tables, to move table 三 across a page break. */
  readonly proseBefore: number;
  /** Width of the label column of group labels, in em: 1.2 prints them one character per line. */
  readonly groupWidthEm: number;
  /** Width of the item label column, in em: narrow widths wrap the long labels over two or three lines. */
  readonly itemWidthEm: number;
  /** Value cell alignment. */
  readonly align: 'left' | 'center' | 'right';
  /** Alignment of the item labels in their cells (WPS often centres them). */
  readonly labelAlign?: 'left' | 'center';
  /** Vertical alignment of every cell: top puts the numbers on a wrapped label's first line, bottom on its last. */
  readonly valign?: 'top' | 'middle' | 'bottom';
  /** Rows printed with every value cell blank. */
  readonly blankRows: readonly string[];
  /** Rows where only 自然人 and 总计 are filled. */
  readonly sparseRows: readonly string[];
}

/** The value printed for a row and column: distinct everywhere, so a shifted cell is caught. */
export function sampleValue(rowIndex: number, columnIndex: number): string {
  return String(rowIndex * 10 + columnIndex + 1);
}

/** The value cells the layout prints for a row ('' for blanks). */
export function expectedValues(rows: readonly RowDef[], row: RowDef, options: LayoutOptions): string[] {
  const r = rows.indexOf(row);
  return Array.from({ length: 7 }, (_, c) => {
    if (options.blankRows.includes(row.id)) return '';
    if (options.sparseRows.includes(row.id) && c !== 0 && c !== 6) return '';
    return sampleValue(r, c);
  });
}

const HEADER_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** A full report page whose table 三 has merged group labels; tables 二 and 四 in the format's shape. */
export function reportHtml(options: LayoutOptions): string {
  const format = FORMATS[options.format];
  const t3 = format.tables.applications;
  const rows = t3.rows;
  const prose = Array.from(
    { length: options.proseBefore },
    (_, i) => `<p>（${i + 1}）本机关坚持以公开为常态、不公开为例外，推进政务公开标准化规范化建设，回应社会关切，第 ${i + 1} 段说明文字。</p>`,
  ).join('\n');
  const cell = (text: string, extra = '') => `<td${extra}>${text}</td>`;
  const values = (row: RowDef) => expectedValues(rows, row, options).map((v) => cell(v, ' class="v"')).join('');
  const body: string[] = [];
  const groupOf = (row: RowDef) => row.group && t3.groups.find((g) => g.id === row.group && g.id !== 'results');
  const resultRows = rows.filter((r) => r.group);
  for (const row of rows) {
    const label = `${row.marker}${row.label}`;
    if (!row.group) {
      body.push(`<tr>${cell(label, ' colspan="3" class="l"')}${values(row)}</tr>`);
      continue;
    }
    let tr = '<tr>';
    if (row === resultRows[0]) tr += cell('三、本年度办理结果', ` rowspan="${resultRows.length}" class="g0"`);
    const group = groupOf(row);
    if (group) {
      const members = rows.filter((r) => r.group === group.id);
      if (row === members[0]) tr += cell(`${group.marker}${group.label}`, ` rowspan="${members.length}" class="g1"`);
      tr += cell(label, ' class="i"');
    } else tr += cell(label, ' colspan="2" class="i"');
    body.push(`${tr}${values(row)}</tr>`);
  }
  const remedies = Array.from({ length: 15 }, (_, i) => cell(String(100 + i), ' class="v"')).join('');
  const result = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => cell(h, ' class="h"')).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 10.5pt; }
table { border-collapse: collapse; margin: 8pt 0; }
td { border: 0.6pt solid #000; padding: 3pt 4pt; vertical-align: ${options.valign ?? 'middle'}; }
td.i { text-align: ${options.labelAlign ?? 'left'}; }
td.v { text-align: ${options.align}; }
td.h { text-align: center; }
td.g0, td.g1 { text-align: center; }
td.l { text-align: left; }
</style></head><body>
<h1 style="text-align:center;font-size:16pt">测试县人民政府${options.format === '2021' ? '2023' : '2020'}年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
${prose}
<p>二、主动公开政府信息情况</p>
<table><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td class="h">本年制发件数</td><td class="h">本年废止件数</td><td class="h">现行有效件数</td></tr>
<tr><td>规章</td><td class="v">1</td><td class="v">2</td><td class="v">3</td></tr>
<tr><td>行政规范性文件</td><td class="v">4</td><td class="v"></td><td class="v">6</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3" class="v">7</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table style="table-layout:fixed">
<colgroup><col style="width:${options.groupWidthEm + 0.8}em"><col style="width:${Math.max(options.groupWidthEm, 3) + 0.8}em"><col style="width:${options.itemWidthEm + 0.8}em">${'<col style="width:3.6em">'.repeat(7)}</colgroup>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7" style="text-align:center">申请人情况</td></tr>
<tr><td rowspan="2" class="h">自然人</td><td colspan="5" style="text-align:center">法人或其他组织</td><td rowspan="2" class="h">总计</td></tr>
<tr>${HEADER_COLUMNS.slice(1, 6).map((h) => cell(h, ' class="h"')).join('')}</tr>
${body.join('\n')}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table>
<tr><td colspan="5" style="text-align:center">行政复议</td><td colspan="10" style="text-align:center">行政诉讼</td></tr>
<tr>${result.replaceAll('<td class="h">', '<td rowspan="2" class="h">')}<td colspan="5" style="text-align:center">未经复议直接起诉</td><td colspan="5" style="text-align:center">复议后起诉</td></tr>
<tr>${result}${result}</tr>
<tr style="height:60pt"><td colspan="15"></td></tr>
<tr>${remedies}</tr>
</table>
<p>五、存在的主要问题及改进情况</p>
<p>工作中还存在一些不足，下一步将持续改进。</p>
</body></html>`;
}
