import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../src/modules/applicants/domain/id-number.ts';
import { testDatabases } from '../support/databases.ts';
import {
  HOSTILE,
  countApplications,
  formSession,
  organisationFields,
  personFields,
  postForm,
  usePortal,
} from './portal-fixture.ts';

const APPLY = '/a/demo-czj/apply';
const APPLY_ORG = '/a/demo-czj/apply?type=organisation';
const long = (n: number) => '字'.repeat(n);

/** [field, bad value, what the Chinese message says] for the natural person's form */
const PERSON_CASES: Array<[string, string, RegExp]> = [
  ['applicant.name', '', /请填写姓名/],
  ['applicant.name', long(101), /姓名不能超过100个字/],
  ['applicant.idType', '军官证', /证件类型不正确/],
  ['applicant.idNumber', '', /请填写证件号码/],
  ['applicant.idNumber', '110105194912310021', /[\u4e00-\u9fff]/],
  ['applicant.phone', '', /请填写联系电话/],
  ['applicant.phone', '12345', /[\u4e00-\u9fff]/],
  ['applicant.email', 'not-an-email', /电子邮箱格式不正确/],
  ['applicant.address', long(201), /通信地址不能超过200个字/],
  ['description', '', /请填写所需政府信息的描述/],
  ['description', long(5001), /不能超过5000个字/],
  ['purpose', long(1001), /用途不能超过1000个字/],
  ['form', '', /请选择获取信息的形式/],
  ['form', 'carrierPigeon', /获取信息的形式不正确/],
  ['delivery', '', /请选择获取信息的方式/],
  ['delivery', 'carrierPigeon', /获取信息的方式不正确/],
];

const ORG_CASES: Array<[string, string, RegExp]> = [
  ['applicant.orgType', '', /请选择单位类型/],
  ['applicant.orgType', 'club', /请选择单位类型/],
  ['applicant.name', '', /请填写单位名称/],
  ['applicant.creditCode', '', /[\u4e00-\u9fff]/],
  ['applicant.creditCode', '91350100M000100Y44', /[\u4e00-\u9fff]/],
  ['applicant.legalRepresentative', long(101), /法定代表人不能超过100个字/],
  ['applicant.contactName', '', /请填写联系人姓名/],
  ['applicant.phone', 'abc', /[\u4e00-\u9fff]/],
  ['applicant.email', 'a@', /电子邮箱格式不正确/],
];

const errorId = (field: string) => `#f-${field.replace(/\./g, '-')}-error`;
const inputId = (field: string) => `#f-${field.replace(/\./g, '-')}`;

describe.each(testDatabases())('applying on the portal ($name)', (target) => {
  const portal = usePortal(target);

  it('shows the form of Art. 29 for a natural person and for an organisation, each field labelled', async () => {
    for (const url of [APPLY, APPLY_ORG]) {
      const res = await portal.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const $ = load(res.body);
      $('input:not([type=hidden]), select, textarea').each((_, el) => {
        const id = $(el).attr('id');
        expect(id, $.html(el)).toBeTruthy();
        expect($(`label[for="${id}"]`).text().trim(), `label of ${id}`).not.toBe('');
      });
      expect($('input[name=_csrf]').val()).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    }
  });

  it('registers a natural person’s application and shows the receipt with code, secret and due date', async () => {
    const before = await countApplications(portal.db);
    const session = await formSession(portal.app, APPLY);
    const res = await postForm(portal.app, APPLY, { ...personFields(), _csrf: session.token }, session);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const $ = load(res.body);
    expect($('[data-testid=tracking-code]').text()).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect($('[data-testid=secret]').text()).toMatch(/^([2-9A-Z]{4}-){3}[2-9A-Z]{4}$/);
    // Art. 33: 20 working days from Monday 2025-03-10, with 清明节 (Friday 2025-04-04) off, end on Tuesday 2025-04-08
    expect($('[data-testid=due-on]').text()).toContain('2025年4月8日');
    expect(await countApplications(portal.db)).toBe(before + 1);
  });

  it('registers an organisation’s application', async () => {
    const before = await countApplications(portal.db);
    const session = await formSession(portal.app, APPLY_ORG);
    const res = await postForm(portal.app, APPLY, { ...organisationFields(), _csrf: session.token }, session);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('申请已提交');
    const row = await portal.db.selectFrom('applications').select(['applicant_type', 'org_credit_code']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toEqual({ applicant_type: 'legalService', org_credit_code: '91350100M000100Y43' });
    expect(await countApplications(portal.db)).toBe(before + 1);
  });

  it.each([...PERSON_CASES.map((c) => ['naturalPerson', ...c] as const), ...ORG_CASES.map((c) => ['organisation', ...c] as const)])(
    '%s: a bad %s is refused with its Chinese message beside the field, and nothing is stored',
    async (kind, field, value, message) => {
      const before = await countApplications(portal.db);
      const session = await formSession(portal.app, kind === 'naturalPerson' ? APPLY : APPLY_ORG);
      const fields = kind === 'naturalPerson' ? personFields({ [field]: value }) : organisationFields({ [field]: value });
      const res = await postForm(portal.app, APPLY, { ...fields, _csrf: session.token }, session);
      expect(res.statusCode).toBe(400);
      const $ = load(res.body);
      expect($(errorId(field)).text()).toMatch(message);
      expect($(inputId(field)).attr('aria-invalid')).toBe('true');
      expect($(inputId(field)).attr('aria-describedby')).toContain(errorId(field).slice(1));
      expect($('#error-summary a[href="' + inputId(field) + '"]').length).toBe(1);
      expect(await countApplications(portal.db)).toBe(before);
    },
  );

  it('shows every problem at once: a missing name and a wrong ID check digit together', async () => {
    const session = await formSession(portal.app, APPLY);
    const res = await postForm(portal.app, APPLY, { ...personFields({ 'applicant.name': '', 'applicant.idNumber': '110105194912310021', 'applicant.phone': '12' }), _csrf: session.token }, session);
    const $ = load(res.body);
    expect($(errorId('applicant.name')).text()).toContain('请填写姓名');
    const idCheck = validateIdNumber('110105194912310021', { today: '2025-03-10' });
    expect(idCheck.ok).toBe(false);
    expect($(errorId('applicant.idNumber')).text()).toBe(`错误：${idCheck.ok ? '' : idCheck.message}`);
    expect($(errorId('applicant.phone')).text()).toMatch(/^错误：\S/);
  });

  it('keeps what was typed and escapes script in every text field when the form comes back', async () => {
    const textFields = ['applicant.name', 'applicant.idNumber', 'applicant.phone', 'applicant.email', 'applicant.address', 'description', 'purpose'];
    const session = await formSession(portal.app, APPLY);
    const hostile = Object.fromEntries(textFields.map((f) => [f, HOSTILE]));
    const res = await postForm(portal.app, APPLY, { ...personFields(hostile), _csrf: session.token }, session);
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('<script>alert');
    const $ = load(res.body);
    for (const f of textFields) expect($(inputId(f)).val() ?? $(inputId(f)).text(), f).toBe(HOSTILE);
  });

  it('refuses a post without a CSRF token or with a wrong one, storing nothing', async () => {
    const before = await countApplications(portal.db);
    const session = await formSession(portal.app, APPLY);
    const missing = await postForm(portal.app, APPLY, personFields(), session);
    const wrong = await postForm(portal.app, APPLY, { ...personFields(), _csrf: 'x'.repeat(32) }, session);
    const noCookie = await postForm(portal.app, APPLY, { ...personFields(), _csrf: session.token }, null);
    for (const res of [missing, wrong, noCookie]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('CSRF 校验失败');
      expect(load(res.body)('#f-applicant-name').val()).toBe('张三');
    }
    expect(await countApplications(portal.db)).toBe(before);
  });

  it('answers 404 in Chinese for an agency that does not exist', async () => {
    const res = await portal.app.inject({ url: '/a/no-such-agency/apply' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('找不到该机关');
    const post = await postForm(portal.app, '/a/no-such-agency/apply', personFields(), null);
    expect(post.statusCode).toBe(404);
  });
});

describe.each(testDatabases())('looking up the status ($name)', (target) => {
  const portal = usePortal(target);

  async function apply(): Promise<{ code: string; secret: string }> {
    const session = await formSession(portal.app, APPLY);
    const $ = load((await postForm(portal.app, APPLY, { ...personFields(), _csrf: session.token }, session)).body);
    return { code: $('[data-testid=tracking-code]').text(), secret: $('[data-testid=secret]').text() };
  }

  it('shows the state and the due date for the right code and secret, hyphens or not', async () => {
    const { code, secret } = await apply();
    const session = await formSession(portal.app, '/status');
    const res = await postForm(portal.app, '/status', { trackingCode: code.toLowerCase(), secret: secret.replace(/-/g, ''), _csrf: session.token }, session);
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    expect($('[data-testid=status-label]').text()).toBe('办理中');
    expect(res.body).toContain('2025年4月8日前');
  });

  it('gives the same answer for a wrong code and for a wrong secret', async () => {
    const { code, secret } = await apply();
    const session = await formSession(portal.app, '/status');
    const wrongCode = await postForm(portal.app, '/status', { trackingCode: 'ZZZZ-ZZZZ-ZZZZ', secret, _csrf: session.token }, session);
    const wrongSecret = await postForm(portal.app, '/status', { trackingCode: code, secret: 'ZZZZZZZZZZZZZZZZ', _csrf: session.token }, session);
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongSecret.statusCode).toBe(404);
    const message = (body: string) => load(body)('#error-summary').text();
    expect(message(wrongCode.body)).toBe(message(wrongSecret.body));
    expect(message(wrongCode.body)).toContain('查询码或查询密码不正确');
  });

  it('names each missing field, escapes what was typed, and refuses a post without CSRF', async () => {
    const session = await formSession(portal.app, '/status');
    const empty = await postForm(portal.app, '/status', { trackingCode: '', secret: '', _csrf: session.token }, session);
    expect(empty.statusCode).toBe(400);
    const $ = load(empty.body);
    expect($('#f-trackingCode-error').text()).toContain('请填写查询码');
    expect($('#f-secret-error').text()).toContain('请填写查询密码');
    const hostile = await postForm(portal.app, '/status', { trackingCode: HOSTILE, secret: 'x', _csrf: session.token }, session);
    expect(hostile.body).not.toContain('<script>alert');
    expect(load(hostile.body)('#f-trackingCode').val()).toBe(HOSTILE);
    const noCsrf = await postForm(portal.app, '/status', { trackingCode: 'A', secret: 'B' }, session);
    expect(noCsrf.statusCode).toBe(403);
    const wrongCsrf = await postForm(portal.app, '/status', { trackingCode: 'A', secret: 'B', _csrf: 'y'.repeat(32) }, session);
    expect(wrongCsrf.statusCode).toBe(403);
  });
});
