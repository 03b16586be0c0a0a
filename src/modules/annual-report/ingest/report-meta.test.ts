import { describe, expect, it } from 'vitest';
import type { Line } from './document.ts';
import { findMeta, findSections, parseTitle } from './report-meta.ts';

const text = (t: string): Line => ({ kind: 'text', text: t });

describe('parseTitle', () => {
  it.each([
    ['2020 年度区财政局政府信息公开工作年度报告', '区财政局', 2020],
    ['淮安市人民政府2024年政府信息公开工作年度报告', '淮安市人民政府', 2024],
    ['某县人民政府关于2021年度政府信息公开工作年度报告', '某县人民政府', 2021],
    ['某市生态环境局政府信息公开工作年度报告', '某市生态环境局', null],
  ])('%s → %s, %s', (title, agency, year) => {
    expect(parseTitle(title)).toEqual({ agency, year });
  });
});

describe('findMeta and findSections', () => {
  it('skips page chrome, joins an agency line printed above the title, and finds varied headings in order', () => {
    const lines = [
      text('当前位置：首页 > 政府信息公开'),
      text('淮安市人民政府'),
      text('2024 年政府信息公开工作年度报告'),
      text('一、总体情况'),
      text('二、主动公开政府信息情况'),
      text('一、本年新收政府信息公开申请数量'),
      text('三、收到和处理政府信息公开申请情况'),
      text('四、政府信息公开行政复议、行政诉讼情况'),
      text('五、政府信息公开工作存在的主要问题及改进情况'),
      text('六、其他事项。本年度未收取信息处理费。'),
    ];
    const sections = findSections(lines);
    expect(sections.map((s) => [s.id, s.index])).toEqual([
      ['overview', 3],
      ['proactive', 4],
      ['applications', 6],
      ['remedies', 7],
      ['problems', 8],
      ['other', 9],
    ]);
    expect(sections[5]?.rest).toBe('本年度未收取信息处理费。');
    const meta = findMeta(lines, 3);
    expect(meta.agency).toBe('淮安市人民政府');
    expect(meta.year).toBe(2024);
  });

  it('takes the year from the statistics period when the title has none', () => {
    const meta = findMeta([text('某局政府信息公开工作年度报告'), text('报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。')], 1);
    expect(meta.year).toBe(2022);
    expect(meta.notes.some((n) => n.kind === 'guessed')).toBe(true);
  });
});

describe('findMeta on a title wrapped over two lines', () => {
  it('joins the pieces of the title', () => {
    const meta = findMeta([text('某市交通运输局2024年政府信息公开工作年'), text('度报告'), text('一、总体情况')], 2);
    expect(meta).toMatchObject({ title: '某市交通运输局2024年政府信息公开工作年度报告', agency: '某市交通运输局', year: 2024, titleIndex: 1 });
  });
});
