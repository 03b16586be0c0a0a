/**
 * The lapse job with its letters: closes what lapsed (lapseExpired: Art. 30 supplement, 办法 fee → deemed
 * abandoned; Art. 32/34 consultation → handling goes on) and issues, in the same run, the 视为放弃申请告知书 of each
 * application it deemed abandoned. Run by the server every day (daily-jobs.ts) and by `gongkai jobs lapse`.
 *
 * Safe to run twice, or in two processes at once: each lapse and each letter is written with the application row
 * locked and only if not there yet, so a second run lapses nothing new and issues nothing new.
 */
import { getApplication } from '../modules/applications/use-cases/get-application.ts';
import type { UseCaseContext } from '../modules/applications/use-cases/context.ts';
import { lapseExpired, type LapseResult } from '../modules/applications/use-cases/lapse-expired.ts';
import { issueLapseLetters } from '../modules/letters/use-cases/issue-lapse-letters.ts';
import type { LetterSummary } from '../modules/letters/use-cases/letter-views.ts';

export interface LapsedApplication {
  readonly applicationId: number;
  readonly trackingCode: string;
  readonly event: LapseResult['lapsed'][number]['event'];
  /** the first day after the term */
  readonly on: string;
  readonly letters: readonly LetterSummary[];
}

export interface LapseJobReport {
  /** the day the job judged the terms by */
  readonly today: string;
  /** applications waiting on the applicant or a consulted party */
  readonly checked: number;
  readonly lapsed: readonly LapsedApplication[];
  /** applications the lapse rules could not be applied to (the others were); tried again on the next run */
  readonly lapseFailures: LapseResult['failed'];
  /** letters that could not be issued; staff issue them later on the application's letters page */
  readonly letterFailures: readonly { readonly applicationId: number; readonly message: string }[];
}

export async function runLapseJob(ctx: UseCaseContext, input: { readonly agencyId?: number } = {}): Promise<LapseJobReport> {
  const today = ctx.clock.today();
  const result = await lapseExpired(ctx, input);
  const lapsed: LapsedApplication[] = [];
  const letterFailures: { applicationId: number; message: string }[] = [];
  for (const { applicationId, event, on } of result.lapsed) {
    let letters: readonly LetterSummary[] = [];
    try {
      // nothing for a consultation lapse: no letter goes to the applicant, handling simply goes on
      letters = (await issueLapseLetters(ctx, { applicationId })).issued;
    } catch (error) {
      // the lapse stands (stored in its own transaction); one failed letter does not stop the others
      letterFailures.push({ applicationId, message: (error as Error).message });
    }
    const { trackingCode } = await getApplication(ctx, { applicationId });
    lapsed.push({ applicationId, trackingCode, event, on, letters });
  }
  return { today, checked: result.checked, lapsed, lapseFailures: result.failed, letterFailures };
}
