/** One application for staff: the facts, the history of events, and a form for each step allowed next. */
import { CHANNEL_LABELS, type Channel } from '../../../modules/applications/domain/index.ts';
import type { ApplicationDetail } from '../../../modules/applications/use-cases/application-views.ts';
import type { LetterSummary } from '../../../modules/letters/use-cases/letter-views.ts';
import type { StepSlug } from '../../office/steps.ts';
import { chineseDate, groupCode } from '../format.ts';
import { page } from '../layout.tsx';
import { AttachmentsSection, type AttachmentsSectionProps } from './attachments-section.tsx';
import { LetterLinks } from './letter-links.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';
import { STEP_TITLES, StepForm, type StepFeedback } from './step-forms.tsx';

export interface ApplicationPageProps extends OfficeFrame {
  readonly application: ApplicationDetail;
  readonly steps: readonly StepSlug[];
  /** the step whose form is open (one at a time: the field ids of the forms would clash) */
  readonly open?: StepSlug | null;
  readonly feedback?: StepFeedback | null;
  /** after a step succeeded (303 back here) */
  readonly done?: string | null;
  /** the letters (告知书) issued so far; when not given, the section links to the letters page */
  readonly letters?: readonly LetterSummary[] | null;
  /** who acted, by the label stored with each event (`user:12` → 李四（lisi）); the label itself when absent */
  readonly actorNames?: ReadonlyMap<string, string>;
  /** the application's attachments and, for who may add one, the upload form */
  readonly attachments?: AttachmentsSectionProps;
}

function Row(props: { readonly label: string; readonly value: string | null | undefined }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.value ?? '—'}</td>
    </tr>
  );
}

export function applicationPage(props: ApplicationPageProps): string {
  const a = props.application;
  const p = a.applicant;
  const open = props.feedback?.step ?? props.open ?? null;
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={`申请 ${groupCode(a.trackingCode)}`}>
      <h1>申请 {groupCode(a.trackingCode)}</h1>
      {props.done ? (
        <div class="success-box" role="status">
          <p>已办理：{props.done}</p>
        </div>
      ) : null}
      <table class="meta">
        <tbody>
          <Row label="状态" value={a.statusLabel + (a.overdue ? '（已逾期）' : a.dueSoon ? '（3个工作日内到期）' : '')} />
          <Row label="收到日期" value={chineseDate(a.receivedOn)} />
          <Row label="答复期限" value={chineseDate(a.dueOn)} />
          <Row label="提交渠道" value={CHANNEL_LABELS[a.channel as Channel] ?? a.channel} />
          <Row label="申请人" value={p.name} />
          <Row label="证件" value={p.idNumber ? `${p.idType ?? ''} ${p.idNumber}` : p.creditCode} />
          <Row label="联系人" value={p.contactName} />
          <Row label="联系电话" value={p.phone} />
          <Row label="电子邮箱" value={p.email} />
          <Row label="通信地址" value={p.address} />
          <Row label="所需信息" value={a.description} />
          <Row label="用途" value={a.purpose} />
          <Row label="法律依据" value={a.legalBasis} />
        </tbody>
      </table>

      <h2>办理记录</h2>
      <ol>
        {a.history.map((h) => (
          <li>
            {chineseDate(h.on)} {h.label} <span class="muted">（{props.actorNames?.get(h.actor) ?? h.actor}）</span>
          </li>
        ))}
      </ol>

      <h2 id="letters">告知书</h2>
      {props.letters ? <LetterLinks letters={props.letters} /> : null}
      <p>
        <a href={`/office/applications/${a.id}/letters`}>{props.letters ? '告知书页面（补出缺少的告知书）' : '查看和下载告知书'}</a>
      </p>

      {props.attachments ? <AttachmentsSection {...props.attachments} csrf={props.csrf} /> : null}

      <h2>下一步办理</h2>
      {props.steps.length === 0 ? (
        <p>目前没有您可以办理的事项。</p>
      ) : (
        <ul class="steps-list">
          {props.steps.map((step) => (
            <li>
              <a href={`/office/applications/${a.id}?step=${step}#step-${step}`} aria-current={step === open ? 'true' : undefined}>
                {STEP_TITLES[step]}
              </a>
            </li>
          ))}
        </ul>
      )}
      {open ? <StepForm applicationId={a.id} step={open} csrf={props.csrf} feedback={props.feedback ?? null} /> : null}
    </OfficeLayout>,
  );
}
