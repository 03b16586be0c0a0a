import type { UseCaseContext } from '../../accounts/context.ts';
import type { AgencyKind, AgencyLevel } from '../../../db/schema.ts';
import { listAgencies as listAgencyRows } from '../agencies.repository.ts';
import { toAgencyView, type AgencyView } from '../agency-view.ts';
import { readableAgencyIds } from '../readable-agencies.ts';

/** The agencies the actor may read (never another tenant's), optionally of one kind or level, ordered by id. */
export async function listAgencies(
  ctx: UseCaseContext,
  filter: { readonly kind?: AgencyKind; readonly level?: AgencyLevel } = {},
): Promise<AgencyView[]> {
  const readable = await readableAgencyIds(ctx.db, ctx.actor);
  const rows = await listAgencyRows(ctx.db, { ...filter, ...(readable === 'all' ? {} : { ids: [...readable] }) });
  return rows.map(toAgencyView);
}
