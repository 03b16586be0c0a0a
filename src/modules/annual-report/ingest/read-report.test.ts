import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMN_IDS } from '../domain/formats/common.ts';
import { FORMATS } from '../domain/formats/index.ts';
import { getCell, type Report } from '../domain/report.ts';
import { extractMarkdown } from './markdown.ts';
import { readReport } from './read-report.ts';
import { values } from './read-report.test-support.ts';
import { extractText } from './text.ts';

const SEED = readFileSync(new URL('../../../../../shared/seeds/000_d3619af60397248f.txt', import.meta.url), 'utf8');


/** Table 三 of the seed as the test expects it: every row blank except these. */
const SEED_APPLICATIONS: Record<string, number[]> = {
  received: [17, 17],
  disclosed: [6, 6],
  'withheld.internalAffairs': [1, 1],
  'unavailable.notHeld': [10, 10],
};

function expectSeedTables(r: Report): void {
  for (const row of FORMATS['2019'].tables.applications.rows) {
    for (const col of APPLICANT_COLUMN_IDS) {
      const cell = getCell(r, 'applications', row.id, col);
      const filled = SEED_APPLICATIONS[row.id];
      if (filled && col === 'naturalPerson') expect(cell).toMatchObject({ kind: 'number', value: filled[0] });
      else if (filled && col === 'total') expect(cell).toMatchObject({ kind: 'number', value: filled[1] });
      else expect({ row: row.id, col, kind: cell.kind }).toEqual({ row: row.id, col, kind: 'blank' });
    }
  }
  expect(getCell(r, 'proactive', 'fees', 'lastYearCount')).toMatchObject({ kind: 'number', value: 16 });
  expect(getCell(r, 'proactive', 'fees', 'change')).toMatchObject({ kind: 'change', value: 2 });
  expect(getCell(r, 'proactive', 'procurement', 'projects')).toMatchObject({ kind: 'number', value: 2392 });
  expect(getCell(r, 'proactive', 'procurement', 'amountWan')).toMatchObject({ kind: 'number', value: 26158.97 });
  for (const row of FORMATS['2019'].tables.proactive.rows) {
    if (row.id === 'fees' || row.id === 'procurement') continue;
    for (const col of row.columns) {
      const cell = getCell(r, 'proactive', row.id, col);
      expect({ row: row.id, col, value: 'value' in cell ? cell.value : cell.kind }).toEqual({ row: row.id, col, value: 0 });
    }
  }
}

describe('readReport on the seed (tab text pulled from a PDF)', () => {
  const report = readReport(extractText(SEED));

  it('reads title, agency, year and the 2019 format', () => {
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2020);
    expect(report.agency).toBe('区财政局');
    expect(report.title).toContain('政府信息公开工作年度报告');
    expect(report.missingTables).toEqual([]);
  });

  it('reads table 二 and table 三 exactly, every unprinted cell blank', () => {
    expectSeedTables(report);
  });

  it('keeps table 四 blank and says it printed only its header', () => {
    for (const row of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']) {
      expect(values(report, 'remedies', row)).toEqual(['blank', 'blank', 'blank', 'blank', 'blank']);
    }
    expect(report.notes.some((n) => n.table === 'remedies' && /只印了表头/.test(n.message))).toBe(true);
  });

  it('notes which printed label matched which row, with the printed text', () => {
    const matched = report.notes.filter((n) => n.kind === 'matched' && n.table === 'applications' && n.row);
    expect(new Set(matched.map((n) => n.row)).size).toBe(FORMATS['2019'].tables.applications.rows.length);
    const notHeld = matched.find((n) => n.row === 'unavailable.notHeld');
    expect(notHeld?.source).toContain('本机关不掌握相关政府信息');
    const compiling = matched.find((n) => n.row === 'unavailable.needsCompiling');
    expect(compiling?.source).toContain('没有现成信息需要');
  });

  it('says where it had to choose how to place a short row', () => {
    const guess = report.notes.find((n) => n.kind === 'guessed' && n.row === 'withheld.internalAffairs');
    expect(guess?.message).toMatch(/2 种排法/);
  });

  it('finds the six sections and their prose', () => {
    expect(Object.keys(report.sections)).toEqual(['overview', 'proactive', 'applications', 'remedies', 'problems', 'other']);
    expect(report.sections.overview?.text).toContain('加强组织领导');
    expect(report.sections.problems?.heading).toBe('五、存在的主要问题及改进情况');
    expect(report.sections.other?.text).toBe('无');
  });
});

describe('readReport on the seed in other text forms', () => {
  it('reads the same values from pipe markdown with generic headers and separators', () => {
    const md = SEED.split('\n')
      .map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : line))
      .join('\n')
      .replace('| 规章 |', '| 数据1 | 数据2 | 数据3 | 数据4 |\n|---|---|---|---|\n| 规章 |');
    const report = readReport(extractMarkdown(md));
    expect(report.format).toBe('2019');
    expect(report.agency).toBe('区财政局');
    expectSeedTables(report);
  });

  it('reads run-together crawler text by the unique split that keeps 总计 = Σ columns', () => {
    const text = [
      '首页 > 政府信息公开 > 年度报告',
      '字号 大 中 小',
      '2020年度区财政局政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量170000017',
      '二、上年结转政府信息公开申请数量0000000',
      '（一）予以公开600000 6',
      '（四）无法提供1.本机关不掌握相关政府信息100000010',
      '（七）总计170000017',
      '四、结转下年度继续办理0000000',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议行政诉讼',
      '000000000000000',
      '打印本页 关闭窗口',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'applications', 'received')).toEqual([17, 0, 0, 0, 0, 0, 17]);
    expect(values(report, 'applications', 'carriedIn')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(values(report, 'applications', 'disclosed')).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(values(report, 'applications', 'unavailable.notHeld')).toEqual([10, 0, 0, 0, 0, 0, 10]);
    expect(values(report, 'applications', 'handledTotal')).toEqual([17, 0, 0, 0, 0, 0, 17]);
    expect(values(report, 'remedies', 'litigationDirect')).toEqual([0, 0, 0, 0, 0]);
    const note = report.notes.find((n) => n.kind === 'guessed' && n.row === 'received');
    expect(note?.message).toMatch(/拆法只有一种/);
  });

  it('reads the real-layouts example 1700000017 as 17 0 0 0 0 0 17 (one spurious 0 cell) and says so', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量1700000017'].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'applications', 'received')).toEqual([17, 0, 0, 0, 0, 0, 17]);
    expect(report.notes.find((n) => n.row === 'received' && n.kind === 'guessed')?.message).toMatch(/多出一个 0/);
  });

  it('keeps an ambiguous glued row blank and says several splits fit', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '（一）予以公开121000013', '（二）部分公开000000 0'].join('\n');
    const report = readReport(extractText(text));
    // 12+1 = 13 and 1+2+10 = 13 both fit the row identity.
    expect(values(report, 'applications', 'disclosed').every((v) => v === 'blank')).toBe(true);
    expect(report.notes.some((n) => n.row === 'disclosed' && /种拆法都说得通/.test(n.message))).toBe(true);
  });
});

const TABLE3_2021 = [
  '三、收到和处理政府信息公开申请情况',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t总计',
  '\t\t自然人\t法人或其他组织\t\t\t\t\t',
  '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
  '一、本年新收政府信息公开申请数量\t\t20\t1\t0\t0\t0\t0\t21',
  '二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2',
  '三、本年度办理结果\t（一）予以公开\t10\t1\t0\t0\t0\t0\t11',
  '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t0\t0\t0\t0\t0\t1',
  '\t（四）无法提供\t1.本机关不掌握相关政府信息\t5\t0\t0\t0\t0\t0\t5',
  '\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2',
  '\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1',
  '\t\t3.其他\t1\t0\t0\t0\t0\t0\t1',
  '\t（七）总计\t\t20\t1\t0\t0\t0\t0\t21',
  '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2',
];

describe('readReport on hand-made layouts', () => {
  it('reads a 2021-format text with the three （六） rows', () => {
    const text = ['某县交通运输局2022年政府信息公开工作年度报告', '一、总体情况', '略。', ...TABLE3_2021].join('\n');
    const report = readReport(extractText(text));
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2022);
    expect(report.agency).toBe('某县交通运输局');
    expect(values(report, 'applications', 'other.noSupplement')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(values(report, 'applications', 'other.feeUnpaid')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values(report, 'applications', 'other.misc')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values(report, 'applications', 'partlyDisclosed')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values(report, 'applications', 'handledTotal')).toEqual([20, 1, 0, 0, 0, 0, 21]);
  });

  it('detects the 2019 table 三 in a 2023 report', () => {
    const text = [
      '某区民政局2023年度政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      ...TABLE3_2021.slice(1, 9),
      '\t（六）其他处理\t\t3\t0\t0\t0\t0\t0\t3',
      '\t（七）总计\t\t19\t1\t0\t0\t0\t0\t20',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(report.year).toBe(2023);
    expect(report.format).toBe('2019');
    expect(values(report, 'applications', 'other')).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });

  it('joins labels split across lines and across a page break with "- 3 -" between', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '1.本机关不掌握相关政府信息    746    12    0    0    10    1    769',
      '（四）无',
      '- 3 -',
      '法提供    2.没有现成信息需要另行制作    11    0    0    0    0    0    11',
      '3.补正后申请内容',
      '仍不明确    1    0    0    0    0    0    1',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'applications', 'unavailable.notHeld')).toEqual([746, 12, 0, 0, 10, 1, 769]);
    expect(values(report, 'applications', 'unavailable.needsCompiling')).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(values(report, 'applications', 'unavailable.unclearAfterSupplement')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('reads group labels printed one character per line and numbers on the middle line of a wrapped label', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '      （一）予以公开                   1288        21       0        0    50       3   1362',
      '      （二）部分公开（区分处理的，只计这一情',
      '                                447         7        0        0        0    0   454',
      '      形，不计其他情形）',
      '             1.属于国家秘密            2          0        0        0        0    0    2',
      '三、',
      '本            2.其他法律行政法规禁止公开     30          1        0        0        0    0    31',
      '年',
      '度',
      '      （三）不',
      '理',
      '      予公开',
      '               1、申请人无正当理由逾期不补',
      '               正、行政机关不再处理其政府信           67        3        0         0        1         0    71',
      '               息公开申请',
      '     （六）其',
      '               2、申请人逾期未按收费通知要',
      '     他处理',
      '               求缴纳费用、行政机关不再处理           6         0        0         0        0         0    6',
      '               其政府信息公开申请',
      '               3、其他                  108          2        0         0        0         0    110',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(report.format).toBe('2021');
    expect(values(report, 'applications', 'partlyDisclosed')).toEqual([447, 7, 0, 0, 0, 0, 454]);
    expect(values(report, 'applications', 'withheld.barredByLaw')).toEqual([30, 1, 0, 0, 0, 0, 31]);
    expect(values(report, 'applications', 'other.noSupplement')).toEqual([67, 3, 0, 0, 1, 0, 71]);
    expect(values(report, 'applications', 'other.feeUnpaid')).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(values(report, 'applications', 'other.misc')).toEqual([108, 2, 0, 0, 0, 0, 110]);
  });

  it('reads numbers printed on a line of their own below a wrapped label', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '5.要求行政机关确认或重新出',
      '具已获取信息',
      '1\t0\t0\t0\t0\t0\t1',
      '（七）总计\t9\t0\t0\t0\t0\t0\t9',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'applications', 'notHandled.confirmation')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values(report, 'applications', 'handledTotal')).toEqual([9, 0, 0, 0, 0, 0, 9]);
  });

  it('keeps the organisation columns blank when only 自然人 and 总计 are filled', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量\t5\t\t\t\t\t\t5',
      '（一）予以公开\t3\t\t\t\t\t\t3',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'applications', 'received')).toEqual([5, 'blank', 'blank', 'blank', 'blank', 'blank', 5]);
    expect(values(report, 'applications', 'disclosed')).toEqual([3, 'blank', 'blank', 'blank', 'blank', 'blank', 3]);
  });

  it('reads table 四 from 15 numbers printed far below its header', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议                          行政诉讼',
      '结果   结果    其他结    尚未',
      '维持   纠正    果      审结',
      '',
      '',
      '72   64    178    37    351   13    4        8        1        26   12   1     1    6       20',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'remedies', 'reconsideration')).toEqual([72, 64, 178, 37, 351]);
    expect(values(report, 'remedies', 'litigationAfterReconsideration')).toEqual([12, 1, 1, 6, 20]);
  });

  it('notes a local extra row of table 二 as ignored and reads money and changes', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第（一）项\t\t\t',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0',
      '规范性文件\t3\t3\t40',
      '其他主动公开文件\t120\t120\t900',
      '行政事业性收费\t5\t减少1项\t',
      '政府集中采购\t12\t251000元\t',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(values(report, 'proactive', 'normativeDocs')).toEqual([3, 3, 40]);
    expect(values(report, 'proactive', 'fees')).toEqual([5, -1]);
    expect(values(report, 'proactive', 'procurement')).toEqual([12, 25.1]);
    expect(report.notes.some((n) => n.kind === 'ignored' && n.source?.includes('其他主动公开文件'))).toBe(true);
  });

  it('lists tables not present at all as missing', () => {
    const report = readReport(extractText(['某局2021年政府信息公开工作年度报告', '一、总体情况', '本年度无相关情况。'].join('\n')));
    expect(report.missingTables).toEqual(['proactive', 'applications', 'remedies']);
    expect(report.format).toBe('2021');
  });

  it('never throws on weird input', () => {
    const weird = [
      { kind: 'text' as const, lines: [], notes: [] },
      {
        kind: 'text' as const,
        notes: [],
        lines: [
          { kind: 'row' as const, cells: [], aligned: false },
          { kind: 'row' as const, cells: ['（七）总计', '1'.repeat(80)], aligned: true },
          { kind: 'text' as const, text: '三、收到和处理政府信息公开申请情况' },
          { kind: 'text' as const, text: '本年新收' + '9'.repeat(45) },
          { kind: 'row' as const, cells: Array.from({ length: 300 }, (_, i) => String(i)), aligned: false },
        ],
      },
    ];
    for (const doc of weird) expect(() => readReport(doc)).not.toThrow();
  });
});
