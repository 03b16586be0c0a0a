import { BLANK, change, num, type Cell } from '../../src/modules/annual-report/domain/cell.ts';
import { FORMATS, type FormatId, type TableId } from '../../src/modules/annual-report/domain/formats/index.ts';
import { APPLICANT_PART_COLUMN_IDS } from '../../src/modules/annual-report/domain/formats/common.ts';
import { emptyReport, type Report } from '../../src/modules/annual-report/domain/report.ts';

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = ['淮安市人民政府', '区财政局', '某县自然资源局', '市生态环境局', '某市交通运输局', '县人民政府办公室'];

type Mutable = Record<string, Record<string, Cell>>;

/** A random report whose every identity holds. Zero cells are printed as 0 or left blank at random. */
export function buildValidReport(seed: number, format: FormatId): Report {
  const r = rng(seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const zeroOr = (v: number): Cell => (v === 0 && r() < 0.4 ? BLANK : num(v));
  const def = FORMATS[format];
  const year = format === '2019' ? 2019 + int(1) : 2021 + int(4);
  const agency = AGENCIES[int(AGENCIES.length - 1)]!;

  const apps: Mutable = {};
  const outcomeRows = def.tables.applications.rows.filter((row) => row.group).map((row) => row.id).filter((id) => id !== 'handledTotal');
  const perColumn: Record<string, Record<string, number>> = {};
  for (const c of APPLICANT_PART_COLUMN_IDS) {
    const busy = c === 'naturalPerson' ? 60 : r() < 0.5 ? 0 : 8;
    const outcomes = Object.fromEntries(outcomeRows.map((id) => [id, r() < 0.5 ? 0 : int(busy)]));
    const handled = Object.values(outcomes).reduce((a, b) => a + b, 0);
    const carriedOut = int(Math.ceil(busy / 4));
    const carriedIn = int(Math.ceil(busy / 4));
    const received = Math.max(0, handled + carriedOut - carriedIn);
    const fixIn = handled + carriedOut - received; // keeps 一+二 = 三+四 when received had to be clamped
    perColumn[c] = { ...outcomes, handledTotal: handled, received, carriedIn: fixIn, carriedOut };
  }
  for (const row of def.tables.applications.rows) {
    apps[row.id] = {};
    let total = 0;
    for (const c of APPLICANT_PART_COLUMN_IDS) {
      const v = perColumn[c]![row.id] ?? 0;
      total += v;
      apps[row.id]![c] = zeroOr(v);
    }
    apps[row.id]!.total = num(total);
  }

  const proactive: Mutable = {};
  for (const row of def.tables.proactive.rows) {
    proactive[row.id] = {};
    for (const c of row.columns) {
      const column = def.tables.proactive.columns.find((col) => col.id === c)!;
      proactive[row.id]![c] =
        column.kind === 'change'
          ? change(int(20) - 10)
          : column.kind === 'money'
            ? num(Math.round(r() * 5_000_000) / 100)
            : num(int(r() < 0.3 ? 0 : 400));
    }
  }

  const remedies: Mutable = {};
  for (const row of def.tables.remedies.rows) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map(() => (r() < 0.6 ? 0 : int(5)));
    remedies[row.id] = {
      upheld: zeroOr(parts[0]!),
      corrected: zeroOr(parts[1]!),
      other: zeroOr(parts[2]!),
      pending: zeroOr(parts[3]!),
      total: num(parts.reduce((a, b) => a + b, 0)),
    };
  }

  return emptyReport(format, {
    agency,
    year,
    title: `${agency}${year}年政府信息公开工作年度报告`,
    sections: Object.fromEntries(
      def.sections.map((s) => [
        s.id,
        { heading: `${s.numeral}、${s.heading}`, text: s.id === 'problems' ? '工作人员业务能力有待提高，下一步将加强培训。' : s.id === 'other' ? '无。' : '' },
      ]),
    ),
    tables: { proactive, applications: apps, remedies } as Record<TableId, Mutable>,
  });
}

export type Fault = 'blankHandledTotalRow' | 'offByOneCell' | 'remedyTotalWrong';

/** The same report with one deliberate fault, and the cell or row it touched. */
export function withFault(report: Report, fault: Fault, seed: number): Report {
  const r = rng(seed);
  const tables = structuredClone(report.tables) as Record<TableId, Mutable>;
  if (fault === 'blankHandledTotalRow') {
    for (const c of Object.keys(tables.applications.handledTotal!)) tables.applications.handledTotal![c] = BLANK;
  } else if (fault === 'offByOneCell') {
    const rows = ['disclosed', 'partlyDisclosed', 'unavailable.notHeld', 'received'];
    const row = rows[Math.floor(r() * rows.length)]!;
    const cell = tables.applications[row]!.naturalPerson!;
    const v = cell.kind === 'number' ? cell.value : 0;
    tables.applications[row]!.naturalPerson = num(v + 1 + Math.floor(r() * 3));
  } else {
    const cell = tables.remedies.reconsideration!.total!;
    tables.remedies.reconsideration!.total = num((cell.kind === 'number' ? cell.value : 0) + 2);
  }
  return { ...report, tables };
}
