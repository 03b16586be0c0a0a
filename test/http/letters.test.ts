/**
 * Letters (告知书) in the back office, on SQLite and PostgreSQL: issued by the workflow steps and frozen, each kind
 * citing its article and the remedies where due; agency templates edited by the administrator (bad placeholders
 * refused, nothing stored; issued letters unchanged); DOCX and PDF downloads scoped to the agency.
 */
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import type { StaffActor } from '../../src/modules/accounts/policy.ts';
import { normaliseText } from '../../src/modules/annual-report/domain/labels.ts';
import { approveExtension } from '../../src/modules/applications/use-cases/approve-extension.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { issueFeeNotice } from '../../src/modules/applications/use-cases/issue-fee-notice.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { reply } from '../../src/modules/applications/use-cases/reply.ts';
import { startConsultation } from '../../src/modules/applications/use-cases/start-consultation.ts';
import { withdraw } from '../../src/modules/applications/use-cases/withdraw.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { issuePendingLetters } from '../../src/modules/letters/use-cases/issue-pending-letters.ts';
import { insertUser, TEST_PASSWORD } from '../factories/user-factory.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { TODAY, VALID_ID, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();
const clock = fixedClock(TODAY);
const OUTCOMES_THIRD_PARTY = '办理结果：保护第三方合法权益（《条例》第十五条、《条例》第三十二条）。';

function cookieOf(res: { headers: Record<string, unknown> }, name: string): string {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';
}

async function post(app: FastifyInstance, url: string, fields: Record<string, string>, cookie: string) {
  return app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, payload: new URLSearchParams(fields).toString() });
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function login(app: FastifyInstance, username: string): Promise<Session> {
  const form = await app.inject({ url: '/office/login' });
  const csrf0 = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const res = await post(app, '/office/login', { _csrf: csrf0, username, password: TEST_PASSWORD, next: '/office' }, cookieOf(form, 'gk_csrf'));
  expect(res.statusCode, res.body).toBe(303);
  const cookie = cookieOf(res, 'gk_session');
  const page = await app.inject({ url: '/office', headers: { cookie } });
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' };
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

function pdfText(bytes: Buffer): string {
  return normaliseText(execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8'));
}

const form = (description: string) => ({ applicant: { type: 'naturalPerson', name: '张三', idNumber: VALID_ID, phone: '13812345678' }, description, form: 'paper', delivery: 'post' });

describe.each(testDatabases())('letters in the office ($name)', (target) => {
  let handle: TestDatabase;
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let world: PortalWorld;
  let clerk: StaffActor;
  let reviewer: StaffActor;
  const names = { clerk: '', admin: '', cityClerk: '', cityAdmin: '' };
  const ctxOf = (actor: StaffActor) => ({ db, actor, clock, calendar });
  const newApplication = async (description = '2024年部门决算', agencyId = world.bureau.id) =>
    (await registerApplication({ db, actor: { kind: 'public' }, clock, calendar }, { agencyId, form: form(description) })).applicationId;
  const lettersOf = (applicationId: number) => db.selectFrom('letters').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  const templateCount = async () => Number((await db.selectFrom('letter_templates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    handle = await target.open();
    db = handle.db;
    world = await seedPortalWorld(db);
    const b = world.bureau.id;
    const s = target.name;
    Object.assign(names, { clerk: `lclerk${s}`, admin: `ladmin${s}`, cityClerk: `lcityclerk${s}`, cityAdmin: `lcityadmin${s}` });
    clerk = (await insertUser(db, [{ agencyId: b, role: 'clerk' }], { username: names.clerk })).actor;
    reviewer = (await insertUser(db, [{ agencyId: b, role: 'reviewer' }], { username: `lreviewer${s}` })).actor;
    await insertUser(db, [{ agencyId: b, role: 'admin' }], { username: names.admin });
    await insertUser(db, [{ agencyId: world.city.id, role: 'clerk' }], { username: names.cityClerk });
    await insertUser(db, [{ agencyId: world.city.id, role: 'admin' }], { username: names.cityAdmin });
    app = await buildServer({ db, clock, calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  describe('issuing', () => {
    it('a workflow step in the office issues its letter, frozen, with an audit entry', async () => {
      const id = await newApplication();
      const s = await login(app, names.clerk);
      const res = await post(app, `/office/applications/${id}/request-supplement`, { _csrf: s.csrf, whatIsMissing: '请写明文件的名称或文号', termEnds: '2025-03-20' }, s.cookie);
      expect(res.statusCode, res.body).toBe(303);
      const letters = await lettersOf(id);
      expect(letters.map((l) => [l.kind, l.title, l.issued_on])).toEqual([['supplementNotice', '补正申请告知书', TODAY]]);
      expect(letters[0]!.body).toContain('第三十条');
      expect(letters[0]!.body).toContain('请写明文件的名称或文号');
      expect(letters[0]!.body).toContain('2025年3月20日前');
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'letter.issued').where('subject', '=', `letter:${letters[0]!.id}`).execute();
      expect(audit).toHaveLength(1);
      const page = await app.inject({ url: `/office/applications/${id}/letters`, headers: { cookie: s.cookie } });
      expect(page.body).toContain(`/office/applications/${id}/letters/${letters[0]!.id}.docx`);
      expect(page.body).toContain(`/office/applications/${id}/letters/${letters[0]!.id}.pdf`);
    });

    it('is idempotent: a second call issues nothing', async () => {
      const id = await newApplication();
      await reply(ctxOf(clerk), { applicationId: id, outcome: 'disclosed', legalBasis: '《条例》第三十六条第（二）项' });
      expect((await issuePendingLetters(ctxOf(clerk), { applicationId: id })).issued).toHaveLength(1);
      expect((await issuePendingLetters(ctxOf(clerk), { applicationId: id })).issued).toEqual([]);
      expect(await lettersOf(id)).toHaveLength(1);
    });

    it('each kind cites its article, and the fee notice and the reply state the remedies (Art. 51)', async () => {
      const consulted = await newApplication();
      await startConsultation(ctxOf(clerk), { applicationId: consulted, party: 'thirdParty', partyName: '某某商贸有限公司' });
      const extended = await newApplication();
      await approveExtension(ctxOf(reviewer), { applicationId: extended, workingDays: 10, reason: '需要调取档案' });
      const charged = await newApplication();
      await issueFeeNotice(ctxOf(clerk), { applicationId: charged, noticeReceivedOn: TODAY, charge: { standard: 'perVolume', pages: 40 } });
      const withdrawn = await newApplication();
      await withdraw(ctxOf(clerk), { applicationId: withdrawn });
      const replied = await newApplication();
      await reply(ctxOf(clerk), { applicationId: replied, outcome: 'withheld.thirdParty', legalBasis: '《条例》第十五条' });
      const expected: Array<[number, string, string[], boolean]> = [
        [consulted, 'consultationRequest', ['第三十二条', '某某商贸有限公司：', '15个工作日'], false],
        [extended, 'extensionNotice', ['第三十三条第二款', '延长10个工作日', '需要调取档案'], false],
        [charged, 'feeNotice', ['第四十二条', '国办函〔2020〕109号', '应缴金额：100元'], true],
        [withdrawn, 'withdrawalConfirmation', ['撤回该申请'], false],
        [replied, 'reply', ['保护第三方合法权益', '《条例》第十五条', '《条例》第三十二条', OUTCOMES_THIRD_PARTY], true],
      ];
      for (const [id, kind, words, remedies] of expected) {
        await issuePendingLetters(ctxOf(clerk), { applicationId: id });
        const [letter, ...more] = await lettersOf(id);
        expect(more).toEqual([]);
        expect(letter!.kind).toBe(kind);
        for (const w of words) expect(letter!.body, kind).toContain(w);
        // a department's reconsideration goes to its government (行政复议法 第二十四条)
        if (remedies) for (const w of ['第五十一条', '六十日内向示范市人民政府申请行政复议', '六个月内', '行政诉讼']) expect(letter!.body, kind).toContain(w);
        else expect(letter!.body, kind).not.toContain('行政复议');
        expect(letter!.body.endsWith(`示范市财政局（盖章）\n2025年3月10日`)).toBe(true);
      }
      // Art. 32: the third party's letter does not name the applicant
      expect((await lettersOf(consulted))[0]!.body).not.toContain('张三');
    });

    it('refuses issuing to someone who may not handle the application, issuing nothing', async () => {
      const id = await newApplication();
      await reply(ctxOf(clerk), { applicationId: id, outcome: 'disclosed', legalBasis: '《条例》第三十六条' });
      const outsider: StaffActor = { kind: 'staff', userId: 999, name: '外单位', roles: [{ agencyId: world.city.id, role: 'clerk' }] };
      await expect(issuePendingLetters(ctxOf(outsider), { applicationId: id })).rejects.toMatchObject({ code: 'access.denied' });
      expect(await lettersOf(id)).toEqual([]);
    });
  });

  describe('templates', () => {
    it('the administrator edits the reply template: new letters change, issued ones do not; reset restores the default', async () => {
      const before = await newApplication();
      await reply(ctxOf(clerk), { applicationId: before, outcome: 'disclosed', legalBasis: '《条例》第三十六条第（二）项' });
      await issuePendingLetters(ctxOf(clerk), { applicationId: before });
      const frozen = (await lettersOf(before))[0]!.body;

      const s = await login(app, names.admin);
      const list = await app.inject({ url: '/office/letters/templates', headers: { cookie: s.cookie } });
      expect(list.statusCode).toBe(200);
      for (const title of ['补正申请告知书', '征求第三方意见书', '延长答复期限告知书', '收费通知书', '政府信息公开申请答复书', '撤回申请确认书']) expect(list.body).toContain(title);
      const edit = await app.inject({ url: `/office/letters/templates/reply?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
      expect(edit.statusCode).toBe(200);
      expect(edit.body).toContain('{{答复内容}}');
      const body = '{{申请人}}：\n本局特别说明：{{答复内容}}\n结果：{{答复结果}}；依据：{{法律依据}}。\n不服的，可以申请行政复议或者提起行政诉讼。';
      const saved = await post(app, '/office/letters/templates/reply', { _csrf: s.csrf, agency: String(world.bureau.id), body }, s.cookie);
      expect(saved.statusCode, saved.body).toBe(303);

      const after = await newApplication();
      await reply(ctxOf(clerk), { applicationId: after, outcome: 'disclosed', legalBasis: '《条例》第三十六条第（二）项' });
      await issuePendingLetters(ctxOf(clerk), { applicationId: after });
      expect((await lettersOf(after))[0]!.body).toContain('本局特别说明');
      expect((await lettersOf(before))[0]!.body).toBe(frozen);
      expect(frozen).not.toContain('本局特别说明');

      expect((await post(app, '/office/letters/templates/reply/reset', { _csrf: s.csrf, agency: String(world.bureau.id) }, s.cookie)).statusCode).toBe(303);
      expect(await db.selectFrom('letter_templates').selectAll().where('agency_id', '=', world.bureau.id).execute()).toEqual([]);
      const actions = (await db.selectFrom('audit_log').select('action').where('agency_id', '=', world.bureau.id).execute()).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['letter.templateUpdated', 'letter.templateReset']));
    });

    it.each([
      ['an unknown placeholder', '{{申请人}}：{{补正事项}}{{补正期限}}{{银行账号}}', '{{银行账号}}'],
      ['a placeholder of another kind', '{{申请人}}：{{补正事项}}{{补正期限}}{{收费金额}}', '{{收费金额}}'],
      ['a malformed placeholder', '{{申请人：{{补正事项}}{{补正期限}}', '{{申请人：'],
    ])('refuses %s, naming the field and the placeholder, and stores nothing', async (_what, body, placeholder) => {
      const s = await login(app, names.admin);
      const count = await templateCount();
      const res = await post(app, '/office/letters/templates/supplementNotice', { _csrf: s.csrf, agency: String(world.bureau.id), body }, s.cookie);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('模板正文');
      expect(res.body).toContain(placeholder);
      expect(res.body).toContain('aria-invalid="true"');
      expect(await templateCount()).toBe(count);
    });

    it('refuses a reply template without the remedies, and a post without the CSRF token', async () => {
      const s = await login(app, names.admin);
      const count = await templateCount();
      const noRemedies = await post(app, '/office/letters/templates/reply', { _csrf: s.csrf, agency: String(world.bureau.id), body: '{{答复内容}}{{答复结果}}{{法律依据}}' }, s.cookie);
      expect(noRemedies.statusCode).toBe(400);
      expect(noRemedies.body).toContain('第五十一条');
      const noCsrf = await post(app, '/office/letters/templates/reply', { agency: String(world.bureau.id), body: '任意' }, s.cookie);
      expect(noCsrf.statusCode).toBe(403);
      expect(await templateCount()).toBe(count);
    });

    it("refuses a clerk, and another agency's administrator, storing nothing", async () => {
      const count = await templateCount();
      const c = await login(app, names.clerk);
      expect((await app.inject({ url: '/office/letters/templates', headers: { cookie: c.cookie } })).statusCode).toBe(403);
      const ok = `{{申请人}}：{{补正事项}}{{补正期限}}`;
      expect((await post(app, '/office/letters/templates/supplementNotice', { _csrf: c.csrf, agency: String(world.bureau.id), body: ok }, c.cookie)).statusCode).toBe(403);
      const other = await login(app, names.cityAdmin);
      expect((await post(app, '/office/letters/templates/supplementNotice', { _csrf: other.csrf, agency: String(world.bureau.id), body: ok }, other.cookie)).statusCode).toBe(403);
      expect((await app.inject({ url: `/office/letters/templates/supplementNotice?agency=${world.bureau.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(403);
      expect(await templateCount()).toBe(count);
    });
  });

  describe('downloads', () => {
    let applicationId = 0;
    let letterId = 0;
    beforeAll(async () => {
      applicationId = await newApplication('2024年部门决算及说明');
      await reply(ctxOf(clerk), { applicationId, outcome: 'unavailable.notHeld', legalBasis: '《条例》第三十六条第（四）项' });
      letterId = (await issuePendingLetters(ctxOf(clerk), { applicationId })).issued[0]!.id;
    });

    it('gives the DOCX with an RFC 5987 file name; it opens and holds the frozen text', async () => {
      const s = await login(app, names.clerk);
      const res = await app.inject({ url: `/office/applications/${applicationId}/letters/${letterId}.docx`, headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const disposition = String(res.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="letter-\d+\.docx"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^政府信息公开申请答复书-[A-Z0-9]{12}\.docx$/);
      const text = await docxText(res.rawPayload);
      expect(text).toContain('政府信息公开申请答复书');
      expect(text).toContain('本机关不掌握相关政府信息');
      expect(text).toContain('示范市财政局（盖章）');
    });

    it('gives the PDF whose text holds the title', async () => {
      const s = await login(app, names.clerk);
      const res = await app.inject({ url: `/office/applications/${applicationId}/letters/${letterId}.pdf`, headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(res.rawPayload).replace(/\s+/g, '');
      expect(text).toContain('政府信息公开申请答复书');
      expect(text).toContain('行政复议');
    }, 60_000);

    it("refuses another agency's clerk, a letter under another application, and an unknown format", async () => {
      const other = await login(app, names.cityClerk);
      expect((await app.inject({ url: `/office/applications/${applicationId}/letters/${letterId}.docx`, headers: { cookie: other.cookie } })).statusCode).toBe(403);
      const s = await login(app, names.clerk);
      const elsewhere = await newApplication();
      expect((await app.inject({ url: `/office/applications/${elsewhere}/letters/${letterId}.docx`, headers: { cookie: s.cookie } })).statusCode).toBe(404);
      expect((await app.inject({ url: `/office/applications/${applicationId}/letters/${letterId}.exe`, headers: { cookie: s.cookie } })).statusCode).toBe(404);
      expect((await app.inject({ url: `/office/applications/${applicationId}/letters/${letterId}.docx` })).statusCode).toBe(303); // not signed in
    });
  });
});
