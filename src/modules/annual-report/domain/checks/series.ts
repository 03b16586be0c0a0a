import { isBlankLike, numericValue, valueForSum } from '../cell.ts';
import type { CellRef, Finding } from '../finding.ts';
import { FORMATS } from '../formats/index.ts';
import { normaliseLabel } from '../labels.ts';
import { getCell, type Report } from '../report.ts';
import { finding } from './codes.ts';
import { describeColumn, describeRow, tableName } from './describe.ts';
import { differs, sortFindings, tidy } from './order.ts';

/**
 * Cross-year checks of one agency's reports (domain §4): 二 this year = 四 last year, column by column, across the
 * 2020→2021 change of format; the 2019 format's 上一年项目数量 carried forward; the 2021 format's 现行有效件数
 * carried forward (a warning at most: the format prints no such identity).
 */
export function checkSeries(reports: readonly Report[]): Finding[] {
  const out: Finding[] = [];
  const dated = reports.filter((r) => r.year !== null).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  if (dated.length < reports.length) {
    out.push(
      finding('series.yearUnknown', {
        cells: [],
        expected: null,
        found: null,
        message: `有${reports.length - dated.length}份报告未能识别年度，未参与跨年度核对`,
        messageEn: `${reports.length - dated.length} report(s) without a year were left out of the cross-year checks`,
      }),
    );
  }
  const agencies = new Set(dated.map((r) => r.agency).filter((a): a is string => !!a).map(normaliseLabel));
  if (agencies.size > 1) {
    out.push(
      finding('series.agencyMismatch', {
        cells: [],
        expected: null,
        found: [...agencies].join('、'),
        message: `跨年度核对的报告来自不同单位（${[...agencies].join('、')}），结果仅供参考`,
        messageEn: 'the reports of the series name different agencies',
      }),
    );
  }
  for (let i = 1; i < dated.length; i++) {
    const last = dated[i - 1] as Report;
    const cur = dated[i] as Report;
    if (cur.year === last.year) {
      out.push(
        finding('series.duplicateYear', {
          cells: [],
          expected: null,
          found: cur.year,
          message: `有两份${cur.year}年度的报告，只核对了其中一份与相邻年度的衔接`,
          messageEn: `two reports on ${cur.year}`,
        }),
      );
      continue;
    }
    if (cur.year !== (last.year ?? NaN) + 1) continue;
    out.push(...carriedIn(last, cur), ...lastYearCounts(last, cur), ...inForce(last, cur));
  }
  const format = dated[dated.length - 1]?.format ?? '2021';
  return sortFindings(format, out);
}

/** Table 三: this year's 二、上年结转 equals last year's 四、结转下年度继续办理 in every column. */
function carriedIn(last: Report, cur: Report): Finding[] {
  if (last.missingTables.includes('applications') || cur.missingTables.includes('applications')) return [];
  const columns = FORMATS[cur.format].tables.applications.columns.map((c) => c.id);
  const off = columns.filter((c) =>
    differs(
      valueForSum(getCell(cur, 'applications', 'carriedIn', c)),
      valueForSum(getCell(last, 'applications', 'carriedOut', c)),
    ),
  );
  if (off.length === 0) return [];
  const detail = off
    .map(
      (c) =>
        `“${describeColumn(cur.format, 'applications', c)}”列${cur.year}年为${valueForSum(getCell(cur, 'applications', 'carriedIn', c))}，${last.year}年为${valueForSum(getCell(last, 'applications', 'carriedOut', c))}`,
    )
    .join('；');
  const pair = (report: Report, row: string) => off.map((c) => `${c}=${valueForSum(getCell(report, 'applications', row, c))}`).join('; ');
  return [
    finding('series.carriedIn', {
      cells: off.map((column) => ({ table: 'applications', row: 'carriedIn', column })),
      expected: pair(last, 'carriedOut'),
      found: pair(cur, 'carriedIn'),
      message: `${cur.year}年度报告${tableName('applications')}“二、上年结转政府信息公开申请数量”应等于${last.year}年度报告的“四、结转下年度继续办理”：${detail}`,
      messageEn: `carriedIn of ${cur.year} must equal carriedOut of ${last.year} (differs in ${off.join(', ')})`,
    }),
  ];
}

/** 2019 format, 2019→2020 only: 上一年项目数量 + 本年增/减 = next year's 上一年项目数量. */
function lastYearCounts(last: Report, cur: Report): Finding[] {
  if (last.format !== '2019' || cur.format !== '2019' || last.year !== 2019) return [];
  if (last.missingTables.includes('proactive') || cur.missingTables.includes('proactive')) return [];
  const out: Finding[] = [];
  for (const row of FORMATS['2019'].tables.proactive.rows) {
    if (!row.columns.includes('lastYearCount') || !row.columns.includes('change')) continue;
    const cells = ['lastYearCount', 'change'].map((c) => getCell(last, 'proactive', row.id, c));
    const next = getCell(cur, 'proactive', row.id, 'lastYearCount');
    if (cells.every(isBlankLike) && isBlankLike(next)) continue;
    const expected = tidy(cells.reduce((s, c) => s + valueForSum(c), 0));
    const found = valueForSum(next);
    if (!differs(expected, found)) continue;
    const ref: CellRef = { table: 'proactive', row: row.id, column: 'lastYearCount' };
    out.push(
      finding('series.lastYearCount', {
        cells: [ref],
        expected,
        found,
        message: `“${describeRow('2019', 'proactive', row.id)}”：${last.year}年的上一年项目数量加本年增/减为${expected}，但${cur.year}年报告的上一年项目数量为${found}`,
        messageEn: `${row.id}: lastYearCount + change of ${last.year} = ${expected}, lastYearCount of ${cur.year} = ${found}`,
      }),
    );
  }
  return out;
}

/** 2021 format: last year's 现行有效件数 + this year's 制发 − 废止 vs this year's 现行有效件数. */
function inForce(last: Report, cur: Report): Finding[] {
  if (last.format !== '2021' || cur.format !== '2021') return [];
  if (last.missingTables.includes('proactive') || cur.missingTables.includes('proactive')) return [];
  const out: Finding[] = [];
  for (const row of ['rules', 'normativeDocs']) {
    const before = numericValue(getCell(last, 'proactive', row, 'inForce'));
    const now = numericValue(getCell(cur, 'proactive', row, 'inForce'));
    if (before === null || now === null) continue;
    const expected =
      before +
      valueForSum(getCell(cur, 'proactive', row, 'issued')) -
      valueForSum(getCell(cur, 'proactive', row, 'repealed'));
    if (!differs(expected, now)) continue;
    out.push(
      finding('series.inForce', {
        cells: [{ table: 'proactive', row, column: 'inForce' }],
        expected,
        found: now,
        message: `“${describeRow('2021', 'proactive', row)}”：${last.year}年现行有效${before}件，加${cur.year}年制发、减${cur.year}年废止后应为${expected}件，但${cur.year}年报告现行有效${now}件（可能另有失效或清理，请核对）`,
        messageEn: `${row}: inForce ${last.year} (${before}) + issued − repealed of ${cur.year} = ${expected}, but inForce of ${cur.year} is ${now}`,
      }),
    );
  }
  return out;
}
