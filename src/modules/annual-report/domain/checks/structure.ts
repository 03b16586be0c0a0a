import type { Finding } from '../finding.ts';
import { SECTIONS } from '../formats/common.ts';
import { FORMATS, TABLE_IDS, formatForYear, type TableId } from '../formats/index.ts';
import { normaliseLabel } from '../labels.ts';
import type { Report } from '../report.ts';
import { finding } from './codes.ts';
import { tableName } from './describe.ts';

const SECTION_OF_TABLE: Record<TableId, string> = {
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  remedies: '四、政府信息公开行政复议、行政诉讼情况',
};

/** Art. 50 and the national format: six sections, three tables. */
export function checkSectionsAndTables(report: Report): Finding[] {
  const out: Finding[] = [];
  const missing = SECTIONS.filter((s) => !report.sections[s.id]);
  if (missing.length === SECTIONS.length) {
    out.push(
      finding('sections.missing', {
        cells: [],
        expected: SECTIONS.length,
        found: 0,
        message: '未识别出报告的任何章节（一、总体情况至六、其他需要报告的事项），请核对报告是否按统一格式编写',
        messageEn: 'none of the six sections was found',
      }),
    );
  } else {
    for (const s of missing) {
      out.push(
        finding('sections.missing', {
          cells: [],
          expected: `${s.numeral}、${s.heading}`,
          found: null,
          message: `缺少“${s.numeral}、${s.heading}”部分`,
          messageEn: `section ${s.numeral} (${s.id}) is missing`,
        }),
      );
    }
  }
  for (const s of SECTIONS) {
    const section = report.sections[s.id];
    const numeral = section ? /^([一二三四五六七八九十]+)[.、]/.exec(normaliseLabel(section.heading))?.[1] : undefined;
    if (!section || !numeral || numeral === s.numeral) continue;
    out.push(
      finding('sections.headingMismatch', {
        cells: [],
        expected: `${s.numeral}、${s.heading}`,
        found: section.heading,
        message: `“${section.heading}”应为第${s.numeral}部分（${s.numeral}、${s.heading}），编号与统一格式不一致`,
        messageEn: `heading "${section.heading}" is numbered ${numeral}; the format numbers it ${s.numeral}`,
      }),
    );
  }
  for (const t of TABLE_IDS) {
    if (!report.missingTables.includes(t)) continue;
    out.push(
      finding('tables.missing', {
        cells: [],
        expected: tableName(t),
        found: null,
        message: `缺少${tableName(t)}：“${SECTION_OF_TABLE[t]}”部分没有统计表格`,
        messageEn: `the ${t} table is missing`,
      }),
    );
  }
  return out;
}

/**
 * The year the report is on, and whether its tables follow the format for that year: the trial format
 * (国办公开办函〔2019〕60号) for 2019 and 2020, the 2021 format (国办公开办函〔2021〕30号) from 2021 on.
 */
export function checkYearAndFormat(report: Report, expectedYear?: number): { year: number | null; findings: Finding[] } {
  const out: Finding[] = [];
  if (expectedYear !== undefined && report.year !== null && report.year !== expectedYear) {
    out.push(
      finding('report.yearMismatch', {
        cells: [],
        expected: expectedYear,
        found: report.year,
        message: `报告写的是${report.year}年度，但应为${expectedYear}年度`,
        messageEn: `the report is on ${report.year}, expected ${expectedYear}`,
      }),
    );
  }
  const year = report.year ?? expectedYear ?? null;
  if (year === null) {
    out.push(
      finding('report.yearUnknown', {
        cells: [],
        expected: null,
        found: null,
        message: '未能识别报告年度，无法核对报告格式是否适用',
        messageEn: 'the report year could not be read; the format could not be checked against it',
      }),
    );
    return { year, findings: out };
  }
  const required = formatForYear(year);
  if (required !== report.format) {
    const need = FORMATS[required];
    const has = FORMATS[report.format];
    const sixth =
      report.format === '2019' ? '“（六）其他处理”只有一行' : '“（六）其他处理”分为三项';
    out.push(
      finding('report.formatMismatch', {
        cells: [],
        expected: required,
        found: report.format,
        message: `${year}年度报告应使用《${need.name}》（${need.document}），但表格按《${has.name}》（${has.document}）填写（${sixth}）`,
        messageEn: `a report on ${year} must use the ${required} format, but its tables follow the ${report.format} format`,
      }),
    );
  }
  return { year, findings: out };
}
