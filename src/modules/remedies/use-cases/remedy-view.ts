import type { RemedyCase } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import { REMEDY_KIND_LABELS, REMEDY_RESULT_LABELS } from '../remedies.schemas.ts';

export interface RemedyView {
  readonly id: number;
  readonly agencyId: number;
  readonly applicationId: number | null;
  readonly kind: RemedyCase['kind'];
  readonly kindLabel: string;
  readonly reference: string | null;
  readonly filedOn: string;
  readonly result: RemedyCase['result'];
  readonly resultLabel: string;
  readonly closedOn: string | null;
}

export function remedyView(row: RemedyCase): RemedyView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    applicationId: row.application_id,
    kind: row.kind,
    kindLabel: REMEDY_KIND_LABELS[row.kind],
    reference: row.reference,
    filedOn: row.filed_on,
    result: row.result,
    resultLabel: REMEDY_RESULT_LABELS[row.result],
    closedOn: row.closed_on,
  };
}

/**
 * Table 四 counts a case under its result once it is closed (审结), under 尚未审结 until then: a result other than
 * pending needs its closing date, pending has none, and nothing closes before it was filed or after today.
 */
export function checkResult(filedOn: string, result: RemedyCase['result'], closedOn: string | undefined, today: string): void {
  if (filedOn > today) throw new AppError('input.dateInFuture', `申请复议或起诉日期（${filedOn}）晚于今天（${today}）。`, { field: 'filedOn', date: filedOn });
  if (closedOn !== undefined && closedOn > today) {
    throw new AppError('input.dateInFuture', `审结日期（${closedOn}）晚于今天（${today}）。`, { field: 'closedOn', date: closedOn });
  }
  if (result === 'pending' && closedOn !== undefined) {
    throw new AppError('remedy.resultInvalid', '尚未审结的案件不能有审结日期。', { result, closedOn });
  }
  if (result !== 'pending' && closedOn === undefined) {
    throw new AppError('remedy.resultInvalid', '已有结果的案件请填写审结日期。', { result });
  }
  if (closedOn !== undefined && closedOn < filedOn) {
    throw new AppError('remedy.resultInvalid', `审结日期（${closedOn}）早于申请复议或起诉日期（${filedOn}）。`, { filedOn, closedOn });
  }
}
