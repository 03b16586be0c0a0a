import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';
import { tablesAsNumbers } from '../domain/report.ts';
import { extractHtml } from './html.ts';
import { readReport } from './read-report.ts';
import { portalPage, wordParagraph, wordPasteTable, type BlankStyle } from './__fixtures__/portal-html.ts';
import {
  BLANK_ROW,
  CORNER,
  TABLE_THREE_ROW_IDS,
  applicationNumbers,
  proactiveNumbers,
  remedyNumbers,
  tableFour,
  tableThree,
  tableTwo,
  type ApplicantValues,
} from './__fixtures__/report-tables.ts';

type Row = Extract<Line, { kind: 'row' }>;
const rowsOf = (doc: ExtractedDocument, tableIndex?: number): Row[] =>
  doc.lines.filter((l): l is Row => l.kind === 'row' && (tableIndex === undefined || l.tableIndex === tableIndex));
const textsOf = (doc: ExtractedDocument): string[] => doc.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));

/** Only 自然人 and 总计 filled, the organisation columns left blank (a common portal report). */
const person = (n: number): ApplicantValues => [String(n), '', '', '', '', '', String(n)];
const THREE_VALUES: Record<string, ApplicantValues> = {
  received: person(17),
  carriedIn: person(2),
  disclosed: person(9),
  partlyDisclosed: person(1),
  'withheld.thirdParty': person(1),
  'unavailable.notHeld': person(4),
  'notHandled.repeat': person(1),
  'other.misc': person(1),
  handledTotal: person(17),
  carriedOut: person(2),
};
const TWO = { rules: ['0', '0', '0'], normativeDocs: ['3', '1', '25'], licensing: '1520', penalties: '86', compulsion: '2', fees: '0' } as const;
const FOUR = ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'];

function reportBody(blank: BlankStyle = 'nbsp'): string {
  return [
    '<h1 style="text-align:center">某市人民政府办公室2021年政府信息公开工作年度报告</h1>',
    wordParagraph('本报告根据《中华人民共和国政府信息公开条例》要求编制。'),
    wordParagraph('一、总体情况'),
    wordParagraph('2021年，我办认真贯彻落实政府信息公开工作部署。'),
    wordParagraph('二、主动公开政府信息情况'),
    wordPasteTable(tableTwo(TWO), blank),
    wordParagraph('三、收到和处理政府信息公开申请情况'),
    wordPasteTable(tableThree(THREE_VALUES), blank),
    wordParagraph('四、政府信息公开行政复议、行政诉讼情况'),
    wordPasteTable(tableFour(FOUR), blank),
    wordParagraph('五、存在的主要问题及改进情况'),
    '<div>一是公开内容不够全面；<br>二是解读形式较为单一。</div>',
    wordParagraph('六、其他需要报告的事项'),
    wordParagraph('本年度未收取信息处理费。'),
  ].join('\n');
}

const utf8 = (html: string): Buffer => Buffer.from(html, 'utf8');

/** The expected table 三 row for a stable id: the label slots as the merged cells leave them, then the values. */
function expectedThreeRow(id: string): string[] {
  const values = [...(THREE_VALUES[id] ?? BLANK_ROW)];
  switch (id) {
    case 'received':
      return ['一、本年新收政府信息公开申请数量', '', '', ...values];
    case 'disclosed':
      return ['三、本年度办理结果', '（一）予以公开', '', ...values];
    case 'withheld.stateSecret':
      return ['', '（三）不予公开', '1.属于国家秘密', ...values];
    case 'withheld.barredByLaw':
      return ['', '', '2.其他法律行政法规禁止公开', ...values];
    case 'handledTotal':
      return ['', '（七）总计', '', ...values];
    case 'carriedOut':
      return ['四、结转下年度继续办理', '', '', ...values];
    default:
      throw new Error(id);
  }
}

describe('extractHtml: a Word-paste report inside a portal page', () => {
  const doc = extractHtml(utf8(portalPage(reportBody(), { charset: 'utf-8', chromeChars: 300_000 })));

  it('finds the three report tables, and only them, with their own table index', () => {
    expect(new Set(rowsOf(doc).map((r) => r.tableIndex))).toEqual(new Set([0, 1, 2]));
    expect(rowsOf(doc).every((r) => r.aligned)).toBe(true);
    expect(doc.kind).toBe('html');
  });

  it('expands table 三 to 28 rows of 10 cells: three label slots and seven value columns', () => {
    const three = rowsOf(doc, 1);
    expect(three).toHaveLength(28);
    expect(three.every((r) => r.cells.length === 10)).toBe(true);
    expect(three[0]?.cells).toEqual([CORNER, '', '', '申请人情况', '', '', '', '', '', '']);
    expect(three[1]?.cells).toEqual(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    expect(three[2]?.cells).toEqual(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
  });

  it('keeps each value in its column under the rowspan labels 三、本年度办理结果 and （三）不予公开', () => {
    const three = rowsOf(doc, 1);
    for (const id of ['received', 'disclosed', 'withheld.stateSecret', 'withheld.barredByLaw', 'handledTotal', 'carriedOut']) {
      expect(three[3 + TABLE_THREE_ROW_IDS.indexOf(id)]?.cells, id).toEqual(expectedThreeRow(id));
    }
  });

  it('joins labels that Word wrapped across source lines', () => {
    const labels = rowsOf(doc, 1).map((r) => r.cells.slice(0, 3).join('|'));
    expect(labels).toContain('|（二）部分公开（区分处理的，只计这一情形，不计其他情形）|');
    expect(labels).toContain('|（六）其他处理|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
  });

  it('expands table 四 to 4 rows of 15 and table 二 blocks to 4 columns', () => {
    const four = rowsOf(doc, 2);
    expect(four.map((r) => r.cells.length)).toEqual([15, 15, 15, 15]);
    expect(four[0]?.cells.slice(0, 6)).toEqual(['行政复议', '', '', '', '', '行政诉讼']);
    expect(four[2]?.cells.slice(0, 6)).toEqual(['', '', '', '', '', '结果维持']);
    expect(four[3]?.cells).toEqual(FOUR);
    const two = rowsOf(doc, 0);
    expect(two.find((r) => r.cells[0] === '行政许可')?.cells).toEqual(['行政许可', '1520', '', '']);
    expect(two.find((r) => r.cells[0] === '行政规范性文件')?.cells).toEqual(['行政规范性文件', '3', '1', '25']);
  });

  it('emits headings and paragraphs as text lines in document order between the tables', () => {
    const order = doc.lines.map((l) => (l.kind === 'text' ? l.text : `#${l.tableIndex}`)).filter((t, i, all) => t !== all[i - 1]);
    const at = (t: string): number => order.indexOf(t);
    expect(at('某市人民政府办公室2021年政府信息公开工作年度报告')).toBeGreaterThanOrEqual(0);
    expect(at('二、主动公开政府信息情况')).toBeLessThan(at('#0'));
    expect(at('#0')).toBeLessThan(at('三、收到和处理政府信息公开申请情况'));
    expect(at('三、收到和处理政府信息公开申请情况')).toBeLessThan(at('#1'));
    expect(at('#1')).toBeLessThan(at('四、政府信息公开行政复议、行政诉讼情况'));
    expect(at('#2')).toBeLessThan(at('五、存在的主要问题及改进情况'));
    expect(at('一是公开内容不够全面；')).toBe(at('二是解读形式较为单一。') - 1);
  });

  it('drops scripts, styles, menus and the related-reports list', () => {
    const texts = textsOf(doc).join('\n');
    expect(texts).not.toMatch(/_hmt|不是表格|color:#333|政务公开栏目/);
    expect(texts).not.toContain('2020年政府信息公开工作年度报告');
    expect(texts).not.toContain('打印本页');
  });
});

describe('extractHtml: blank cells', () => {
  it.each<BlankStyle>(['nbsp', 'empty', 'space'])('reads %s cells as blank, never as 0', (blank) => {
    const doc = extractHtml(utf8(portalPage(reportBody(blank))));
    const received = rowsOf(doc, 1)[3];
    expect(received?.cells).toEqual(['一、本年新收政府信息公开申请数量', '', '', '17', '', '', '', '', '', '17']);
  });
});

describe('extractHtml: nested layout tables', () => {
  const layout = (inner: string): string =>
    `<table width="100%"><tr><td width="200"><ul><li><a href="/a">机构概况</a></li><li><a href="/b">政策文件</a></li></ul></td>` +
    `<td><table><tr><td>${wordParagraph('三、收到和处理政府信息公开申请情况')}${inner}</td></tr></table></td></tr></table>`;

  it('reads the report tables inside a layout table and not the layout table itself', () => {
    const doc = extractHtml(utf8(portalPage(layout(wordPasteTable(tableThree(THREE_VALUES))))));
    const rows = rowsOf(doc);
    expect(new Set(rows.map((r) => r.tableIndex))).toEqual(new Set([0]));
    expect(rows).toHaveLength(28);
    expect(rows.every((r) => r.cells.length === 10)).toBe(true);
    expect(textsOf(doc)).toContain('三、收到和处理政府信息公开申请情况');
    expect(textsOf(doc)).not.toContain('机构概况');
  });

  it('refuses absurdly deep nesting quickly instead of overflowing the stack', () => {
    const deep = '<table><tr><td>'.repeat(5000) + 'x' + '</td></tr></table>'.repeat(5000);
    const started = Date.now();
    expect(() => extractHtml(utf8(deep))).toThrow(expect.objectContaining({ code: 'unreadable.tooLarge' }));
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reads moderately nested tables (a table in a cell of a table in a cell)', () => {
    const doc = extractHtml(utf8(layout(layout(wordPasteTable(tableFour(FOUR))))));
    expect(rowsOf(doc).map((r) => r.cells.length)).toEqual([15, 15, 15, 15]);
  });
});

describe('extractHtml: labels and text', () => {
  it('joins <br> inside label cells and keeps <br> lines in prose apart', () => {
    const html = `<p>第一行<br>第二行</p><table><tr><td>（二）部分公开<br>（区分处理的，只计这一情形，不计其他情形）</td><td>商业<br/>企业</td></tr></table>`;
    const doc = extractHtml(utf8(html));
    expect(textsOf(doc)).toEqual(['第一行', '第二行']);
    expect(rowsOf(doc)[0]?.cells).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '商业企业']);
  });

  it('ignores hidden Word markup and conditional comments', () => {
    const html = `<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
      <p>正文<span style="display:none;mso-hide:all">隐藏</span></p>`;
    expect(textsOf(extractHtml(utf8(html)))).toEqual(['正文']);
  });
});

describe('extractHtml: character sets', () => {
  const page = (charset?: 'gb2312' | 'http-equiv-gbk' | 'utf-8'): string => portalPage(reportBody(), charset ? { charset } : {});
  const labelOfRow4 = (doc: ExtractedDocument): string | undefined => rowsOf(doc, 1)[4]?.cells[0];

  it.each([
    ['GBK with <meta charset="gb2312">', iconv.encode(page('gb2312'), 'gbk')],
    ['GBK with an http-equiv declaration', iconv.encode(page('http-equiv-gbk'), 'gbk')],
    ['GBK with no declaration', iconv.encode(page(), 'gbk')],
    ['GB18030 with no declaration', iconv.encode(page(), 'gb18030')],
    ['UTF-8 with no declaration', utf8(page())],
    ['UTF-8 with a BOM under a GBK template declaration', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(page('gb2312'))])],
  ])('decodes %s', (_name, bytes) => {
    const doc = extractHtml(bytes);
    expect(labelOfRow4(doc)).toBe('二、上年结转政府信息公开申请数量');
    expect(textsOf(doc)).toContain('三、收到和处理政府信息公开申请情况');
  });

  it('overrides a utf-8 declaration on GBK bytes and says so in a note', () => {
    const doc = extractHtml(iconv.encode(page('utf-8'), 'gbk'));
    expect(labelOfRow4(doc)).toBe('二、上年结转政府信息公开申请数量');
    expect(doc.notes.map((n) => n.message).join()).toMatch(/utf-8.*GB18030/);
  });

  it('reads a UTF-8 page under a copied gb2312 declaration', () => {
    expect(labelOfRow4(extractHtml(utf8(page('gb2312'))))).toBe('二、上年结转政府信息公开申请数量');
  });
});

describe('extractHtml: guards', () => {
  it('refuses a page over 50 MB with a Chinese message', () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
    expect(() => extractHtml(big)).toThrow(UnreadableInput);
    expect(() => extractHtml(big)).toThrow(/过大/);
  });

  it('refuses a colspan bomb with unreadable.tooLarge', () => {
    const rows = '<tr><td colspan=1000>x</td></tr>'.repeat(400);
    expect(() => extractHtml(utf8(`<table>${rows}<tr><td>a</td><td>b</td></tr></table>`))).toThrow(
      expect.objectContaining({ code: 'unreadable.tooLarge' }),
    );
  });

  it('reads a table of 100,000 cells in bounded time', () => {
    const row = `<tr>${'<td>1</td>'.repeat(10)}</tr>`;
    const started = Date.now();
    const doc = extractHtml(utf8(`<table>${row.repeat(10_000)}</table>`));
    expect(rowsOf(doc)).toHaveLength(10_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('reads a page of over 8 MB (the fast parser path) with the same grid', () => {
    const small = extractHtml(utf8(portalPage(reportBody())));
    const started = Date.now();
    const large = extractHtml(utf8(portalPage(reportBody(), { chromeChars: 9 * 1024 * 1024 })));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(rowsOf(large)).toEqual(rowsOf(small));
    expect(textsOf(large)).toEqual(textsOf(small));
  });

  it('reads rows and cells whose end tags were left out', () => {
    const html = '<table><tr><td rowspan=2>（三）不予公开<td>1.属于国家秘密<td>0<tr><td>2.其他法律行政法规禁止公开<td>1</table><p>后文';
    const doc = extractHtml(utf8(html));
    expect(rowsOf(doc).map((r) => r.cells)).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '0'],
      ['', '2.其他法律行政法规禁止公开', '1'],
    ]);
    expect(textsOf(doc)).toEqual(['后文']);
  });

  it('answers a page with nothing to read with unreadable.empty', () => {
    expect(() => extractHtml(utf8('<html><head><script>x()</script></head><body> </body></html>'))).toThrow(
      expect.objectContaining({ code: 'unreadable.empty' }),
    );
  });
});

describe('extractHtml → readReport', () => {
  it.each([
    ['a UTF-8 portal page with 300,000 characters of chrome', utf8(portalPage(reportBody(), { charset: 'utf-8', chromeChars: 300_000 }))],
    ['a GBK page with no charset declaration and empty cells', iconv.encode(portalPage(reportBody('empty')), 'gbk')],
  ])('reads every cell of %s', (_name, bytes) => {
    const report = readReport(extractHtml(bytes));
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2021);
    expect(report.missingTables).toEqual([]);
    const numbers = tablesAsNumbers(report);
    expect(numbers.applications).toEqual(applicationNumbers(THREE_VALUES));
    expect(numbers.proactive).toEqual(proactiveNumbers(TWO));
    expect(numbers.remedies).toEqual(remedyNumbers(FOUR));
  });

  it('reads table 三 inside a nested layout table', () => {
    const body = `<table><tr><td>${wordParagraph('某局2021年政府信息公开工作年度报告')}${wordParagraph('三、收到和处理政府信息公开申请情况')}<table><tr><td>${wordPasteTable(tableThree(THREE_VALUES))}</td></tr></table></td></tr></table>`;
    const report = readReport(extractHtml(utf8(portalPage(body))));
    expect(tablesAsNumbers(report).applications).toEqual(applicationNumbers(THREE_VALUES));
  });
});
