import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/finding.ts';
import { FORMATS, type FormatId, type TableId } from '../domain/formats/index.ts';
import { renderReportHtml } from './html.ts';
import { expandSpans, misplacedCells, sampleReport, type Grid } from './render-test-support.ts';

function tableGrid($: cheerio.CheerioAPI, table: TableId): Grid {
  const rows = $(`table[data-table="${table}"] tr`)
    .toArray()
    .map((tr) =>
      $(tr)
        .children('td, th')
        .toArray()
        .map((td) => ({
          text: $(td).text(),
          rowSpan: Number($(td).attr('rowspan') ?? 1),
          colSpan: Number($(td).attr('colspan') ?? 1),
        })),
    );
  return expandSpans(rows);
}

function cellAt($: cheerio.CheerioAPI, table: TableId, text: string) {
  return $(`table[data-table="${table}"] td`).filter((_, td) => $(td).text() === text);
}

describe.each<FormatId>(['2019', '2021'])('HTML of a %s-format report', (format) => {
  const report = sampleReport(format);
  const html = renderReportHtml(report);
  const $ = cheerio.load(html);

  it('prints the title and the six section headings in the form order', () => {
    expect($('h1').text()).toBe(`某市生态环境局${report.year}年政府信息公开工作年度报告`);
    expect($('h2').toArray().map((h) => $(h).text())).toEqual(FORMATS[format].sections.map((s) => `${s.numeral}、${s.heading}`));
    expect($('section[data-section="overview"] p').toArray().map((p) => $(p).text())).toEqual(['本机关认真贯彻《条例》。', '主动公开信息 215 条。']);
  });

  it('puts the three tables under 二, 三 and 四', () => {
    expect($('section[data-section="proactive"] table').attr('data-table')).toBe('proactive');
    expect($('section[data-section="applications"] table').attr('data-table')).toBe('applications');
    expect($('section[data-section="remedies"] table').attr('data-table')).toBe('remedies');
    expect($('section[data-section="overview"] table')).toHaveLength(0);
  });

  it.each<TableId>(['proactive', 'applications', 'remedies'])('has every cell of table %s under its row label and column header', (table) => {
    expect(misplacedCells(tableGrid($, table), report, table)).toEqual([]);
  });

  it('merges the table 三 header as the form does', () => {
    const corner = cellAt($, 'applications', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect([corner.attr('rowspan'), corner.attr('colspan')]).toEqual(['3', '3']);
    expect(cellAt($, 'applications', '申请人情况').attr('colspan')).toBe('7');
    expect(cellAt($, 'applications', '自然人').attr('rowspan')).toBe('2');
    expect(cellAt($, 'applications', '法人或其他组织').attr('colspan')).toBe('5');
    expect(cellAt($, 'applications', '总计').first().attr('rowspan')).toBe('2');
    expect(cellAt($, 'applications', '一、本年新收政府信息公开申请数量').attr('colspan')).toBe('3');
    expect(cellAt($, 'applications', '（一）予以公开').attr('colspan')).toBe('2');
    expect(cellAt($, 'applications', '（三）不予公开').attr('rowspan')).toBe('8');
    expect(cellAt($, 'applications', '三、本年度办理结果').attr('rowspan')).toBe(format === '2021' ? '22' : '20');
  });

  it('prints （六）其他处理 as the form of its year does', () => {
    const other = cellAt($, 'applications', '（六）其他处理');
    if (format === '2021') expect(other.attr('rowspan')).toBe('3');
    else expect(other.attr('colspan')).toBe('2');
  });

  it('gives table 四 its three header levels and one row of 15 cells', () => {
    expect(cellAt($, 'remedies', '行政复议').attr('colspan')).toBe('5');
    expect(cellAt($, 'remedies', '行政诉讼').attr('colspan')).toBe('10');
    expect(cellAt($, 'remedies', '未经复议直接起诉').attr('colspan')).toBe('5');
    expect(cellAt($, 'remedies', '复议后起诉').attr('colspan')).toBe('5');
    expect(cellAt($, 'remedies', '结果维持').toArray().map((td) => $(td).attr('rowspan'))).toEqual(['2', undefined, undefined]);
    expect($('table[data-table="remedies"] tr').last().children('td')).toHaveLength(15);
  });

  it('keeps blank cells empty and dashes and text as printed', () => {
    const td = (row: string, column: string) => $(`td[data-row="${row}"][data-column="${column}"]`);
    expect(td('received', 'business').text()).toBe('');
    expect(td('carriedIn', 'naturalPerson').text()).toBe('0');
    expect(td('withheld.stateSecret', 'research').text()).toBe('/');
    expect(td('notHandled.repeat', 'legalService').text()).toBe('见说明');
  });
});

describe('HTML specifics', () => {
  it('prints a change with its sign and money as a number of 万元', () => {
    const $ = cheerio.load(renderReportHtml(sampleReport('2019')));
    const td = (row: string, column: string) => $(`td[data-row="${row}"][data-column="${column}"]`).text();
    expect([td('fees', 'change'), td('licensing', 'change'), td('penalties', 'change')]).toEqual(['+2', '-8', '0']);
    expect(td('procurement', 'amountWan')).toBe('25.1');
  });

  it('spans the one value column of （五）（六）（八） over three in the 2021 format', () => {
    const $ = cheerio.load(renderReportHtml(sampleReport('2021')));
    for (const row of ['licensing', 'penalties', 'compulsion', 'fees']) {
      expect($(`td[data-row="${row}"]`).attr('colspan')).toBe('3');
    }
    expect(cellAt($, 'proactive', '本年收费金额（单位：万元）').attr('colspan')).toBe('3');
  });

  it('escapes every text it prints', () => {
    const report = sampleReport('2021', {
      agency: '<script>alert(1)</script>局',
      sections: { overview: { heading: '一、总体情况', text: '<img src=x onerror=alert(1)> & "引号"' } },
    });
    const html = renderReportHtml(report);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    const $ = cheerio.load(html);
    expect($('h1').text()).toContain('<script>alert(1)</script>局');
    expect($('section[data-section="overview"] p').text()).toBe('<img src=x onerror=alert(1)> & "引号"');
  });

  it('is one self-contained page: inline CSS with A4 print rules and CJK fonts, no script, no external asset', () => {
    const html = renderReportHtml(sampleReport('2021'));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('"Noto Serif CJK SC"');
    expect(html).toContain('仿宋_GB2312');
    expect(html).not.toMatch(/<script|<link|\bsrc=|@import|url\(/i);
  });

  it('leaves out a table the report did not contain, keeping its heading', () => {
    const $ = cheerio.load(renderReportHtml(sampleReport('2021', { missingTables: ['remedies'] })));
    expect($('table[data-table="remedies"]')).toHaveLength(0);
    expect($('section[data-section="remedies"] h2').text()).toBe('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('marks the cells named by findings with their severity and message', () => {
    const finding: Finding = {
      code: 'applications.balance',
      severity: 'error',
      cells: [{ table: 'applications', row: 'handledTotal', column: 'total' }],
      expected: 10,
      found: 12,
      message: '第一项加第二项之和应等于第三项加第四项之和',
      messageEn: 'balance',
    };
    const warning: Finding = { ...finding, code: 'x.warn', severity: 'warning', message: '提示<注意>' };
    const $ = cheerio.load(renderReportHtml(sampleReport('2021'), { findings: [warning, finding] }));
    const td = $('td[data-row="handledTotal"][data-column="total"]');
    expect(td.hasClass('finding-error')).toBe(true);
    expect(td.attr('title')).toBe('提示<注意>\n第一项加第二项之和应等于第三项加第四项之和');
    expect(td.attr('data-findings')).toBe('x.warn applications.balance');
    expect($('td.finding')).toHaveLength(1);
  });
});
