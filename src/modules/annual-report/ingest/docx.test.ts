import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { UnreadableInput, type ExtractedDocument, type Line } from './document.ts';
import { tablesAsNumbers } from '../domain/report.ts';
import { extractDocx } from './docx.ts';
import { readReport } from './read-report.ts';
import { buildDocx, rawDocx, wp, wtc, type DocxBlock } from './__fixtures__/report-docx.ts';
import {
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

const all = (n: number): ApplicantValues => [String(n), '0', '0', '0', '0', '0', String(n)];
const THREE_VALUES: Record<string, ApplicantValues> = {
  received: ['23', '4', '0', '1', '0', '0', '28'],
  carriedIn: all(0),
  disclosed: ['10', '2', '0', '1', '0', '0', '13'],
  'withheld.processInfo': all(2),
  'unavailable.notHeld': ['6', '1', '0', '0', '0', '0', '7'],
  'other.noSupplement': all(1),
  handledTotal: ['19', '3', '0', '1', '0', '0', '23'],
  carriedOut: ['4', '1', '0', '0', '0', '0', '5'],
};
const TWO = { rules: ['0', '0', '0'], normativeDocs: ['5', '2', '31'], licensing: '2847', penalties: '112', compulsion: '0', fees: '0.35' } as const;
const FOUR = ['2', '1', '0', '0', '3', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0'];

const REPORT: DocxBlock[] = [
  '某县市场监督管理局2021年政府信息公开工作年度报告',
  '一、总体情况',
  '2021年，我局深入贯彻《中华人民共和国政府信息公开条例》。',
  '二、主动公开政府信息情况',
  tableTwo(TWO),
  '三、收到和处理政府信息公开申请情况',
  tableThree(THREE_VALUES),
  '四、政府信息公开行政复议、行政诉讼情况',
  tableFour(FOUR),
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

describe('extractDocx: a report built in Word with merged cells', async () => {
  const doc = await extractDocx(await buildDocx(REPORT));

  it('expands table 三: 28 rows of 10 cells, vertical merges as blank slots', () => {
    const three = rowsOf(doc, 1);
    expect(three).toHaveLength(28);
    expect(three.every((r) => r.cells.length === 10 && r.aligned)).toBe(true);
    expect(three[0]?.cells).toEqual([CORNER, '', '', '申请人情况', '', '', '', '', '', '']);
    expect(three[1]?.cells).toEqual(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    expect(three[2]?.cells.slice(3)).toEqual(['', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    const at = (id: string): readonly string[] | undefined => three[3 + TABLE_THREE_ROW_IDS.indexOf(id)]?.cells;
    expect(at('received')).toEqual(['一、本年新收政府信息公开申请数量', '', '', '23', '4', '0', '1', '0', '0', '28']);
    expect(at('disclosed')).toEqual(['三、本年度办理结果', '（一）予以公开', '', '10', '2', '0', '1', '0', '0', '13']);
    expect(at('withheld.stateSecret')?.slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
    expect(at('withheld.processInfo')).toEqual(['', '', '6.属于四类过程性信息', '2', '0', '0', '0', '0', '0', '2']);
    expect(at('other.noSupplement')?.slice(0, 2)).toEqual(['', '（六）其他处理']);
    expect(at('other.misc')).toEqual(['', '', '3.其他', '', '', '', '', '', '', '']);
    expect(at('carriedOut')).toEqual(['四、结转下年度继续办理', '', '', '4', '1', '0', '0', '0', '0', '5']);
  });

  it('expands table 四 (three-level header) and table 二 (full-width value cells)', () => {
    const four = rowsOf(doc, 2);
    expect(four.map((r) => r.cells.length)).toEqual([15, 15, 15, 15]);
    expect(four[1]?.cells.slice(4, 7)).toEqual(['总计', '未经复议直接起诉', '']);
    expect(four[3]?.cells).toEqual(FOUR);
    const two = rowsOf(doc, 0);
    expect(two.every((r) => r.cells.length === 4)).toBe(true);
    expect(two.find((r) => r.cells[0] === '行政事业性收费')?.cells).toEqual(['行政事业性收费', '0.35', '', '']);
  });

  it('keeps paragraphs and tables in body order', () => {
    const order = doc.lines.map((l) => (l.kind === 'text' ? l.text : `#${l.tableIndex}`)).filter((t, i, a) => t !== a[i - 1]);
    expect(order).toEqual([
      '某县市场监督管理局2021年政府信息公开工作年度报告',
      '一、总体情况',
      '2021年，我局深入贯彻《中华人民共和国政府信息公开条例》。',
      '二、主动公开政府信息情况',
      '#0',
      '三、收到和处理政府信息公开申请情况',
      '#1',
      '四、政府信息公开行政复议、行政诉讼情况',
      '#2',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('reads the report tables inside a layout table as tables of their own', async () => {
    const framed = await extractDocx(await buildDocx([{ layout: ['三、收到和处理政府信息公开申请情况', tableThree(THREE_VALUES)] }]));
    expect(new Set(rowsOf(framed).map((r) => r.tableIndex))).toEqual(new Set([0]));
    expect(rowsOf(framed)).toHaveLength(28);
    expect(textsOf(framed)).toEqual(['目录', '三、收到和处理政府信息公开申请情况']);
  });
});

describe('extractDocx: runs, fields and revisions', () => {
  it('joins runs, keeps w:tab as a tab and starts a new line at w:br', async () => {
    const body =
      `<w:p><w:r><w:t>一、本年新收</w:t></w:r><w:r><w:t>政府信息公开申请数量</w:t></w:r><w:r><w:tab/><w:t>17</w:t></w:r>` +
      `<w:r><w:br/><w:t xml:space="preserve">第二行 </w:t></w:r></w:p>`;
    const doc = await extractDocx(await rawDocx(body));
    expect(textsOf(doc)).toEqual(['一、本年新收政府信息公开申请数量\t17', '第二行']);
  });

  it('skips field codes, deleted text, hidden runs and paragraph tab stops; reads content controls', async () => {
    const body =
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
      `<w:r><w:t>予以</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:del w:id="1" w:author="a"><w:r><w:delText>不予</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>公开</w:t></w:r></w:ins>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>` +
      `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${wp('控件内文字')}</w:sdtContent></w:sdt>`;
    expect(textsOf(await extractDocx(await rawDocx(body)))).toEqual(['予以公开', '控件内文字']);
  });
});

describe('extractDocx: table markup', () => {
  it('honours w:gridBefore, legacy w:hMerge and text left in a vMerge continue cell', async () => {
    const row = (cells: string, trPr = ''): string => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
    const body =
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
      row(wtc(wp('（三）不予公开'), '<w:vMerge w:val="restart"/>') + wtc(wp('1.属于国家秘密')) + wtc(wp('0')) + wtc(wp('0'))) +
      row(wtc(wp('残留'), '<w:vMerge/>') + wtc(wp('2.其他法律行政法规禁止公开')) + wtc(wp('1')) + wtc(wp('1'))) +
      row(wtc(wp('合并'), '<w:hMerge w:val="restart"/>') + wtc(wp(''), '<w:hMerge w:val="continue"/>') + wtc(wp('3')), '<w:gridBefore w:val="1"/>') +
      `</w:tbl>`;
    const rows = rowsOf(await extractDocx(await rawDocx(body)));
    expect(rows.map((r) => r.cells)).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '0', '0'],
      ['', '2.其他法律行政法规禁止公开', '1', '1'],
      ['', '合并', '', '3'],
    ]);
  });

  it('joins the paragraphs of a narrow label cell into one label', async () => {
    const body = `<w:tbl><w:tr>${wtc(wp('（二）部分公开') + wp('（区分处理的，只计这一情形，不计其他情形）'))}${wtc(wp('1'))}</w:tr></w:tbl>`;
    expect(rowsOf(await extractDocx(await rawDocx(body)))[0]?.cells).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1']);
  });
});

describe('extractDocx: automatic numbering', () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
    `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
  const styles = `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
  const num = (id: number, lvl = 0): string => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;

  it('rebuilds list labels of headings (including style-linked numbering) and of table label cells', async () => {
    const body =
      wp('总体情况', '<w:pStyle w:val="Heading1"/>') +
      wp('主动公开政府信息情况', '<w:pStyle w:val="Heading1"/>') +
      wp('予以公开', num(1, 1)) +
      wp('部分公开', num(1, 1)) +
      wp('收到和处理政府信息公开申请情况', num(1)) +
      `<w:tbl><w:tr>${wtc(wp('属于国家秘密', num(2)))}${wtc(wp('0'))}</w:tr><w:tr>${wtc(wp('其他法律行政法规禁止公开', num(2)))}${wtc(wp('1'))}</w:tr></w:tbl>`;
    const doc = await extractDocx(await rawDocx(body, { numbering, styles }));
    expect(textsOf(doc)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '（一）予以公开', '（二）部分公开', '三、收到和处理政府信息公开申请情况']);
    expect(rowsOf(doc).map((r) => r.cells[0])).toEqual(['1.属于国家秘密', '2.其他法律行政法规禁止公开']);
  });
});

describe('extractDocx: unreadable files', () => {
  async function failure(bytes: Buffer): Promise<UnreadableInput> {
    try {
      await extractDocx(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(UnreadableInput);
      expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
      return error as UnreadableInput;
    }
    throw new Error('expected extractDocx to fail');
  }

  it('refuses bytes that are not a ZIP', async () => {
    expect((await failure(Buffer.from('这不是一个 Word 文件'))).code).toBe('unreadable.format');
  });

  it('refuses a truncated DOCX as corrupt', async () => {
    const good = await buildDocx(REPORT);
    expect((await failure(good.subarray(0, Math.floor(good.length / 2)))).code).toBe('unreadable.corrupt');
  });

  it('refuses a ZIP that is an Excel workbook, naming what it is', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const error = await failure(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(error.code).toBe('unreadable.format');
    expect(error.message).toContain('Excel');
  });

  it('refuses a password-protected Word file and a legacy .doc with different messages', async () => {
    const ole = (extra: string): Buffer =>
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(extra, 'utf16le')]);
    const encrypted = await failure(ole('EncryptionInfo\0EncryptedPackage'));
    expect(encrypted.code).toBe('unreadable.format');
    expect(encrypted.message).toContain('加密');
    expect((await failure(ole('WordDocument'))).message).toContain('.doc');
  });

  it('refuses a ZIP whose entries are encrypted', async () => {
    const bytes = Buffer.from(await buildDocx(['正文']));
    // Set the "encrypted" general-purpose flag in every local and central directory header.
    for (let i = 0; i + 4 < bytes.length; i++) {
      const sig = bytes.readUInt32LE(i);
      if (sig === 0x04034b50) bytes[i + 6]! |= 1;
      if (sig === 0x02014b50) bytes[i + 8]! |= 1;
    }
    expect((await failure(bytes)).message).toContain('加密');
  });

  it('refuses a ZIP bomb (document.xml inflating past the limit) in bounded time', async () => {
    const zip = new JSZip();
    zip.file('_rels/.rels', '<Relationships/>');
    zip.file('word/document.xml', `<w:document><w:body>${' '.repeat(45 * 1024 * 1024)}</w:body></w:document>`);
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    expect((await failure(bomb)).code).toBe('unreadable.tooLarge');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses absurdly deep table nesting and files over 50 MB', async () => {
    const deep = '<w:tbl><w:tr><w:tc>'.repeat(3000) + wp('x') + '</w:tc></w:tr></w:tbl>'.repeat(3000);
    expect((await failure(await rawDocx(deep))).code).toBe('unreadable.tooLarge');
    const big = Buffer.alloc(50 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await failure(big)).code).toBe('unreadable.tooLarge');
  });

  it('reads a table of 100,000 cells in bounded time', async () => {
    const row = `<w:tr>${wtc(wp('1')).repeat(10)}</w:tr>`;
    const bytes = await rawDocx(`<w:tbl>${row.repeat(10_000)}</w:tbl>`);
    const started = Date.now();
    const doc = await extractDocx(bytes);
    expect(rowsOf(doc)).toHaveLength(10_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('answers a document without text with unreadable.empty', async () => {
    expect((await failure(await rawDocx('<w:p/>'))).code).toBe('unreadable.empty');
  });
});

describe('extractDocx → readReport', () => {
  it('reads every cell of the three tables of a Word report with merged cells', async () => {
    const report = readReport(await extractDocx(await buildDocx(REPORT)));
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2021);
    expect(report.missingTables).toEqual([]);
    const numbers = tablesAsNumbers(report);
    expect(numbers.applications).toEqual(applicationNumbers(THREE_VALUES));
    expect(numbers.proactive).toEqual(proactiveNumbers(TWO));
    expect(numbers.remedies).toEqual(remedyNumbers(FOUR));
  });

  it('reads table 三 from inside a layout table', async () => {
    const framed = await buildDocx(['某县市场监督管理局2021年政府信息公开工作年度报告', { layout: ['三、收到和处理政府信息公开申请情况', tableThree(THREE_VALUES)] }]);
    expect(tablesAsNumbers(readReport(await extractDocx(framed))).applications).toEqual(applicationNumbers(THREE_VALUES));
  });
});
