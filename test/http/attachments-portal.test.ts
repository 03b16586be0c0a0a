/**
 * Attachments on the portal, on SQLite and PostgreSQL: a published item's page lists its attachments (name, type,
 * size, download link) and each downloads with its checked type, as an attachment, never sniffed; an attachment of
 * a draft, of another agency's item, of another item, of an application, or an unknown one is 404.
 */
import { load } from 'cheerio';
import { describe, expect, it, beforeAll } from 'vitest';
import { DiskAttachmentStore } from '../../src/modules/attachments/disk-attachment-store.ts';
import { addAttachment } from '../../src/modules/attachments/use-cases/add-attachment.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.ts';
import { testDatabases } from '../support/databases.ts';
import { MAX_UPLOAD, PDF, useAttachmentsWorld } from './attachments-fixture.ts';
import { HOSTILE, TODAY } from './portal-fixture.ts';

const calendar = loadCalendar();
const TEXT = Buffer.from('附件说明：预算表见正文。\n'.repeat(100));

describe.each(testDatabases())('attachments on the portal ($name)', (target) => {
  const w = useAttachmentsWorld(target, 'portal');
  const ids = { budgetPdf: 0, budgetText: 0, hostile: 0, draft: 0, city: 0, application: 0 };

  beforeAll(async () => {
    const bureau = w.world.bureau.id;
    const city = w.world.city.id;
    const editor = { kind: 'staff', userId: 1, name: '编辑', roles: [{ agencyId: bureau, role: 'clerk' }, { agencyId: city, role: 'clerk' }] } as const;
    const ctx = { db: w.db, actor: editor, clock: fixedClock(TODAY), calendar, store: new DiskAttachmentStore(w.dir), maxBytes: MAX_UPLOAD };
    const add = async (ownerKind: 'application' | 'catalogueItem', ownerId: number, filename: string, mime: string, bytes: Uint8Array) =>
      (await addAttachment(ctx, { ownerKind, ownerId, filename, mime, bytes })).id;
    ids.budgetPdf = await add('catalogueItem', w.world.items.budget, '2025年部门预算表.pdf', 'application/pdf', PDF);
    ids.budgetText = await add('catalogueItem', w.world.items.budget, '说明 (定稿).txt', 'text/plain', TEXT);
    ids.hostile = await add('catalogueItem', w.world.items.hostile, `${HOSTILE}.pdf`, 'application/pdf', PDF);
    ids.draft = await add('catalogueItem', w.world.items.draft, '草稿附件.pdf', 'application/pdf', PDF);
    ids.city = await add('catalogueItem', w.cityItemId, '政府工作报告.pdf', 'application/pdf', PDF);
    ids.application = await add('application', w.applicationId, '申请材料.pdf', 'application/pdf', PDF);
  });

  const itemUrl = (itemId: number) => `/a/demo-czj/items/${itemId}`;
  const fileUrl = (itemId: number, attachmentId: number | string, code = 'demo-czj') => `/a/${code}/items/${itemId}/attachments/${attachmentId}`;

  it("lists a published item's attachments: name, type, size and a download link", async () => {
    const res = await w.app.inject({ url: itemUrl(w.world.items.budget) });
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    const rows = $('#attachments-heading').parent().find('li');
    expect(rows.length).toBe(2);
    const first = rows.eq(0);
    expect(first.find('a').text()).toBe('2025年部门预算表.pdf');
    expect(first.find('a').attr('href')).toBe(fileUrl(w.world.items.budget, ids.budgetPdf));
    expect(first.text()).toContain('PDF');
    expect(first.text()).toContain('1 KB');
    const second = rows.eq(1);
    expect(second.find('a').text()).toBe('说明 (定稿).txt');
    expect(second.text()).toContain('纯文本');
    expect(second.text()).toContain(`${Math.round(TEXT.length / 1024)} KB`);
  });

  it('an item without attachments shows no attachments section', async () => {
    const res = await w.app.inject({ url: itemUrl(w.world.items.procurement) });
    expect(res.statusCode).toBe(200);
    expect(load(res.body)('#attachments-heading').length).toBe(0);
  });

  it('downloads with the checked type, as an attachment named in RFC 5987, never sniffed', async () => {
    const res = await w.app.inject({ url: fileUrl(w.world.items.budget, ids.budgetPdf) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('2025年部门预算表.pdf');
    expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    const text = await w.app.inject({ url: fileUrl(w.world.items.budget, ids.budgetText) });
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(String(text.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(Buffer.compare(text.rawPayload, TEXT)).toBe(0);
  });

  it("prints a hostile file name as text, never as markup, and keeps the header's quoting intact", async () => {
    const page = await w.app.inject({ url: itemUrl(w.world.items.hostile) });
    expect(page.body).not.toContain(HOSTILE);
    expect(load(page.body)('#attachments-heading').parent().find('a').first().text()).toBe(`${HOSTILE}.pdf`);
    const file = await w.app.inject({ url: fileUrl(w.world.items.hostile, ids.hostile) });
    expect(file.statusCode).toBe(200);
    const disposition = String(file.headers['content-disposition']);
    expect(disposition.match(/"/g)?.length).toBe(2);
    expect(disposition).not.toMatch(/[<>\r\n]/);
  });

  it('is 404 for an unpublished item, another agency, another item, an application, an unknown or malformed id', async () => {
    const refused = [
      fileUrl(w.world.items.draft, ids.draft),
      fileUrl(w.cityItemId, ids.city),
      fileUrl(w.world.items.budget, ids.city),
      fileUrl(w.world.items.procurement, ids.budgetPdf),
      fileUrl(w.world.items.budget, ids.application),
      fileUrl(w.world.items.budget, 999_999),
      fileUrl(999_999, ids.budgetPdf),
      fileUrl(w.world.items.budget, 'abc'),
      fileUrl(w.world.items.budget, ids.budgetPdf, 'no-such-agency'),
    ];
    for (const url of refused) {
      const res = await w.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).not.toContain('%PDF');
    }
    // the draft's page itself is not public either, and the other agency's item is served only under its own address
    expect((await w.app.inject({ url: itemUrl(w.world.items.draft) })).statusCode).toBe(404);
    expect((await w.app.inject({ url: fileUrl(w.cityItemId, ids.city, 'demo-city') })).statusCode).toBe(200);
  });
});
