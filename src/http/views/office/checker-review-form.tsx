/**
 * One finding beside the checked tables: what the checker says, the earlier review of it (decision, note, who,
 * when), and the small form to confirm or dismiss it with a note. The form carries the signed ticket of the checked
 * report (the uploaded file is not kept), the finding's key and the session's CSRF token.
 */
import type { Finding } from '../../../modules/annual-report/domain/finding.ts';
import { DECISION_LABELS, FINDING_DECISIONS, MAX_REVIEW_NOTE_LENGTH, type FindingReview } from '../../../modules/annual-report/use-cases/review-findings.ts';
import { CsrfField } from '../portal/fields.tsx';

export const SEVERITY_LABELS = { error: '错误', warning: '警告', notice: '提示' } as const;

export const REVIEW_FORM_CSS = `
ol.findings { padding-left:0; list-style:none; }
ol.findings > li { border:1px solid #d0d7de; border-left-width:6px; border-radius:4px; padding:.5rem .8rem; margin:0 0 .8rem; }
ol.findings > li.error { border-left-color:#cf222e; } ol.findings > li.warning { border-left-color:#9a6700; } ol.findings > li.notice { border-left-color:#0969da; }
ol.findings .review-earlier { background:#f6f8fa; padding:.3rem .6rem; margin:.4rem 0; }
ol.findings form.review fieldset { border:0; padding:0; margin:.3rem 0; }
ol.findings form.review textarea { width:100%; min-height:3.5rem; }
`;

/** What a refused review brings back to its form. */
export interface ReviewFeedback {
  readonly findingKey: string;
  readonly values: { readonly decision?: string; readonly note?: string };
  readonly errors: Readonly<Record<string, string>>;
}

export function reviewTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const shanghai = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}`;
}

export interface FindingItemProps {
  readonly id: string;
  readonly number: number;
  readonly finding: Finding;
  readonly findingKey: string;
  readonly review: FindingReview | null;
  readonly ticket: string;
  readonly csrf: string;
  readonly feedback: ReviewFeedback | null;
}

export function FindingItem(props: FindingItemProps) {
  const f = props.finding;
  const review = props.review;
  return (
    <li id={props.id} class={`finding-item ${f.severity}`} data-finding-key={props.findingKey} tabIndex={-1}>
      <p>
        <strong>
          问题{props.number}（{SEVERITY_LABELS[f.severity]}）
        </strong>{' '}
        {f.message} <code>{f.code}</code>
      </p>
      {review ? (
        <p class="review-earlier" data-decision={review.decision}>
          已核查：<strong>{DECISION_LABELS[review.decision]}</strong>。说明：{review.note}（{review.reviewer}，{reviewTime(review.reviewedAt)}）
        </p>
      ) : (
        <p class="muted">尚未核查</p>
      )}
      <ReviewForm {...props} />
    </li>
  );
}

function ReviewForm(props: FindingItemProps) {
  const base = `${props.id}-review`;
  const fb = props.feedback;
  const decision = fb?.values.decision ?? props.review?.decision ?? '';
  const note = fb?.values.note ?? props.review?.note ?? '';
  const errors = fb?.errors ?? {};
  const describe = (field: string) => (errors[field] ? `${base}-${field}-error` : undefined);
  const formError = errors['ticket'] ?? errors['finding'];
  return (
    <form class="review" method="post" action="/office/checker/review" aria-label={`问题${props.number}的核查意见`}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="ticket" value={props.ticket} />
      <input type="hidden" name="finding" value={props.findingKey} />
      {formError ? (
        <p class="field-error" role="alert">
          错误：{formError}
        </p>
      ) : null}
      <fieldset aria-describedby={describe('decision')}>
        <legend>决定</legend>
        {errors['decision'] ? (
          <p class="field-error" id={`${base}-decision-error`}>
            错误：{errors['decision']}
          </p>
        ) : null}
        {FINDING_DECISIONS.map((d) => (
          <label>
            <input type="radio" name="decision" value={d} checked={decision === d} required /> {DECISION_LABELS[d]}{' '}
          </label>
        ))}
      </fieldset>
      <label for={`${base}-note`}>说明（必填，不超过{MAX_REVIEW_NOTE_LENGTH}字）</label>
      {errors['note'] ? (
        <p class="field-error" id={`${base}-note-error`}>
          错误：{errors['note']}
        </p>
      ) : null}
      <textarea
        id={`${base}-note`}
        name="note"
        required
        maxLength={MAX_REVIEW_NOTE_LENGTH}
        aria-required="true"
        aria-invalid={errors['note'] ? 'true' : undefined}
        aria-describedby={describe('note')}
      >
        {note}
      </textarea>
      <p>
        <button type="submit">{props.review ? '修改核查意见' : '保存核查意见'}</button>
      </p>
    </form>
  );
}
