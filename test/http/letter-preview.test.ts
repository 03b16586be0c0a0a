/**
 * Letter templates in the office, on SQLite and PostgreSQL: the two letters of deemed abandonment are listed and
 * editable like the others, and the administrator previews an edited (unsaved) template filled with sample values
 * — on the page, escaped, or as a PDF — with nothing stored; a bad placeholder is refused as saving refuses it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { buildServer } from '../../src/http/server.ts';
import { normaliseText } from '../../src/modules/annual-report/domain/labels.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { DEFAULT_TEMPLATES } from '../../src/modules/letters/domain/default-templates.ts';
import { checkTemplate } from '../../src/modules/letters/domain/placeholders.ts';
import { insertUser } from '../factories/user-factory.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { officeLogin, postUrlEncoded } from '../support/office-session.ts';
import { TODAY, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();

describe.each(testDatabases())('letter template preview ($name)', (target) => {
  let handle: TestDatabase;
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let world: PortalWorld;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'gongkai-preview-files-'));
  const names = { admin: `padmin${target.name}`, clerk: `pclerk${target.name}` };
  const stored = async () => ({
    templates: (await db.selectFrom('letter_templates').select('id').execute()).length,
    letters: (await db.selectFrom('letters').select('id').execute()).length,
    audit: (await db.selectFrom('audit_log').select('id').execute()).length,
  });
  const preview = (session: { cookie: string; csrf: string }, kind: string, body: string, format = 'html', csrf = session.csrf) =>
    postUrlEncoded(app, `/office/letters/templates/${kind}/preview`, { _csrf: csrf, agency: String(world.bureau.id), body, format }, session.cookie);

  beforeAll(async () => {
    handle = await target.open();
    db = handle.db;
    world = await seedPortalWorld(db);
    await insertUser(db, [{ agencyId: world.bureau.id, role: 'admin' }], { username: names.admin });
    await insertUser(db, [{ agencyId: world.bureau.id, role: 'clerk' }], { username: names.clerk });
    app = await buildServer({ db, clock: fixedClock(TODAY), calendar, attachmentsDir, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  it('lists the two 视为放弃申请告知书 apart, with their bases, and opens their edit pages with the preview buttons', async () => {
    const s = await officeLogin(app, names.admin);
    const list = await app.inject({ url: `/office/letters/templates?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('视为放弃申请告知书（逾期未补正）');
    expect(list.body).toContain('视为放弃申请告知书（逾期未缴费）');
    expect(list.body).toContain(`/office/letters/templates/feeLapseNotice?agency=${world.bureau.id}`);
    const edit = await app.inject({ url: `/office/letters/templates/supplementLapseNotice?agency=${world.bureau.id}`, headers: { cookie: s.cookie } });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('{{补正期限}}');
    expect(edit.body).toContain('{{通知日期}}');
    expect(edit.body).toContain('formaction="/office/letters/templates/supplementLapseNotice/preview"');
  });

  it('previews the edited text with a sample for every placeholder, escaped, and stores nothing', async () => {
    const s = await officeLogin(app, names.admin);
    const before = await stored();
    const body = `${DEFAULT_TEMPLATES.supplementLapseNotice}\n本局附言：<b>请勿回复</b>`;
    const res = await preview(s, 'supplementLapseNotice', body);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('预览（未保存）');
    expect(res.body).toContain('视为放弃申请告知书');
    expect(res.body).toContain('张三（示例）：'); // the addressee
    expect(res.body).toContain('请您于2025年3月20日前补正');
    expect(res.body).toContain('六十日内向示范市人民政府申请行政复议'); // the agency's own reconsideration body
    expect(res.body).toContain('示范市财政局（盖章）');
    expect(res.body).toContain('2025年3月10日'); // today
    expect(res.body).toContain('本局附言：&lt;b>请勿回复&lt;/b>');
    expect(res.body).not.toContain('<b>请勿回复</b>');
    const sheet = res.body.slice(res.body.indexOf('class="letter-sheet"'), res.body.indexOf('</section>'));
    expect(sheet).toContain('请您于2025年3月20日前补正');
    expect(sheet).not.toMatch(/\{\{|\}\}/);
    // the edited text stays in the form, unsaved
    expect(res.body).toMatch(/<textarea[^>]*>[^<]*本局附言：&lt;b>/);
    expect(await stored()).toEqual(before);
    expect(await db.selectFrom('letter_templates').selectAll().where('agency_id', '=', world.bureau.id).execute()).toEqual([]);
  });

  it.each([
    ['an unknown placeholder', `${DEFAULT_TEMPLATES.feeLapseNotice}{{银行账号}}`, '{{银行账号}}'],
    ['a malformed placeholder', `${DEFAULT_TEMPLATES.feeLapseNotice}{{申请人`, '{{申请人'],
    ['a missing particular', DEFAULT_TEMPLATES.feeLapseNotice.replace(/\{\{缴费期限\}\}/g, ''), '{{缴费期限}}'],
  ])('refuses %s with 400 and the message saving gives, storing nothing', async (_what, body, placeholder) => {
    const s = await officeLogin(app, names.admin);
    const before = await stored();
    const res = await preview(s, 'feeLapseNotice', body);
    const saved = await postUrlEncoded(app, '/office/letters/templates/feeLapseNotice', { _csrf: s.csrf, agency: String(world.bureau.id), body }, s.cookie);
    expect([res.statusCode, saved.statusCode]).toEqual([400, 400]);
    expect(res.body).toContain(placeholder);
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).not.toContain('预览（未保存）');
    const messages = checkTemplate('feeLapseNotice', body).map((p) => p.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(res.body).toContain(m);
      expect(saved.body).toContain(m);
    }
    expect(await stored()).toEqual(before);
  });

  it('a preview is made by POST only: its URL opened directly leads to the edit page', async () => {
    const s = await officeLogin(app, names.admin);
    const res = await app.inject({ url: '/office/letters/templates/reply/preview?text=large', headers: { cookie: s.cookie } });
    expect([res.statusCode, res.headers['location']]).toEqual([303, '/office/letters/templates/reply']);
  });

  it('refuses a preview without the CSRF token, and by a clerk', async () => {
    const admin = await officeLogin(app, names.admin);
    expect((await preview(admin, 'reply', DEFAULT_TEMPLATES.reply, 'html', '')).statusCode).toBe(403);
    const clerk = await officeLogin(app, names.clerk);
    expect((await preview(clerk, 'reply', DEFAULT_TEMPLATES.reply)).statusCode).toBe(403);
    expect((await preview(admin, 'noSuchKind', 'x')).statusCode).toBe(404);
  });

  it('gives the preview as a PDF holding the sample values, storing nothing', async () => {
    const s = await officeLogin(app, names.admin);
    const before = await stored();
    const res = await preview(s, 'feeLapseNotice', DEFAULT_TEMPLATES.feeLapseNotice, 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="letter-preview-feeLapseNotice\.pdf"; filename\*=UTF-8''/);
    const text = normaliseText(execFileSync('pdftotext', ['-', '-'], { input: res.rawPayload }).toString('utf8')).replace(/\s+/g, '');
    expect(text).toContain('视为放弃申请告知书');
    expect(text).toContain('张三(示例)'); // normaliseText makes the brackets half-width
    expect(text).toContain('应缴信息处理费100元');
    expect(await stored()).toEqual(before);
  }, 60_000);
});
