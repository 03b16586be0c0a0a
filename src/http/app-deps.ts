/**
 * What the routes need to call the use cases: the database, the clock and the working-day calendar, and the
 * limiter of the public POST routes. Routes build the use-case context from these; they never hand a request on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AttachmentStore } from '../modules/attachments/attachment-store.ts';
import type { UseCaseContext as AccountsContext } from '../modules/accounts/context.ts';
import type { WorkingCalendar } from '../modules/calendar/domain/calendar.ts';
import type { Clock, UseCaseContext } from '../modules/applications/use-cases/context.ts';
import type { TokenBucketLimiter } from './rate-limit.ts';

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly limiter: TokenBucketLimiter;
  /** Where uploaded files are kept (ATTACHMENTS_DIR) and the largest accepted upload (MAX_UPLOAD_MB), in bytes. */
  readonly attachments: { readonly store: AttachmentStore; readonly maxBytes: number };
}

/** A member of the public on the portal or the public API. */
export function publicContext(deps: AppDeps): UseCaseContext {
  return { db: deps.db, actor: { kind: 'public' }, clock: deps.clock, calendar: deps.calendar };
}

/**
 * For reading what the law makes public (the agencies and their disclosure offices, Art. 20(2)) through use cases
 * that serve staff too: the portal reads as gongkai itself and shows only public fields.
 */
export function publicInformationContext(deps: AppDeps): AccountsContext {
  return { db: deps.db, actor: { kind: 'system', name: 'portal' }, clock: deps.clock };
}
