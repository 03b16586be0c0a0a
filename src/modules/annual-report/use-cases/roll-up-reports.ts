import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { authorize, type Actor } from '../../accounts/policy.ts';
import { listSubordinateIds, subordinatesIn } from '../../agencies/agencies.repository.ts';
import { num, valueForSum } from '../domain/cell.ts';
import { checkReport } from '../domain/checks/index.ts';
import { FORMATS, TABLE_IDS, formatForYear, type FormatId, type TableId } from '../domain/formats/index.ts';
import { blankTable, emptyReport, getCell, type Report, type TableCells } from '../domain/report.ts';
import { findLatestPublished } from '../published-reports.repository.ts';
import { buildAllAnnualReports } from './build-annual-report.ts';

export interface RollUpEntry {
  readonly agencyId: number;
  readonly agency: string;
  readonly published: boolean;
  /** How many errors the checker finds in the report built from this agency's data. */
  readonly errors: number;
}

export interface RollUp {
  /** Count cells of tables 二, 三 and 四 summed over the agencies below; other cells blank. */
  readonly sum: Report;
  readonly agencies: readonly RollUpEntry[];
}

/**
 * Art. 49: the consolidated view a supervising disclosure office has of the agencies below it, for one year — each
 * agency's report built from its data, whether it is published and how many errors it has, and their sum.
 */
export async function rollUpReports(ctx: { readonly db: Kysely<Database>; readonly actor: Actor }, input: { readonly agencyId: number; readonly year: number }): Promise<RollUp> {
  await authorize(ctx.actor, 'rollup.read', input.agencyId, subordinatesIn(ctx.db));
  const below = await listSubordinateIds(ctx.db, input.agencyId);
  const format = formatForYear(input.year);
  const all = await buildAllAnnualReports({ db: ctx.db }, { year: input.year, format });
  const children: Array<{ id: number; report: Report }> = below.flatMap((id) => {
    const report = all.get(id);
    return report ? [{ id, report }] : [];
  });
  const agencies = await Promise.all(
    children.map(async ({ id, report }) => ({
      agencyId: id,
      agency: report.agency ?? '',
      published: (await findLatestPublished(ctx.db, id, input.year)) !== undefined,
      errors: checkReport(report, { expectedYear: input.year }).filter((f) => f.severity === 'error').length,
    })),
  );
  return { sum: sumReports(format, input.year, children.map((c) => c.report)), agencies };
}

/** The count cells of every table summed cell by cell (pure). */
export function sumReports(format: FormatId, year: number, reports: readonly Report[]): Report {
  const tables = {} as Record<TableId, TableCells>;
  for (const table of TABLE_IDS) {
    const def = FORMATS[format].tables[table];
    const out = blankTable(format, table);
    for (const row of def.rows) {
      const cells = out[row.id]!;
      for (const column of row.columns) {
        if (def.columns.find((c) => c.id === column)?.kind !== 'count') continue;
        cells[column] = num(reports.reduce((s, r) => s + valueForSum(getCell(r, table, row.id, column)), 0));
      }
    }
    tables[table] = out;
  }
  return emptyReport(format, { year, title: `${year}年下级机关政府信息公开工作年度报告汇总`, tables });
}
