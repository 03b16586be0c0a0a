import { numericValue } from '../cell.ts';
import type { CellRef, Finding } from '../finding.ts';
import { APPLICANT_PART_COLUMN_IDS } from '../formats/common.ts';
import type { FormatId } from '../formats/index.ts';
import { getCell, type Report } from '../report.ts';
import { finding } from './codes.ts';
import { describeCell } from './describe.ts';
import { differs, tidy } from './order.ts';
import { narrativeSentences } from './sentences.ts';

/** A table value a statement may be compared with. */
interface Target {
  readonly value: number;
  readonly cells: readonly CellRef[];
  /** How the message names it: 表三（申请情况）“一、本年新收…”行“总计”列. */
  readonly label: string;
}

/** A quantity the prose states about the tables, the phrasings that state it, and what it must equal. */
interface Quantity {
  readonly id: string;
  readonly zh: string;
  /** Each with the named groups n (the number) and mid (the words between the key phrase and the number). */
  readonly patterns: readonly RegExp[];
  /** Words between key phrase and number that mean a sub-quantity is spoken of (自然人申请, 复议维持). */
  readonly exclude: RegExp;
  /** What the statement may equal; the first is the one named when it equals none. */
  readonly targets: (report: Report) => Target[];
  /** Sub-cells a statement may have quoted as if they were the whole. */
  readonly parts: (report: Report) => Target[];
}

const APPLICANTS = /自然人|法人|企业|机构|组织|公民/;
const REMEDY_DETAIL = /维持|纠正|其他|审结|决定|结果|判决|直接|起诉/;

const one = (format: FormatId, ref: CellRef, value: number): Target => ({
  value,
  cells: [ref],
  label: describeCell(format, ref),
});

/** A row's 总计, or the sum of its parts when 总计 is blank (the blank total is its own finding). */
function rowTotal(report: Report, table: 'applications' | 'remedies', row: string): Target {
  const ref = { table, row, column: 'total' };
  const printed = numericValue(getCell(report, table, row, 'total'));
  const parts = table === 'applications' ? APPLICANT_PART_COLUMN_IDS : ['upheld', 'corrected', 'other', 'pending'];
  const value = printed ?? parts.reduce((s, c) => s + (numericValue(getCell(report, table, row, c)) ?? 0), 0);
  return one(report.format, ref, value);
}

function rowParts(report: Report, table: 'applications' | 'remedies', row: string): Target[] {
  const parts = table === 'applications' ? APPLICANT_PART_COLUMN_IDS : ['upheld', 'corrected', 'other', 'pending'];
  return parts.flatMap((column) => {
    const v = numericValue(getCell(report, table, row, column));
    return v === null ? [] : [one(report.format, { table, row, column }, v)];
  });
}

function proactive(report: Report, row: string, columns: Record<FormatId, readonly string[]>): Target[] {
  return columns[report.format].flatMap((column) => {
    const v = numericValue(getCell(report, 'proactive', row, column));
    return v === null ? [] : [one(report.format, { table: 'proactive', row, column }, v)];
  });
}

const appRow = (id: string, zh: string, patterns: RegExp[], exclude: RegExp, alsoWithCarriedIn = false): Quantity => ({
  id,
  zh,
  patterns,
  exclude,
  targets: (r) => {
    const main = rowTotal(r, 'applications', id);
    if (!alsoWithCarriedIn) return [main];
    // "共受理申请X件" sometimes counts last year's carried-over applications in.
    const carried = rowTotal(r, 'applications', 'carriedIn');
    return [main, { ...main, value: main.value + carried.value }];
  },
  parts: (r) => rowParts(r, 'applications', id),
});

const ISSUED = { '2019': ['publishedThisYear', 'madeThisYear'], '2021': ['issued'] } as const;

const QUANTITIES: readonly Quantity[] = [
  appRow(
    'received',
    '本年新收政府信息公开申请数量',
    [/(?:新收|受理|收到|接收|接到)(?<mid>[^，。；：,\d]{0,16}?)申请(?!人)(?:共|总计|合计)?(?<n>\d+)(?:件|份|个|条|次|起)/g],
    new RegExp(`${APPLICANTS.source}|结转|办结|答复|复议|诉讼`),
    true,
  ),
  appRow(
    'carriedIn',
    '上年结转政府信息公开申请数量',
    [/上年度?结转(?<mid>[^，。；：,\d]{0,10}?)(?<n>\d+)(?:件|份|个|条)/g],
    APPLICANTS,
  ),
  appRow(
    'handledTotal',
    '本年度办理结果总计',
    [/(?:办结|答复|办理完毕)(?<mid>[^，。；：,\d]{0,8}?)(?:共|总计|合计)?(?<n>\d+)(?:件|份|个|条)/g],
    new RegExp(`${APPLICANTS.source}|结转|公开|率|复议|诉讼`),
  ),
  appRow(
    'carriedOut',
    '结转下年度继续办理数量',
    [
      /结转(?:至|到)?下一?年度?(?<mid>[^，。；：,\d]{0,8}?)(?<n>\d+)(?:件|份|个|条)/g,
      /(?<n>\d+)(?:件|份|个|条)(?<mid>[^，。；：,\d]{0,4}?)(?:结转|顺延|转入)(?:至|到)?下一?年/g,
    ],
    APPLICANTS,
  ),
  {
    id: 'normativeDocs',
    zh: '本年公开（制发）的规范性文件数量',
    patterns: [/(?:主动公开|公开|制发|印发|出台|发布|制定)(?<mid>[^，。；：,\d]{0,8}?)规范性文件(?:共)?(?<n>\d+)(?:件|份|个|篇)/g],
    exclude: /有效|累计|清理|废止|审查|备案|政策/,
    targets: (r) => proactive(r, 'normativeDocs', ISSUED),
    parts: () => [],
  },
  {
    id: 'rules',
    zh: '本年公开（制发）的规章数量',
    patterns: [/(?:主动公开|公开|制发|印发|出台|发布|制定)(?<mid>[^，。；：,\d]{0,8}?)规章(?:共)?(?<n>\d+)(?:件|部|个|篇)/g],
    exclude: /有效|累计|清理|废止|审查|备案/,
    targets: (r) => proactive(r, 'rules', ISSUED),
    parts: () => [],
  },
  {
    id: 'reconsideration',
    zh: '政府信息公开行政复议总计',
    patterns: [/行政复议(?<mid>[^，。；：,\d]{0,6}?)(?<n>\d+)(?:起|件|宗|次|个)/g],
    exclude: new RegExp(`${REMEDY_DETAIL.source}|诉讼`),
    targets: (r) => [rowTotal(r, 'remedies', 'reconsideration')],
    parts: (r) => rowParts(r, 'remedies', 'reconsideration'),
  },
  {
    id: 'litigation',
    zh: '政府信息公开行政诉讼总计',
    patterns: [/行政诉讼(?<mid>[^，。；：,\d]{0,6}?)(?<n>\d+)(?:起|件|宗|次|个)/g],
    exclude: new RegExp(`${REMEDY_DETAIL.source}|复议`),
    targets: (r) => {
      const direct = rowTotal(r, 'remedies', 'litigationDirect');
      const after = rowTotal(r, 'remedies', 'litigationAfterReconsideration');
      return [
        {
          value: direct.value + after.value,
          cells: [...direct.cells, ...after.cells],
          label: '表四（复议诉讼）行政诉讼两组（未经复议直接起诉、复议后起诉）的“总计”之和',
        },
      ];
    },
    parts: (r) => [
      rowTotal(r, 'remedies', 'litigationDirect'),
      rowTotal(r, 'remedies', 'litigationAfterReconsideration'),
      ...rowParts(r, 'remedies', 'litigationDirect'),
      ...rowParts(r, 'remedies', 'litigationAfterReconsideration'),
    ],
  },
];

/** Comparisons with other years, or looks back, do not state this year's figure. */
const OTHER_TIME = /同比|较上年|比上年|较去年|比去年|上年同期|去年|以来|累计|历年/;

interface Statement {
  readonly sentence: string;
  readonly value: number;
}

function statements(report: Report, q: Quantity, year: number | null): Statement[] {
  const out: Statement[] = [];
  for (const s of narrativeSentences(report)) {
    if (OTHER_TIME.test(s.text)) continue;
    const years = [...s.text.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
    if (years.some((y) => y !== year)) continue;
    for (const pattern of q.patterns) {
      for (const m of s.text.matchAll(pattern)) {
        const mid = m.groups?.mid ?? '';
        // "其中…" introduces a part of what came before, not the quantity itself.
        if (q.exclude.test(mid) || s.text.slice(0, m.index).includes('其中')) continue;
        out.push({ sentence: s.text, value: Number(m.groups?.n) });
      }
    }
  }
  return out;
}

function excerpt(sentence: string): string {
  return sentence.length > 60 ? `${sentence.slice(0, 58)}…` : sentence;
}

/**
 * Numbers the prose states about the tables (共受理申请17件, 行政复议2起), compared with the cells. Only sentences that
 * plainly speak of this year's figure are read; a statement that agrees anywhere settles the quantity.
 */
export function checkNarrative(report: Report, year: number | null): Finding[] {
  const out: Finding[] = [];
  for (const q of QUANTITIES) {
    const targets = q.targets(report);
    const main = targets[0];
    if (!main || main.cells.some((c) => report.missingTables.includes(c.table))) continue;
    const said = statements(report, q, year);
    const wrong = said.filter((s) => targets.every((t) => differs(t.value, s.value)));
    if (wrong.length === 0 || wrong.length < said.length) continue;
    const first = wrong[0] as Statement;
    const quoted = q.parts(report).find((p) => !differs(p.value, first.value) && differs(p.value, 0));
    const hint = quoted ? `；${first.value}恰好是${quoted.label}的数字，疑将分项当作了合计` : '';
    out.push(
      finding('narrative.tableMismatch', {
        cells: main.cells,
        expected: tidy(main.value),
        found: first.value,
        message: `正文“${excerpt(first.sentence)}”所述${q.zh}为${first.value}，但${main.label}为${tidy(main.value)}${hint}`,
        messageEn: `the text states ${q.id} = ${first.value}, the table has ${tidy(main.value)}`,
      }),
    );
  }
  return out;
}
