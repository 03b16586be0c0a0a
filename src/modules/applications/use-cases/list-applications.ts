import { authorize } from '../applications.policy.ts';
import { listApplicationsSchema, parseInput } from '../applications.schemas.ts';
import { listApplicationRows } from '../applications.repository.ts';
import { listItem, type ApplicationListItem } from './application-views.ts';
import type { UseCaseContext } from './context.ts';

export interface ApplicationPage {
  readonly items: readonly ApplicationListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * One agency's applications, ordered by due date, with overdue and due-in-3-working-days flags (Art. 33); filtered
 * by status, receipt dates, overdue today, or due before a day.
 * ID numbers and phone numbers are masked.
 */
export async function listApplications(ctx: UseCaseContext, input: unknown): Promise<ApplicationPage> {
  const i = parseInput(listApplicationsSchema, input);
  await authorize(ctx.db, ctx.actor, 'application.read', i.agencyId);
  const today = ctx.clock.today();
  const { rows, total } = await listApplicationRows(
    ctx.db,
    {
      agencyId: i.agencyId,
      ...(i.statuses ? { statuses: i.statuses } : {}),
      ...(i.receivedFrom ? { receivedFrom: i.receivedFrom } : {}),
      ...(i.receivedTo ? { receivedTo: i.receivedTo } : {}),
      ...(i.overdueOnly ? { overdueOn: today } : {}),
      ...(i.dueBefore ? { dueBefore: i.dueBefore } : {}),
    },
    { offset: (i.page - 1) * i.pageSize, limit: i.pageSize },
  );
  return { items: rows.map((r) => listItem(r, today, ctx.calendar)), total, page: i.page, pageSize: i.pageSize };
}
