import { describe, expect, it } from 'vitest';
import { printCell } from '../cell.ts';
import { checkReport } from '../checks/index.ts';
import { FORMATS, TABLE_IDS, type FormatId } from '../formats/index.ts';
import { getCell, tablesAsNumbers, type Report } from '../report.ts';
import { buildReport } from './build-report.ts';
import type { ApplicationCount } from './types.ts';

const value = (report: Report, table: 'applications' | 'remedies' | 'proactive', row: string, column: string) =>
  tablesAsNumbers(report)[table][row]?.[column];

/** 4 natural persons and one business: 3 received + 1 carried in = 3 handled + 1 carried out, and so on. */
const COUNTS: ApplicationCount[] = [
  { row: 'received', column: 'naturalPerson', count: 3 },
  { row: 'carriedIn', column: 'naturalPerson', count: 1 },
  { row: 'disclosed', column: 'naturalPerson', count: 2 },
  { row: 'withheld.thirdParty', column: 'naturalPerson', count: 1 },
  { row: 'carriedOut', column: 'naturalPerson', count: 1 },
  { row: 'received', column: 'business', count: 3 },
  { row: 'other.noSupplement', column: 'business', count: 1 },
  { row: 'other.feeUnpaid', column: 'business', count: 1 },
  { row: 'other.misc', column: 'business', count: 1 },
];

describe('buildReport', () => {
  it.each<[number, FormatId]>([
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2025, '2021'],
  ])('uses the format the year requires (%i → %s)', (year, format) => {
    expect(buildReport({ agency: '区财政局', year, applications: [] }).format).toBe(format);
  });

  it.each<FormatId>(['2019', '2021'])('fills every cell of every table with a number, 0 where there is none (%s)', (format) => {
    const report = buildReport({ agency: '区财政局', year: format === '2019' ? 2020 : 2022, applications: [] });
    for (const table of TABLE_IDS) {
      for (const row of FORMATS[format].tables[table].rows) {
        for (const column of row.columns) {
          const cell = getCell(report, table, row.id, column);
          expect(cell.kind === 'number' || cell.kind === 'change', `${table}.${row.id}.${column}`).toBe(true);
          expect(printCell(cell)).toBe('0');
        }
      }
    }
    expect(report.missingTables).toEqual([]);
    expect(checkReport(report)).toEqual([]);
  });

  it('computes （七）总计 from the outcome rows and the 总计 column from the applicant columns (2021)', () => {
    const report = buildReport({ agency: '区财政局', year: 2022, applications: COUNTS });
    expect(value(report, 'applications', 'handledTotal', 'naturalPerson')).toBe(3);
    expect(value(report, 'applications', 'handledTotal', 'business')).toBe(3);
    expect(value(report, 'applications', 'handledTotal', 'total')).toBe(6);
    expect(value(report, 'applications', 'received', 'total')).toBe(6);
    expect(value(report, 'applications', 'other.noSupplement', 'business')).toBe(1);
    expect(value(report, 'applications', 'other.misc', 'total')).toBe(1);
    expect(value(report, 'applications', 'carriedOut', 'total')).toBe(1);
    expect(value(report, 'applications', 'research', 'total')).toBeUndefined();
    expect(checkReport(report)).toEqual([]);
  });

  it('folds the three other.* outcomes into the single （六） row of the 2019 format', () => {
    const report = buildReport({ agency: '区财政局', year: 2020, applications: COUNTS });
    expect(report.format).toBe('2019');
    expect(value(report, 'applications', 'other', 'business')).toBe(3);
    expect(value(report, 'applications', 'other', 'total')).toBe(3);
    expect(value(report, 'applications', 'handledTotal', 'total')).toBe(6);
    expect(report.notes).toEqual([]);
    expect(checkReport(report)).toEqual([]);
  });

  it('puts a 2019 `other` count given for a 2021 report under （六）3 其他, with a note', () => {
    const report = buildReport({
      agency: '区财政局',
      year: 2021,
      applications: [
        { row: 'received', column: 'naturalPerson', count: 2 },
        { row: 'other', column: 'naturalPerson', count: 2 },
      ],
    });
    expect(value(report, 'applications', 'other.misc', 'naturalPerson')).toBe(2);
    expect(report.notes).toMatchObject([{ kind: 'guessed', row: 'other.misc' }]);
    expect(checkReport(report)).toEqual([]);
  });

  it('leaves out, with a note and without throwing, counts that name no cell or are not counts', () => {
    const report = buildReport({
      agency: '区财政局',
      year: 2022,
      applications: [
        { row: 'received', column: 'naturalPerson', count: 1 },
        { row: 'disclosed', column: 'naturalPerson', count: 1 },
        { row: 'published', column: 'naturalPerson', count: 4 },
        { row: 'disclosed', column: 'alien', count: 5 },
        { row: 'disclosed', column: 'total', count: 6 },
        { row: 'handledTotal', column: 'naturalPerson', count: 7 },
        { row: 'disclosed', column: 'business', count: -1 },
        { row: 'disclosed', column: 'business', count: 1.5 },
      ],
      remedies: [{ group: 'appeal', result: 'upheld', count: 1 }],
    });
    expect(report.notes).toHaveLength(7);
    for (const note of report.notes) {
      expect(note.kind).toBe('ignored');
      expect(note.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(value(report, 'applications', 'disclosed', 'total')).toBe(1);
    expect(value(report, 'applications', 'handledTotal', 'naturalPerson')).toBe(1);
    expect(checkReport(report)).toEqual([]);
  });

  it('builds table 四 with each group total the sum of its four results', () => {
    const report = buildReport({
      agency: '区财政局',
      year: 2022,
      applications: [],
      remedies: [
        { group: 'reconsideration', result: 'upheld', count: 2 },
        { group: 'reconsideration', result: 'corrected', count: 1 },
        { group: 'reconsideration', result: 'upheld', count: 1 },
        { group: 'litigationAfterReconsideration', result: 'pending', count: 4 },
      ],
    });
    expect(value(report, 'remedies', 'reconsideration', 'upheld')).toBe(3);
    expect(value(report, 'remedies', 'reconsideration', 'total')).toBe(4);
    expect(value(report, 'remedies', 'litigationDirect', 'total')).toBe(0);
    expect(value(report, 'remedies', 'litigationAfterReconsideration', 'total')).toBe(4);
    expect(checkReport(report)).toEqual([]);
  });

  it('writes table 二 as given: counts, a signed 本年增/减 and money in 万元 (2019 format)', () => {
    const report = buildReport({
      agency: '区财政局',
      year: 2020,
      applications: [],
      proactive: {
        fees: { lastYearCount: 16, change: -2 },
        procurement: { projects: 2392, amountWan: 26158.97 },
        rules: { issued: 3 },
      },
    });
    expect(getCell(report, 'proactive', 'fees', 'change')).toMatchObject({ kind: 'change', value: -2 });
    expect(printCell(getCell(report, 'proactive', 'fees', 'change'), 'change')).toBe('-2');
    expect(value(report, 'proactive', 'fees', 'lastYearCount')).toBe(16);
    expect(value(report, 'proactive', 'procurement', 'amountWan')).toBe(26158.97);
    expect(value(report, 'proactive', 'licensing', 'decisions')).toBe(0);
    // `issued` is a 2021 column: the 2019 table has no such cell
    expect(report.notes).toMatchObject([{ kind: 'ignored', table: 'proactive', row: 'rules', column: 'issued' }]);
  });

  it('prints the six sections with their headings, the prose given, and the title', () => {
    const report = buildReport({
      agency: '某县自然资源局',
      year: 2023,
      applications: [],
      sections: { overview: '  2023年，本局认真贯彻《条例》。 ', other: '本年度未收取信息处理费。' },
    });
    expect(report.title).toBe('某县自然资源局2023年政府信息公开工作年度报告');
    expect(report.agency).toBe('某县自然资源局');
    expect(report.year).toBe(2023);
    expect(Object.keys(report.sections)).toEqual(FORMATS['2021'].sections.map((s) => s.id));
    expect(report.sections.overview).toEqual({ heading: '一、总体情况', text: '2023年，本局认真贯彻《条例》。' });
    expect(report.sections.other?.text).toBe('本年度未收取信息处理费。');
    expect(report.sections.problems).toEqual({ heading: '五、存在的主要问题及改进情况', text: '' });
  });
});
