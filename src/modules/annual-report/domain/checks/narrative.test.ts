import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';
import { blankReport, naturalPersonOnly, seedReport, withCells } from './test-reports.ts';

const warnings = (fs: ReturnType<typeof checkReport>) => fs.filter((f) => f.severity === 'warning');

/** Table 三 and 四 of the 淮安市人民政府 2024 report (shared/fixtures/real/README.md), 总计 column only. */
function huaian(overview: string) {
  let r = blankReport('2021', 2024, { overview });
  r = withCells(
    r,
    'applications',
    naturalPersonOnly({ received: 3119, carriedIn: 34, disclosed: 3050, handledTotal: 3050, carriedOut: 103 }),
  );
  r = withCells(r, 'proactive', { rules: { issued: 1, repealed: 0, inForce: 11 }, normativeDocs: { issued: 8, repealed: 26, inForce: 66 } });
  return withCells(r, 'remedies', {
    reconsideration: { upheld: 72, corrected: 64, other: 178, pending: 37, total: 351 },
    litigationDirect: { upheld: 13, corrected: 4, other: 8, pending: 1, total: 26 },
    litigationAfterReconsideration: { upheld: 12, corrected: 1, other: 1, pending: 6, total: 20 },
  });
}

const HUAIAN_TEXT =
  '（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条，全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件。\n' +
  '（二）依申请公开情况。2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件。';

describe('the narrative against the tables', () => {
  it('the seed gives no warning (its 2021年，我局将… is a plan, not the report year)', () => {
    expect(warnings(checkReport(seedReport()))).toEqual([]);
  });

  it('the real 淮安 2024 text agrees with its tables: no finding', () => {
    expect(checkReport(huaian(HUAIAN_TEXT))).toEqual([]);
  });

  it.each([
    ['全市共受理政府信息公开申请 3118 件', 'received', 3119, 3118],
    ['含上年度结转申请 33 件', 'carriedIn', 34, 33],
    ['本年办结申请3000件', 'handledTotal', 3050, 3000],
    ['另有 100 件顺延到下年度答复', 'carriedOut', 103, 100],
    ['结转下年度继续办理10件', 'carriedOut', 103, 10],
    ['全年新增公开市政府规章 2 件', 'rules', 1, 2],
    ['主动公开规范性文件3件', 'normativeDocs', 8, 3],
    ['政府信息公开行政复议 350 起', 'reconsideration', 351, 350],
  ])('“%s” disagrees with %s: a warning naming the sentence and the cell', (sentence, row, inTable, said) => {
    const fs = checkReport(huaian(`2024年，${sentence}。`));
    expect(fs.map((f) => f.code)).toEqual(['narrative.tableMismatch']);
    expect(fs[0]).toMatchObject({ severity: 'warning', expected: inTable, found: said });
    expect(fs[0]?.cells[0]?.row).toBe(row);
    expect(fs[0]?.message).toContain(sentence.replace(/ /g, ''));
  });

  it('a sub-cell quoted as the total (行政诉讼26件 = 未经复议直接起诉 only) is a warning with that hint', () => {
    const [f] = checkReport(huaian('全年发生政府信息公开行政诉讼26起。'));
    expect(f?.code).toBe('narrative.tableMismatch');
    expect(f?.expected).toBe(46);
    expect(f?.message).toContain('疑将分项当作了合计');
    expect(f?.message).toContain('未经复议直接起诉');
  });

  it.each([
    '2023年共受理政府信息公开申请2000件',
    '共受理政府信息公开申请3000件，同比增长4%',
    '其中收到自然人申请3001件',
    '全年共受理政府信息公开申请3119件，其中办结10件',
  ])('no false alarm on “%s” (another year, a comparison, a sub-quantity)', (sentence) => {
    expect(checkReport(huaian(`${sentence}。`))).toEqual([]);
  });

  it('the narrative speaking of another year than the report is a warning', () => {
    const text = '2019年，我局认真落实条例。2019年，我局共公开信息300条。2019年，我局加强培训。';
    const fs = checkReport(withCells(blankReport('2019', 2020, { overview: text }), 'applications', {}));
    expect(fs.map((f) => [f.code, f.expected, f.found])).toEqual([['narrative.yearMismatch', 2020, 2019]]);
  });

  it('plans for next year and dates do not count as the year spoken of', () => {
    const text =
      '2020年，我局认真落实条例。2021年，我局将加强培训。2021年我局将继续完善制度。2021年1月15日发布本报告。2021年计划开展检查。';
    expect(checkReport(blankReport('2019', 2020, { overview: text }))).toEqual([]);
  });
});
