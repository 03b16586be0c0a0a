import { describe, expect, it } from 'vitest';
import { readReport } from './read-report.ts';
import { extractText } from './text.ts';

describe('section prose', () => {
  it('joins lines that a PDF broke at the page width, and keeps paragraphs, numbered points and sub-headings apart', () => {
    const text = [
      '某县财政局2022年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开情况',
      '本年度共主动公开政府信息120条，涵盖预算决算、政府采购等内',
      '容，及时回应社会关切。',
      '（二）依申请公开情况',
      '一是完善受理流程。二是规范答复',
      '文书。',
      '五、存在的主要问题及改进情况',
      '无。',
    ].join('\n');
    const report = readReport(extractText(text));
    expect(report.sections.overview?.text.split('\n')).toEqual([
      '（一）主动公开情况',
      '本年度共主动公开政府信息120条，涵盖预算决算、政府采购等内容，及时回应社会关切。',
      '（二）依申请公开情况',
      '一是完善受理流程。二是规范答复文书。',
    ]);
  });
});
