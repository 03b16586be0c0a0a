/**
 * A supervisor's (or an administrator's) decision on a finding of the report checker: confirmed as a problem, or
 * dismissed as a false alarm, always with a note. Reviews belong to the reviewing agency (the reviewer's own, not the
 * agency that wrote the report) and are kept under the report key and finding key (domain/review-keys.ts), so the
 * next check of the same report — even from another file format — shows them again. Every save is audited; a changed
 * review keeps its previous decision and note in the audit entry.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, FindingDecision } from '../../../db/schema.ts';
import { parseInput } from '../../../parse-input.ts';
import { actorLabel, agenciesOf, authorize, can, type Actor } from '../../accounts/policy.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { MAX_FINDING_KEY_LENGTH, REPORT_KEY_PATTERN } from '../domain/review-keys.ts';
import { findFindingReview, listFindingReviews, saveFindingReview, userNames, type StoredFindingReview } from '../finding-reviews.repository.ts';

export interface ReviewFindingsContext {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly clock: { now(): Date };
}

export const FINDING_DECISIONS = ['confirmed', 'dismissed'] as const satisfies readonly FindingDecision[];

export const DECISION_LABELS: Readonly<Record<FindingDecision, string>> = {
  confirmed: '确认问题',
  dismissed: '排除（误报）',
};

export const MAX_REVIEW_NOTE_LENGTH = 500;

export const reviewFindingSchema = z.object({
  agencyId: z.number({ error: '核查机关无效' }).int('核查机关无效').positive('核查机关无效'),
  reportKey: z.string({ error: '报告标识无效，请重新上传报告' }).regex(REPORT_KEY_PATTERN, '报告标识无效，请重新上传报告'),
  findingKey: z
    .string({ error: '问题标识无效，请重新上传报告' })
    .min(1, '问题标识无效，请重新上传报告')
    .max(MAX_FINDING_KEY_LENGTH, '问题标识无效，请重新上传报告'),
  decision: z.enum(FINDING_DECISIONS, { error: '请选择决定：确认问题或排除（误报）' }),
  note: z
    .string({ error: '请填写说明' })
    .trim()
    .min(1, '请填写说明')
    .max(MAX_REVIEW_NOTE_LENGTH, `说明不能超过${MAX_REVIEW_NOTE_LENGTH}个字`),
});

/** As a form or the API sends it; checked against reviewFindingSchema. */
export interface ReviewFindingInput {
  readonly agencyId: number;
  readonly reportKey: string;
  readonly findingKey: string;
  readonly decision: string;
  readonly note: string;
}

/** A review as shown beside its finding. */
export interface FindingReview {
  readonly findingKey: string;
  readonly decision: FindingDecision;
  readonly note: string;
  /** The reviewer's display name (or the actor label when the user is gone). */
  readonly reviewer: string;
  readonly reviewedAt: string;
}

/** The agencies in whose name the actor may review findings (a supervisor's or an administrator's own). */
export async function reviewingAgencies(ctx: Pick<ReviewFindingsContext, 'db' | 'actor'>): Promise<number[]> {
  const out: number[] = [];
  for (const id of agenciesOf(ctx.actor)) if (await can(ctx.actor, 'finding.review', id, subordinatesIn(ctx.db))) out.push(id);
  return out;
}

/** The reviews the agency holds on each of the given reports: report key → finding key → review. */
export async function listReviewsOfReports(
  ctx: ReviewFindingsContext,
  input: { readonly agencyId: number; readonly reportKeys: readonly string[] },
): Promise<Map<string, Map<string, FindingReview>>> {
  await authorize(ctx.actor, 'finding.review', input.agencyId, subordinatesIn(ctx.db));
  const keys = input.reportKeys.filter((k) => REPORT_KEY_PATTERN.test(k));
  const stored = await listFindingReviews(ctx.db, input.agencyId, keys);
  const names = await namesOf(ctx.db, stored);
  const out = new Map<string, Map<string, FindingReview>>();
  for (const r of stored) {
    const byFinding = out.get(r.reportKey) ?? new Map<string, FindingReview>();
    byFinding.set(r.findingKey, present(r, names));
    out.set(r.reportKey, byFinding);
  }
  return out;
}

/**
 * Confirms or dismisses one finding with a note, in the reviewer's agency; replaces an earlier review of it.
 * Returns false when the same decision and note were already kept (a reloaded page): nothing is written then.
 */
export async function reviewFinding(ctx: ReviewFindingsContext, raw: ReviewFindingInput): Promise<boolean> {
  const input = parseInput(reviewFindingSchema, raw);
  await authorize(ctx.actor, 'finding.review', input.agencyId, subordinatesIn(ctx.db));
  const key = { agencyId: input.agencyId, reportKey: input.reportKey, findingKey: input.findingKey };
  const reviewedAt = ctx.clock.now().toISOString();
  const reviewedBy = actorLabel(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const previous = await findFindingReview(trx, key);
    if (previous && previous.decision === input.decision && previous.note === input.note) return false;
    await saveFindingReview(trx, key, { decision: input.decision, note: input.note, reviewedBy, reviewedAt });
    await appendAudit(trx, {
      agencyId: input.agencyId,
      actor: reviewedBy,
      action: previous ? 'finding.reviewChanged' : 'finding.reviewed',
      subject: `checked-report:${input.reportKey}`,
      details: {
        findingKey: input.findingKey,
        decision: input.decision,
        note: input.note,
        ...(previous ? { previous: { decision: previous.decision, note: previous.note, reviewedBy: previous.reviewedBy, reviewedAt: previous.reviewedAt } } : {}),
      },
      at: reviewedAt,
    });
    return true;
  });
}

const USER_LABEL = /^user:(\d+)$/;

async function namesOf(db: Kysely<Database>, stored: readonly StoredFindingReview[]): Promise<Map<number, string>> {
  const ids = stored.flatMap((r) => {
    const m = USER_LABEL.exec(r.reviewedBy);
    return m ? [Number(m[1])] : [];
  });
  return userNames(db, ids);
}

function present(r: StoredFindingReview, names: ReadonlyMap<number, string>): FindingReview {
  const m = USER_LABEL.exec(r.reviewedBy);
  const reviewer = (m && names.get(Number(m[1]))) ?? r.reviewedBy;
  return { findingKey: r.findingKey, decision: r.decision, note: r.note, reviewer, reviewedAt: r.reviewedAt };
}
