import { formatForYear, type FormatId } from '../../domain/formats/index.ts';
import { normaliseLabel } from '../../domain/labels.ts';
import type { ExtractionNote } from '../../domain/report.ts';
import type { Fragment } from './fragments.ts';

/**
 * Which format the printed tables follow. Table 三 decides (the 2021 format splits （六）其他处理 into three rows);
 * table 二's column headers decide when table 三 does not; the year's format is the fallback.
 */
export interface FormatDecision {
  readonly format: FormatId;
  readonly note: ExtractionNote;
  /** The format table 二's own column headers name, when they name one (it may differ from `format`). */
  readonly proactive: FormatId | null;
}

const SPLIT_OTHER = /逾期不补正|收费通知|缴纳费用|不再处理其政府信息公开申请/;
const WORDS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'];
const WORDS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '采购总金额', '其他对外管理服务'];

export function applicationsEvidence(fragments: readonly Fragment[]): FormatId | null {
  let single = false;
  for (const f of fragments) {
    const labels = f.labels.map(normaliseLabel);
    if (labels.some((l) => SPLIT_OTHER.test(l))) return '2021';
    const last = labels.at(-1) ?? '';
    if (/^(\(六\))?其他处理$/.test(last) && (f.hasSlots || f.run !== undefined)) single = true;
  }
  return single ? '2019' : null;
}

export function proactiveEvidence(fragments: readonly Fragment[]): FormatId | null {
  let hits2019 = 0;
  let hits2021 = 0;
  for (const f of fragments) {
    for (const l of f.labels.map(normaliseLabel)) {
      if (WORDS_2021.some((w) => l.includes(w))) hits2021++;
      if (WORDS_2019.some((w) => l.includes(normaliseLabel(w)))) hits2019++;
    }
  }
  if (hits2019 === hits2021) return null;
  return hits2019 > hits2021 ? '2019' : '2021';
}

export function decideFormat(
  applications: readonly Fragment[],
  proactive: readonly Fragment[],
  year: number | null,
): FormatDecision {
  const fromApplications = applicationsEvidence(applications);
  const fromProactive = proactiveEvidence(proactive);
  if (fromApplications) {
    const disagree = fromProactive && fromProactive !== fromApplications ? `；表二却像 ${fromProactive} 年格式，按表三为准` : '';
    const why = fromApplications === '2021' ? '表三把（六）其他处理分为三行' : '表三的（六）其他处理只有一行';
    return { format: fromApplications, proactive: fromProactive, note: { kind: 'matched', table: 'applications', message: `按 ${fromApplications} 年格式读表：${why}${disagree}` } };
  }
  if (fromProactive) {
    return { format: fromProactive, proactive: fromProactive, note: { kind: 'matched', table: 'proactive', message: `按 ${fromProactive} 年格式读表：表二的栏目名称属于该格式` } };
  }
  if (year !== null) {
    const format = formatForYear(year);
    return { format, proactive: null, note: { kind: 'guessed', message: `表格未显示所用格式，按报告年度 ${year} 取 ${format} 年格式` } };
  }
  return { format: '2021', proactive: null, note: { kind: 'guessed', message: '表格未显示所用格式，也读不到年度，按现行的 2021 年格式读' } };
}
