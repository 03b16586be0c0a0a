/** One form per workflow step, each with its fields, the Chinese error beside a field and a message for the step. */
import type { ComponentChildren } from 'preact';
import { DELIVERY_CHANNELS, DELIVERY_CHANNEL_LABELS, OUTCOMES, OUTCOME_IDS } from '../../../modules/applications/domain/index.ts';
import type { StepSlug } from '../../office/steps.ts';
import { CsrfField, SelectField, TextArea, TextField, type FieldErrors, type FieldValues } from '../portal/fields.tsx';

export interface StepFeedback {
  readonly step: StepSlug;
  readonly values: FieldValues;
  readonly errors: FieldErrors;
  readonly message?: string;
}

export const STEP_TITLES: Readonly<Record<StepSlug, string>> = {
  'request-supplement': '告知补正（第三十条）',
  'record-supplement': '登记补正材料',
  'start-consultation': '征求第三方或其他机关意见（第三十二条、第三十四条）',
  'record-consultation-answer': '登记征求意见结果',
  'approve-extension': '批准延期答复（第三十三条，审核人）',
  'issue-fee-notice': '发出收费通知',
  'record-fee-payment': '登记缴费',
  reply: '作出答复（第三十六条至第三十九条）',
  'record-delivery': '登记送达',
  withdraw: '申请人撤回申请',
  archive: '归档',
};

const BUTTONS: Readonly<Record<StepSlug, string>> = {
  'request-supplement': '发出补正告知',
  'record-supplement': '登记补正',
  'start-consultation': '开始征求意见',
  'record-consultation-answer': '登记意见',
  'approve-extension': '批准延期',
  'issue-fee-notice': '发出收费通知',
  'record-fee-payment': '登记缴费',
  reply: '作出答复',
  'record-delivery': '登记送达',
  withdraw: '登记撤回',
  archive: '归档',
};

function fieldsOf(step: StepSlug, f: { values: FieldValues; errors: FieldErrors }): ComponentChildren {
  const on = <TextField name="on" label="办理日期" hint="年-月-日，不填为今天" {...f} />;
  switch (step) {
    case 'request-supplement':
      return [
        <TextArea name="whatIsMissing" label="需要补正的事项" required maxLength={2000} {...f} />,
        <TextField name="termEnds" label="补正期限截止日期" hint="年-月-日" required {...f} />,
        on,
      ];
    case 'record-supplement':
      return [<TextArea name="note" label="补正内容说明" maxLength={2000} {...f} />, on];
    case 'start-consultation':
      return [
        <SelectField name="party" label="征求意见对象" required options={[['thirdParty', '第三方'], ['otherAgency', '其他机关']]} placeholder="请选择" {...f} />,
        <TextField name="partyName" label="被征求意见方名称" maxLength={200} {...f} />,
        on,
      ];
    case 'record-consultation-answer':
      return [
        <SelectField name="answer" label="意见" required options={[['consent', '同意公开'], ['refusal', '不同意公开'], ['lapsed', '逾期未答复']]} placeholder="请选择" {...f} />,
        <TextArea name="note" label="意见内容" maxLength={2000} {...f} />,
        on,
      ];
    case 'approve-extension':
      return [
        <TextField name="workingDays" label="延长的工作日数" hint="不超过20个工作日" required {...f} />,
        <TextArea name="reason" label="延期理由" required maxLength={1000} {...f} />,
        on,
      ];
    case 'issue-fee-notice':
      return [
        <TextField name="noticeReceivedOn" label="申请人收到收费通知的日期" hint="年-月-日" required {...f} />,
        <SelectField name="charge.standard" label="收费标准" required options={[['perApplication', '按件计收'], ['perVolume', '按量计收']]} placeholder="请选择" {...f} />,
        <TextField name="charge.nthInMonth" label="本月第几件申请（按件）" {...f} />,
        <TextField name="charge.pages" label="页数（按量）" {...f} />,
        on,
      ];
    case 'reply':
      return [
        <SelectField name="outcome" label="办理结果" required options={OUTCOME_IDS.map((id) => [id, OUTCOMES[id].label] as const)} placeholder="请选择" {...f} />,
        <TextArea name="legalBasis" label="法律依据" required maxLength={2000} {...f} />,
        on,
      ];
    case 'record-delivery':
      return [<SelectField name="channel" label="送达方式" options={DELIVERY_CHANNELS.map((c) => [c, DELIVERY_CHANNEL_LABELS[c]] as const)} placeholder="按申请人要求" {...f} />, on];
    case 'record-fee-payment':
    case 'withdraw':
    case 'archive':
      return [on];
  }
}

export function StepForm(props: { readonly applicationId: number; readonly step: StepSlug; readonly csrf: string; readonly feedback: StepFeedback | null }) {
  const mine = props.feedback?.step === props.step ? props.feedback : null;
  const f = { values: mine?.values ?? {}, errors: mine?.errors ?? {} };
  return (
    <form method="post" action={`/office/applications/${props.applicationId}/${props.step}`} class="panel" id={`step-${props.step}`} novalidate>
      <h3>{STEP_TITLES[props.step]}</h3>
      {mine?.message ? (
        <div class="error-box" role="alert">
          <p>{mine.message}</p>
        </div>
      ) : null}
      <CsrfField token={props.csrf} />
      {fieldsOf(props.step, f)}
      <p>
        <button type="submit">{BUTTONS[props.step]}</button>
      </p>
    </form>
  );
}
