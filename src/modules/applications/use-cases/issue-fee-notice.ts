import { issueFeeNoticeSchema, parseInput } from '../applications.schemas.ts';
import type { ApplicationDetail } from './application-views.ts';
import type { UseCaseContext } from './context.ts';
import { takeStep } from './transition.ts';

/** 办法 (国办函〔2020〕109号): the fee notice, within the reply term; the amount is computed, never typed in. */
export async function issueFeeNotice(ctx: UseCaseContext, input: unknown): Promise<ApplicationDetail> {
  const i = parseInput(issueFeeNoticeSchema, input);
  return takeStep(ctx, {
    applicationId: i.applicationId,
    action: 'application.handle',
    event: () => ({ type: 'feeNoticeIssued', date: i.on ?? ctx.clock.today(), noticeReceivedOn: i.noticeReceivedOn, charge: i.charge }),
  });
}
