/** The queries of finding_reviews (a reviewing agency's decisions on findings of checked reports), nothing else. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, FindingDecision } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredFindingReview {
  readonly reportKey: string;
  readonly findingKey: string;
  readonly decision: FindingDecision;
  readonly note: string;
  /** The actor label (`user:12`). */
  readonly reviewedBy: string;
  readonly reviewedAt: string;
}

export interface FindingReviewKey {
  readonly agencyId: number;
  readonly reportKey: string;
  readonly findingKey: string;
}

/** Every review one agency holds on the given reports. */
export async function listFindingReviews(db: Db, agencyId: number, reportKeys: readonly string[]): Promise<StoredFindingReview[]> {
  if (reportKeys.length === 0) return [];
  const rows = await db
    .selectFrom('finding_reviews')
    .select(['report_key', 'finding_key', 'decision', 'note', 'reviewed_by', 'reviewed_at'])
    .where('agency_id', '=', agencyId)
    .where('report_key', 'in', [...new Set(reportKeys)])
    .orderBy('id')
    .execute();
  return rows.map(toReview);
}

interface ReviewRow {
  readonly report_key: string;
  readonly finding_key: string;
  readonly decision: FindingDecision;
  readonly note: string;
  readonly reviewed_by: string;
  readonly reviewed_at: string;
}

function toReview(r: ReviewRow): StoredFindingReview {
  return { reportKey: r.report_key, findingKey: r.finding_key, decision: r.decision, note: r.note, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at };
}

export async function findFindingReview(db: Db, key: FindingReviewKey): Promise<StoredFindingReview | undefined> {
  const row = await db
    .selectFrom('finding_reviews')
    .select(['report_key', 'finding_key', 'decision', 'note', 'reviewed_by', 'reviewed_at'])
    .where('agency_id', '=', key.agencyId)
    .where('report_key', '=', key.reportKey)
    .where('finding_key', '=', key.findingKey)
    .executeTakeFirst();
  return row && toReview(row);
}

/** Inserts the review, or replaces the decision and note of the one already kept under the same key. */
export async function saveFindingReview(
  trx: Transaction<Database>,
  key: FindingReviewKey,
  review: { readonly decision: FindingDecision; readonly note: string; readonly reviewedBy: string; readonly reviewedAt: string },
): Promise<void> {
  const values = { decision: review.decision, note: review.note, reviewed_by: review.reviewedBy, reviewed_at: review.reviewedAt };
  await trx
    .insertInto('finding_reviews')
    .values({ agency_id: key.agencyId, report_key: key.reportKey, finding_key: key.findingKey, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'report_key', 'finding_key']).doUpdateSet(values))
    .execute();
}

/** Display names of staff users by id (for "who reviewed"). */
export async function userNames(db: Db, userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(userIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
