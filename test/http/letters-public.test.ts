/**
 * The applicant's letters on the public status page, on SQLite and PostgreSQL: listed after the look-up with the
 * tracking code and secret, downloaded by a POST carrying them again; a wrong secret, a letter id alone, another
 * application's letter and a letter addressed to a third party are all refused.
 */
import { execFileSync } from 'node:child_process';
import { load } from 'cheerio';
import JSZip from 'jszip';
import { describe, expect, it, beforeAll } from 'vitest';
import { normaliseText } from '../../src/modules/annual-report/domain/labels.ts';
import type { StaffActor } from '../../src/modules/accounts/policy.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { recordConsultationAnswer } from '../../src/modules/applications/use-cases/record-consultation-answer.ts';
import { registerApplication } from '../../src/modules/applications/use-cases/register-application.ts';
import { reply } from '../../src/modules/applications/use-cases/reply.ts';
import { startConsultation } from '../../src/modules/applications/use-cases/start-consultation.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { issuePendingLetters } from '../../src/modules/letters/use-cases/issue-pending-letters.ts';
import { insertUser } from '../factories/user-factory.ts';
import { testDatabases } from '../support/databases.ts';
import { TODAY, VALID_ID, formSession, postForm, usePortal } from './portal-fixture.ts';

const calendar = loadCalendar();
const clock = fixedClock(TODAY);
const form = (description: string) => ({ applicant: { type: 'naturalPerson', name: '李四', idNumber: VALID_ID, phone: '13812345678' }, description, form: 'electronic', delivery: 'email' });

describe.each(testDatabases())('the applicant downloads his letters ($name)', (target) => {
  const portal = usePortal(target);
  let code = '';
  let secret = '';
  let replyLetter = 0;
  let thirdPartyLetter = 0;
  let otherLetter = 0;

  beforeAll(async () => {
    const { db, world } = portal;
    const clerk: StaffActor = (await insertUser(db, [{ agencyId: world.bureau.id, role: 'clerk' }], { username: `pclerk${target.name}` })).actor;
    const ctx = { db, actor: clerk, clock, calendar };
    const apply = (description: string) => registerApplication({ db, actor: { kind: 'public' }, clock, calendar }, { agencyId: world.bureau.id, form: form(description) });
    const mine = await apply('2024年政府采购合同');
    code = mine.trackingCode;
    secret = mine.secret;
    await startConsultation(ctx, { applicationId: mine.applicationId, party: 'thirdParty', partyName: '某某建设有限公司' });
    await recordConsultationAnswer(ctx, { applicationId: mine.applicationId, answer: 'refusal' });
    await reply(ctx, { applicationId: mine.applicationId, outcome: 'partlyDisclosed', legalBasis: '《条例》第三十七条' });
    const issued = (await issuePendingLetters(ctx, { applicationId: mine.applicationId })).issued;
    replyLetter = issued.find((l) => l.kind === 'reply')!.id;
    thirdPartyLetter = issued.find((l) => l.kind === 'consultationRequest')!.id;
    const other = await apply('别人的申请');
    await reply(ctx, { applicationId: other.applicationId, outcome: 'disclosed', legalBasis: '《条例》第三十六条' });
    otherLetter = (await issuePendingLetters(ctx, { applicationId: other.applicationId })).issued[0]!.id;
  });

  const download = async (letterId: number, fields: Record<string, string>) => {
    const session = await formSession(portal.app, '/status');
    return postForm(portal.app, `/status/letters/${letterId}`, { _csrf: session.token, ...fields }, session);
  };

  it('lists the letters addressed to him after the look-up, never the third party’s', async () => {
    const session = await formSession(portal.app, '/status');
    const res = await postForm(portal.app, '/status', { _csrf: session.token, trackingCode: code, secret }, session);
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    const section = $('section[aria-labelledby="letters-heading"]');
    expect(section.text()).toContain('政府信息公开申请答复书');
    expect(section.text()).not.toContain('征求第三方意见书');
    expect(section.find(`form[action="/status/letters/${replyLetter}"]`)).toHaveLength(1);
    expect(section.find(`form[action="/status/letters/${thirdPartyLetter}"]`)).toHaveLength(0);
  });

  it('downloads the reply as PDF and as DOCX with the right text', async () => {
    const pdf = await download(replyLetter, { trackingCode: code, secret, format: 'pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(String(pdf.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent(`政府信息公开申请答复书-${code}.pdf`)}`);
    const text = normaliseText(execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString('utf8')).replace(/\s+/g, '');
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('部分公开');

    const docx = await download(replyLetter, { trackingCode: code.toLowerCase(), secret, format: 'docx' });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('办理结果：部分公开（《条例》第三十七条）。');
  }, 60_000);

  it.each([
    ['a wrong secret', () => ({ id: replyLetter, fields: { trackingCode: code, secret: 'WRONGSECRET12345', format: 'pdf' } })],
    ['the letter id alone', () => ({ id: replyLetter, fields: { format: 'pdf' } })],
    ['another application’s letter', () => ({ id: otherLetter, fields: { trackingCode: code, secret, format: 'pdf' } })],
    ['the letter to the third party', () => ({ id: thirdPartyLetter, fields: { trackingCode: code, secret, format: 'docx' } })],
  ])('refuses %s with 404 and no file', async (_what, make) => {
    const { id, fields } = make();
    const res = await download(id, fields);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('refuses a download without the form’s CSRF token, and an unknown format', async () => {
    const session = await formSession(portal.app, '/status');
    const noCsrf = await postForm(portal.app, `/status/letters/${replyLetter}`, { trackingCode: code, secret, format: 'pdf' }, session);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.headers['content-disposition']).toBeUndefined();
    expect((await download(replyLetter, { trackingCode: code, secret, format: 'exe' })).statusCode).toBe(400);
  });
});
