/**
 * The online application form (Art. 29): who applies (a natural person, or a legal person or other organisation),
 * proof of identity and contact, a description of the information sought, and the form and way of the answer.
 * It works without JavaScript: the server re-renders it with each field's error beside the field.
 */
import { ID_TYPES, ORG_TYPES } from '../../../modules/applications/applications.schemas.ts';
import { DELIVERY_CHANNELS, DELIVERY_CHANNEL_LABELS, WANTED_FORMS, WANTED_FORM_LABELS } from '../../../modules/applications/domain/answer-forms.ts';
import { Layout, page } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, agencyHref, type AgencyRef } from './agency-nav.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FieldErrors, type FieldValues } from './fields.tsx';

export type ApplicantKind = 'naturalPerson' | 'organisation';

export const ORG_TYPE_LABELS: Readonly<Record<(typeof ORG_TYPES)[number], string>> = {
  business: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他',
};

/** Every field of the form with its Chinese name (the error summary, docs/api.md). */
export const APPLICATION_FIELD_LABELS: Readonly<Record<string, string>> = {
  applicant: '申请人',
  'applicant.type': '申请人类型',
  'applicant.name': '姓名或名称',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.orgType': '单位类型',
  'applicant.creditCode': '统一社会信用代码',
  'applicant.legalRepresentative': '法定代表人',
  'applicant.contactName': '联系人姓名',
  'applicant.phone': '联系电话',
  'applicant.email': '电子邮箱',
  'applicant.address': '通信地址',
  description: '所需政府信息的描述',
  purpose: '用途',
  form: '获取信息的形式',
  delivery: '获取信息的方式',
};

export interface ApplyPageProps {
  readonly ctx: PageContext;
  readonly agency: AgencyRef;
  readonly kind: ApplicantKind;
  readonly csrf: string;
  readonly values?: FieldValues;
  readonly errors?: FieldErrors;
  /** A message for the whole form (e.g. an expired CSRF token). */
  readonly message?: string;
}

export function applyPage(props: ApplyPageProps): string {
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const f = { values, errors };
  const person = props.kind === 'naturalPerson';
  return page(
    <Layout title={`${Object.keys(errors).length > 0 || props.message ? '错误：' : ''}在线申请（${person ? '自然人' : '法人或其他组织'}） — ${props.agency.name}`} page={props.ctx} subnav={<AgencyNav agency={props.agency} current="apply" />}>
      <h1>向{props.agency.name}申请政府信息公开</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十九条，申请应包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径。在线提交的申请，提交当日即为收到申请之日（第三十一条）。
      </p>
      <nav aria-label="申请人类型">
        <p>
          申请人类型：{' '}
          {person ? <strong>自然人</strong> : <a href={agencyHref(props.agency, '/apply?type=naturalPerson')}>自然人</a>}
          {' ｜ '}
          {person ? <a href={agencyHref(props.agency, '/apply?type=organisation')}>法人或其他组织</a> : <strong>法人或其他组织</strong>}
        </p>
      </nav>
      <ErrorSummary errors={errors} labels={APPLICATION_FIELD_LABELS} {...(props.message ? { message: props.message } : {})} />
      <form class="panel" method="post" action={agencyHref(props.agency, '/apply')} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="applicant.type" value={props.kind} />
        {person ? (
          <fieldset>
            <legend>申请人信息（自然人）</legend>
            <TextField name="applicant.name" label="姓名" required autocomplete="name" maxLength={100} {...f} />
            <SelectField name="applicant.idType" label="证件类型" required options={ID_TYPES.map((t) => [t, t] as const)} {...f} />
            <TextField name="applicant.idNumber" label="证件号码" required hint="居民身份证号码为18位，最后一位可能是 X" maxLength={50} {...f} />
            <TextField name="applicant.phone" label="联系电话" type="tel" required autocomplete="tel" hint="手机号码或带区号的固定电话" {...f} />
            <TextField name="applicant.email" label="电子邮箱" type="email" autocomplete="email" {...f} />
            <TextField name="applicant.address" label="通信地址" autocomplete="street-address" maxLength={200} {...f} />
          </fieldset>
        ) : (
          <fieldset>
            <legend>申请人信息（法人或其他组织）</legend>
            <SelectField
              name="applicant.orgType"
              label="单位类型"
              required
              placeholder="请选择"
              options={ORG_TYPES.map((t) => [t, ORG_TYPE_LABELS[t]] as const)}
              {...f}
            />
            <TextField name="applicant.name" label="单位名称" required autocomplete="organization" maxLength={200} {...f} />
            <TextField name="applicant.creditCode" label="统一社会信用代码" required hint="18位，由数字和大写字母组成" {...f} />
            <TextField name="applicant.legalRepresentative" label="法定代表人" maxLength={100} {...f} />
            <TextField name="applicant.contactName" label="联系人姓名" required maxLength={100} {...f} />
            <TextField name="applicant.phone" label="联系电话" type="tel" required hint="手机号码或带区号的固定电话" {...f} />
            <TextField name="applicant.email" label="电子邮箱" type="email" {...f} />
            <TextField name="applicant.address" label="通信地址" maxLength={200} {...f} />
          </fieldset>
        )}
        <fieldset>
          <legend>所需信息</legend>
          <TextArea
            name="description"
            label="所需政府信息的描述"
            required
            hint="请写明文件名称、文号，或者便于查询的其他特征，例如“2024年度部门预算公开说明”"
            maxLength={5000}
            {...f}
          />
          <TextArea name="purpose" label="用途" maxLength={1000} {...f} />
          <SelectField
            name="form"
            label="获取信息的形式"
            required
            placeholder="请选择"
            options={WANTED_FORMS.map((w) => [w, WANTED_FORM_LABELS[w]] as const)}
            {...f}
          />
          <SelectField
            name="delivery"
            label="获取信息的方式"
            required
            placeholder="请选择"
            options={DELIVERY_CHANNELS.map((d) => [d, DELIVERY_CHANNEL_LABELS[d]] as const)}
            {...f}
          />
        </fieldset>
        <p class="hint">提交即表示您确认所填信息真实。个人信息仅用于办理本申请，列表与日志中均作遮蔽处理。</p>
        <p>
          <button type="submit">提交申请</button>
        </p>
      </form>
    </Layout>,
  );
}
