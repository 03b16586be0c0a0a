/**
 * Registering an application that came by post, fax, e-mail or in person (Art. 29): the applicant's form as on the
 * portal, plus the facts of intake that fix the day it counts as received (Art. 31).
 */
import { ID_TYPES, ORG_TYPES } from '../../../modules/applications/applications.schemas.ts';
import {
  CHANNEL_LABELS,
  DELIVERY_CHANNELS,
  DELIVERY_CHANNEL_LABELS,
  WANTED_FORMS,
  WANTED_FORM_LABELS,
} from '../../../modules/applications/domain/index.ts';
import { page } from '../layout.tsx';
import { APPLICATION_FIELD_LABELS, ORG_TYPE_LABELS, type ApplicantKind } from '../portal/apply-page.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FieldErrors, type FieldValues } from '../portal/fields.tsx';
import type { AgencyChoice } from './dashboard-page.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export const INTAKE_CHANNELS = ['inPerson', 'registeredPost', 'ordinaryPost', 'fax', 'email'] as const;

export const REGISTER_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...APPLICATION_FIELD_LABELS,
  agencyId: '受理机关',
  'intake.channel': '提交渠道',
  'intake.date': '收到日期',
  'intake.confirmedOn': '确认日期',
};

export interface RegisterPageProps extends OfficeFrame {
  readonly agencies: readonly AgencyChoice[];
  readonly kind: ApplicantKind;
  readonly values?: FieldValues;
  readonly errors?: FieldErrors;
  readonly message?: string;
}

export function registerPage(props: RegisterPageProps): string {
  const f = { values: props.values ?? {}, errors: props.errors ?? {} };
  const person = props.kind === 'naturalPerson';
  return page(
    <OfficeLayout ctx={props.ctx} actor={props.actor} csrf={props.csrf} title={`${Object.keys(f.errors).length > 0 || props.message ? '错误：' : ''}登记申请`}>
      <h1>登记申请（当面、信函、传真、电子邮件）</h1>
      <p>
        申请人类型：{person ? <strong>自然人</strong> : <a href="/office/applications/new?type=naturalPerson">自然人</a>}
        {' ｜ '}
        {person ? <a href="/office/applications/new?type=organisation">法人或其他组织</a> : <strong>法人或其他组织</strong>}
      </p>
      <ErrorSummary errors={f.errors} labels={REGISTER_FIELD_LABELS} {...(props.message ? { message: props.message } : {})} />
      <form class="panel" method="post" action="/office/applications/new" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="applicant.type" value={props.kind} />
        <fieldset>
          <legend>收到申请（第三十一条）</legend>
          <SelectField name="agencyId" label="受理机关" required options={props.agencies.map((a) => [String(a.id), a.name] as const)} {...f} />
          <SelectField name="intake.channel" label="提交渠道" required placeholder="请选择" options={INTAKE_CHANNELS.map((c) => [c, CHANNEL_LABELS[c]] as const)} {...f} />
          <TextField name="intake.date" label="收到日期" required hint="当面提交之日、挂号信签收之日、信函或传真/电子邮件到达之日（年-月-日）" {...f} />
          <TextField name="intake.confirmedOn" label="确认日期" hint="平常信函、传真、电子邮件：与申请人确认之日（年-月-日）" {...f} />
        </fieldset>
        {person ? (
          <fieldset>
            <legend>申请人信息（自然人）</legend>
            <TextField name="applicant.name" label="姓名" required maxLength={100} {...f} />
            <SelectField name="applicant.idType" label="证件类型" required options={ID_TYPES.map((t) => [t, t] as const)} {...f} />
            <TextField name="applicant.idNumber" label="证件号码" required maxLength={50} {...f} />
            <TextField name="applicant.phone" label="联系电话" type="tel" required {...f} />
            <TextField name="applicant.email" label="电子邮箱" type="email" {...f} />
            <TextField name="applicant.address" label="通信地址" maxLength={200} {...f} />
          </fieldset>
        ) : (
          <fieldset>
            <legend>申请人信息（法人或其他组织）</legend>
            <SelectField name="applicant.orgType" label="单位类型" required placeholder="请选择" options={ORG_TYPES.map((t) => [t, ORG_TYPE_LABELS[t]] as const)} {...f} />
            <TextField name="applicant.name" label="单位名称" required maxLength={200} {...f} />
            <TextField name="applicant.creditCode" label="统一社会信用代码" required {...f} />
            <TextField name="applicant.legalRepresentative" label="法定代表人" maxLength={100} {...f} />
            <TextField name="applicant.contactName" label="联系人姓名" required maxLength={100} {...f} />
            <TextField name="applicant.phone" label="联系电话" type="tel" required {...f} />
            <TextField name="applicant.email" label="电子邮箱" type="email" {...f} />
            <TextField name="applicant.address" label="通信地址" maxLength={200} {...f} />
          </fieldset>
        )}
        <fieldset>
          <legend>所需信息</legend>
          <TextArea name="description" label="所需政府信息的描述" required maxLength={5000} {...f} />
          <TextArea name="purpose" label="用途" maxLength={1000} {...f} />
          <SelectField name="form" label="获取信息的形式" placeholder="申请人未写明" options={WANTED_FORMS.map((w) => [w, WANTED_FORM_LABELS[w]] as const)} {...f} />
          <SelectField name="delivery" label="获取信息的方式" placeholder="申请人未写明" options={DELIVERY_CHANNELS.map((d) => [d, DELIVERY_CHANNEL_LABELS[d]] as const)} {...f} />
        </fieldset>
        <p>
          <button type="submit">登记</button>
        </p>
      </form>
    </OfficeLayout>,
  );
}
