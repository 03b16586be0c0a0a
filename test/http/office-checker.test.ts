/**
 * The supervisor's checker in the back office on SQLite and PostgreSQL: upload several reports (refused files named,
 * the others checked), findings highlighted on the tables, reviews kept and shown again for the same report uploaded
 * as another file format, and every refusal (clerk, CSRF, missing note, tampered form) storing nothing.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { checkReport } from '../../src/modules/annual-report/domain/checks/index.ts';
import { cellKey } from '../../src/modules/annual-report/domain/finding.ts';
import { findingKey } from '../../src/modules/annual-report/domain/review-keys.ts';
import { renderReport } from '../../src/modules/annual-report/render/index.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { buildValidReport, withFault } from '../factories/report-factory.ts';
import { insertUser, TEST_PASSWORD } from '../factories/user-factory.ts';
import { cookieOf, csrfIn } from '../support/office-session.ts';
import { testDatabases, type TestDatabase } from '../support/databases.ts';
import { TODAY, seedPortalWorld, type PortalWorld } from './portal-fixture.ts';

const calendar = loadCalendar();
const GOOD = buildValidReport(7, '2021');
const FAULTY = withFault(withFault(buildValidReport(21, '2021'), 'blankHandledTotalRow', 1), 'remedyTotalWrong', 1);
const OTHER_FAULTY = withFault(buildValidReport(33, '2021'), 'blankHandledTotalRow', 1);

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function multipart(fields: Record<string, string>, files: Array<{ name: string; bytes: Buffer; field?: string }>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field ?? 'files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const req = new Request('http://x/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

describe.each(testDatabases())('the supervisor’s checker in the office ($name)', (target) => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let world: PortalWorld;
  const names = { supervisor: `csuper${target.name}`, clerk: `cclerk${target.name}`, bureauSupervisor: `cbsuper${target.name}` };
  const files: Record<string, Buffer> = {};

  const post = (url: string, fields: Record<string, string>, cookie: string) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, payload: new URLSearchParams(fields).toString() });

  async function login(username: string): Promise<Session> {
    const form = await app.inject({ url: '/office/login' });
    const res = await post('/office/login', { _csrf: csrfIn(form.body), username, password: TEST_PASSWORD, next: '/office' }, cookieOf(form, 'gk_csrf'));
    expect(res.statusCode, res.body).toBe(303);
    const cookie = cookieOf(res, 'gk_session');
    const page = await app.inject({ url: '/office', headers: { cookie } });
    return { cookie, csrf: csrfIn(page.body) };
  }

  async function upload(s: Session, list: Array<{ name: string; bytes: Buffer; field?: string }>, csrf: string | null = s.csrf) {
    const body = await multipart(csrf === null ? {} : { _csrf: csrf }, list);
    return app.inject({ method: 'POST', url: '/office/checker', headers: { cookie: s.cookie, 'content-type': body.contentType }, payload: body.payload });
  }

  /** The review form of the n-th finding of the report section whose file is `source`. */
  function reviewForm($: CheerioAPI, source: string, n = 0): { ticket: string; finding: string } {
    const section = $('section.checked-report').filter((_, el) => $(el).find('h2').text().startsWith(source));
    const form = section.find('form.review').eq(n);
    return { ticket: form.find('input[name=ticket]').val() as string, finding: form.find('input[name=finding]').val() as string };
  }

  const reviews = () => handle.db.selectFrom('finding_reviews').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    handle = await target.open();
    world = await seedPortalWorld(handle.db);
    await insertUser(handle.db, [{ agencyId: world.city.id, role: 'supervisor' }], { username: names.supervisor, display_name: '市政府监督人' });
    await insertUser(handle.db, [{ agencyId: world.city.id, role: 'clerk' }], { username: names.clerk });
    await insertUser(handle.db, [{ agencyId: world.bureau.id, role: 'supervisor' }], { username: names.bureauSupervisor });
    app = await buildServer({ db: handle.db, clock: fixedClock(TODAY), calendar, rateLimit: { capacity: 10_000, refillPerMinute: 10_000 } });
    files['faulty.html'] = await renderReport(FAULTY, 'html');
    files['faulty.txt'] = await renderReport(FAULTY, 'text');
    files['faulty.docx'] = await renderReport(FAULTY, 'docx');
    files['good.txt'] = await renderReport(GOOD, 'text');
    files['other.html'] = await renderReport(OTHER_FAULTY, 'html');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('serves the upload form (several files and a folder) to a supervisor, and refuses a clerk', async () => {
    const s = await login(names.supervisor);
    const res = await app.inject({ url: '/office/checker', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    expect($('form[enctype="multipart/form-data"][action="/office/checker"]').length).toBe(1);
    expect($('input[type=file][multiple][name=files]').length).toBe(1);
    expect($('input[type=file][webkitdirectory][name=folder]').length).toBe(1);
    const clerk = await login(names.clerk);
    expect((await app.inject({ url: '/office/checker', headers: { cookie: clerk.cookie } })).statusCode).toBe(403);
    expect((await upload(clerk, [{ name: 'good.txt', bytes: files['good.txt']! }])).statusCode).toBe(403);
  });

  it('names each oversized or unsupported file in Chinese and still checks the others', async () => {
    const s = await login(names.supervisor);
    const res = await upload(s, [
      { name: 'faulty.html', bytes: files['faulty.html']! },
      { name: 'big.txt', bytes: Buffer.alloc(21 * 1024 * 1024, 0x41) },
      { name: 'setup.exe', bytes: Buffer.from('MZ\x90\x00') },
      { name: 'good.txt', bytes: files['good.txt']!, field: 'folder' },
      { name: 'broken.docx', bytes: Buffer.from('PK\x03\x04 not really a zip') },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const $ = load(res.body);
    const row = (source: string) => $('table.summary tr').filter((_, el) => $(el).attr('data-source') === source);
    expect(row('big.txt').hasClass('refused')).toBe(true);
    expect(row('big.txt').text()).toMatch(/文件过大.*20 MB/);
    expect(row('setup.exe').text()).toMatch(/不支持的文件类型/);
    expect(row('faulty.html').hasClass('checked')).toBe(true);
    const errors = checkReport(FAULTY).filter((f) => f.severity === 'error').length;
    expect(row('faulty.html').find('td').eq(3).text()).toBe(String(errors));
    expect(row('faulty.html').find('.review-state').text()).toBe('未核查');
    expect(row('good.txt').find('td').eq(3).text()).toBe('0');
    expect(row('broken.docx').hasClass('refused')).toBe(true);
    expect(row('broken.docx').text()).toMatch(/未检查：.+/);
    expect($('section.checked-report')).toHaveLength(2);
  });

  it('checks the first files of an upload over the count limit and says the rest were left out', async () => {
    const s = await login(names.supervisor);
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `n${i}.txt`, bytes: Buffer.from(`第${i}份`) }));
    const res = await upload(s, many);
    expect(res.statusCode, res.body).toBe(200);
    const $ = load(res.body);
    expect($('.notice').text()).toContain('一次最多检查 100 个文件');
    expect($('table.summary tbody tr')).toHaveLength(100);
  });

  it('highlights exactly the cells each finding names, linked to the finding, not by colour alone', async () => {
    const s = await login(names.supervisor);
    const $ = load((await upload(s, [{ name: 'faulty.html', bytes: files['faulty.html']! }])).body);
    const findings = checkReport(FAULTY);
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(findings.some((f) => f.cells.length > 1)).toBe(true);
    const flagged = $('td.flagged');
    const all = new Set(findings.flatMap((f) => f.cells.map(cellKey)));
    expect(new Set(flagged.map((_, el) => $(el).attr('data-cell')).get())).toEqual(all);
    $('ol.findings > li').each((i, li) => {
      const id = $(li).attr('id')!;
      const finding = findings.find((f) => findingKey(f) === $(li).attr('data-finding-key'))!;
      const linked = flagged.filter((_, el) => ($(el).attr('aria-describedby') ?? '').split(' ').includes(id));
      expect(new Set(linked.map((_, el) => $(el).attr('data-cell')).get()), finding.code).toEqual(new Set(finding.cells.map(cellKey)));
      linked.each((_, el) => {
        expect($(el).attr('title')).toContain(finding.message);
        expect($(el).find(`a[href="#${id}"]`).text()).toContain(`⚠${i + 1}`);
      });
    });
  });

  it('keeps a dismissal with its note and shows it when the same report comes back as text or DOCX, not for another report', async () => {
    const s = await login(names.supervisor);
    const first = load((await upload(s, [{ name: 'faulty.html', bytes: files['faulty.html']! }])).body);
    const form = reviewForm(first, 'faulty.html');
    const saved = await post('/office/checker/review', { _csrf: s.csrf, ...form, decision: 'dismissed', note: '原件附注已说明，属误报' }, s.cookie);
    expect(saved.statusCode, saved.body).toBe(200);
    const $saved = load(saved.body);
    expect($saved('[role=status]').text()).toMatch(/已保存问题1的核查意见：排除（误报）/);
    expect($saved('li.finding-item').first().find('.review-earlier').text()).toContain('原件附注已说明，属误报');
    const stored = await reviews();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ agency_id: world.city.id, finding_key: form.finding, decision: 'dismissed', note: '原件附注已说明，属误报' });
    const audit = await handle.db.selectFrom('audit_log').select('action').where('agency_id', '=', world.city.id).where('action', '=', 'finding.reviewed').execute();
    expect(audit).toHaveLength(1);

    for (const name of ['faulty.txt', 'faulty.docx']) {
      const $ = load((await upload(s, [{ name, bytes: files[name]! }])).body);
      const item = $('li.finding-item').filter((_, el) => $(el).attr('data-finding-key') === form.finding);
      expect(item.find('.review-earlier').text(), name).toMatch(/已核查：排除（误报）。说明：原件附注已说明，属误报（市政府监督人，\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
      expect($('li.finding-item .review-earlier')).toHaveLength(1);
      expect($('table.summary .review-state').text()).toMatch(/已核查 1\/\d+/);
    }
    const other = load((await upload(s, [{ name: 'other.html', bytes: files['other.html']! }])).body);
    expect(other('li.finding-item').length).toBeGreaterThan(0);
    expect(other('.review-earlier')).toHaveLength(0);
    // Reviews are the reviewing agency's own: the bureau's supervisor sees none on the same report.
    const bureau = await login(names.bureauSupervisor);
    const theirs = load((await upload(bureau, [{ name: 'faulty.html', bytes: files['faulty.html']! }])).body);
    expect(theirs('li.finding-item').length).toBeGreaterThan(0);
    expect(theirs('.review-earlier')).toHaveLength(0);
  });

  it('refuses a review without a note, naming the field, and stores nothing', async () => {
    const s = await login(names.supervisor);
    const $ = load((await upload(s, [{ name: 'faulty.html', bytes: files['faulty.html']! }])).body);
    const form = reviewForm($, 'faulty.html', 1);
    const before = await reviews();
    const res = await post('/office/checker/review', { _csrf: s.csrf, ...form, decision: 'confirmed', note: '  ' }, s.cookie);
    expect(res.statusCode).toBe(400);
    const page = load(res.body);
    const item = page('li.finding-item').filter((_, el) => page(el).attr('data-finding-key') === form.finding);
    expect(item.find('.field-error').text()).toContain('请填写说明');
    expect(item.find('textarea[name=note]').attr('aria-invalid')).toBe('true');
    expect(item.find('input[name=decision][value=confirmed]').attr('checked')).toBeDefined();
    expect(await reviews()).toEqual(before);
  });

  it('refuses a review or an upload without the CSRF token or a session, a plain form post, and a clerk’s review, storing nothing', async () => {
    const s = await login(names.supervisor);
    const $ = load((await upload(s, [{ name: 'faulty.html', bytes: files['faulty.html']! }])).body);
    const form = reviewForm($, 'faulty.html', 1);
    const before = await reviews();
    expect((await post('/office/checker/review', { ...form, decision: 'confirmed', note: '确有错误' }, s.cookie)).statusCode).toBe(403);
    expect((await upload(s, [{ name: 'faulty.html', bytes: files['faulty.html']! }], null)).statusCode).toBe(403);
    const anonymous = await upload({ cookie: '', csrf: s.csrf }, [{ name: 'faulty.html', bytes: files['faulty.html']! }]);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/office\/login/);
    const plain = await post('/office/checker', { _csrf: s.csrf }, s.cookie);
    expect(plain.statusCode).toBe(400);
    expect(load(plain.body)('[role=alert]').text()).toContain('multipart/form-data');
    const clerk = await login(names.clerk);
    expect((await post('/office/checker/review', { _csrf: clerk.csrf, ...form, decision: 'confirmed', note: '确有错误' }, clerk.cookie)).statusCode).toBe(403);
    expect(await reviews()).toEqual(before);
  });

  it('refuses a tampered ticket, a forged finding key and another session’s ticket with a field error, storing nothing', async () => {
    const s = await login(names.supervisor);
    const $ = load((await upload(s, [{ name: 'faulty.html', bytes: files['faulty.html']! }])).body);
    const form = reviewForm($, 'faulty.html', 1);
    const before = await reviews();
    const [body, sig] = form.ticket.split('.') as [string, string];
    const flipped = `${body.slice(0, 40)}${body[40] === 'A' ? 'B' : 'A'}${body.slice(41)}.${sig}`;
    const tampered = await post('/office/checker/review', { _csrf: s.csrf, ticket: flipped, finding: form.finding, decision: 'confirmed', note: '确有错误' }, s.cookie);
    expect(tampered.statusCode).toBe(400);
    expect(load(tampered.body)('[role=alert]').text()).toContain('ticket');
    const forged = await post('/office/checker/review', { _csrf: s.csrf, ticket: form.ticket, finding: 'cells.text|proactive.rules.issued|[null,null]', decision: 'confirmed', note: '确有错误' }, s.cookie);
    expect(forged.statusCode).toBe(400);
    expect(load(forged.body)('[role=alert]').text()).toContain('finding');
    // A supervisor of the bureau holds its own session: the city supervisor's ticket is worth nothing there.
    const other = await login(names.bureauSupervisor);
    const replay = await post('/office/checker/review', { _csrf: other.csrf, ...form, decision: 'confirmed', note: '确有错误' }, other.cookie);
    expect(replay.statusCode).toBe(400);
    expect(await reviews()).toEqual(before);
  });
});
