import { describe, expect, it } from 'vitest';
import { extractMarkdown } from './markdown.ts';
import { readReport } from './read-report.ts';
import { getCell } from '../domain/report.ts';

describe('extractMarkdown', () => {
  it('reads pipe rows, drops separators and generic headers, strips heading marks', () => {
    const doc = extractMarkdown(['## **一、总体情况**', '| 数据1 | 数据2 | 数据3 |', '|---|:---:|---|', '| 规章 | 0 | 0 |', '- 3 -'].join('\n'));
    expect(doc.lines).toEqual([
      { kind: 'text', text: '一、总体情况' },
      { kind: 'row', cells: ['规章', '0', '0'], aligned: false },
    ]);
  });

  it('keeps a lost trailing cell blank and a table cut into pieces readable', () => {
    const md = [
      '# 2021年某县政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 |',
      '|---|---|---|---|---|---|---|---|',
      '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 |  |',
      '| （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      '',
      '| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 |',
      '|---|---|---|---|---|---|---|---|',
      '| （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
    ].join('\n');
    const report = readReport(extractMarkdown(md));
    expect(getCell(report, 'applications', 'received', 'naturalPerson')).toMatchObject({ kind: 'number', value: 3 });
    expect(getCell(report, 'applications', 'received', 'total').kind).toBe('blank');
    expect(getCell(report, 'applications', 'handledTotal', 'total')).toMatchObject({ kind: 'number', value: 3 });
    expect(report.year).toBe(2021);
    expect(report.agency).toBe('某县');
  });
});
