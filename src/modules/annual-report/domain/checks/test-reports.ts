/** Report builders shared by the checks' tests: emptyReport plus the cells a case needs. */
import { BLANK, num, parseCell, type Cell } from '../cell.ts';
import { FORMATS, type FormatId, type SectionId, type TableId } from '../formats/index.ts';
import { SECTIONS } from '../formats/common.ts';
import { emptyReport, type Report, type Section } from '../report.ts';

/** A cell given as a Cell, a number (printed as is) or printed text (parsed as the column reads it). */
export type CellInput = Cell | number | string | null;

export type TableInput = Record<string, Record<string, CellInput>>;

function toCell(format: FormatId, table: TableId, column: string, input: CellInput): Cell {
  if (input === null) return BLANK;
  if (typeof input === 'number') return num(input);
  if (typeof input === 'string') {
    const kind = FORMATS[format].tables[table].columns.find((c) => c.id === column)?.kind ?? 'count';
    return parseCell(input, kind);
  }
  return input;
}

/** The report with the given cells set; other cells keep their value. */
export function withCells(report: Report, table: TableId, cells: TableInput): Report {
  const rows: Record<string, Record<string, Cell>> = {};
  for (const [row, current] of Object.entries(report.tables[table])) rows[row] = { ...current };
  for (const [row, columns] of Object.entries(cells)) {
    rows[row] = { ...(rows[row] ?? {}) };
    for (const [column, input] of Object.entries(columns)) rows[row][column] = toCell(report.format, table, column, input);
  }
  return { ...report, tables: { ...report.tables, [table]: rows } };
}

/** Six sections with the standard headings and the given prose (empty by default). */
export function sections(text: Partial<Record<SectionId, string>> = {}): Record<SectionId, Section> {
  return Object.fromEntries(
    SECTIONS.map((s) => [s.id, { heading: `${s.numeral}、${s.heading}`, text: text[s.id] ?? '' }]),
  ) as Record<SectionId, Section>;
}

/** A report of the given format and year with all six sections and blank tables. */
export function blankReport(format: FormatId, year: number | null, text: Partial<Record<SectionId, string>> = {}): Report {
  return emptyReport(format, { agency: '区财政局', year, title: `${year ?? ''}年度政府信息公开工作年度报告`, sections: sections(text) });
}

/** Table 三 rows for one applicant column: 自然人 and 总计 get the same values, the organisation columns stay blank. */
export function naturalPersonOnly(values: Record<string, CellInput>): TableInput {
  return Object.fromEntries(Object.entries(values).map(([row, v]) => [row, { naturalPerson: v, total: v }]));
}

/**
 * The seed (a real 2020 report of a district finance bureau, 2019 format): 17 applications from natural persons,
 * 6 disclosed, 1 internal affairs, 10 not held; the （七）总计 row, 二 and 四 left blank.
 */
export function seedReport(): Report {
  const base = blankReport('2019', 2020, {
    overview:
      '(一) 加强组织领导，落实信息公开要求。明确专人专岗负责。\n2020 年，我局重点对全区 2020 年一般公共预算收支决算总表、明细表和 2020 年区财政部门预算收支总表等在区财政局政务网站进行了及时公开，',
    problems:
      '我局公开政府信息的意识还需要进一步提高，方便公\n众获取政府信息的形式还需要进一步改进。2021年，我局将采取以下措施加以改进：\n一是进一步增强本办工作人员的信息公开意识。',
    other: '无',
  });
  const proactive = withCells(base, 'proactive', {
    rules: { madeThisYear: 0, publishedThisYear: 0, publishedTotal: 0 },
    normativeDocs: { madeThisYear: 0, publishedThisYear: 0, publishedTotal: 0 },
    licensing: { lastYearCount: 0, change: '0', decisions: 0 },
    otherServices: { lastYearCount: 0, change: '0', decisions: 0 },
    penalties: { lastYearCount: 0, change: '0', decisions: 0 },
    compulsion: { lastYearCount: 0, change: '0', decisions: 0 },
    fees: { lastYearCount: 16, change: '增加 2 个' },
    procurement: { projects: 2392, amountWan: '26158.97 万元' },
  });
  return withCells(
    proactive,
    'applications',
    naturalPersonOnly({ received: 17, disclosed: 6, 'withheld.internalAffairs': 1, 'unavailable.notHeld': 10 }),
  );
}
