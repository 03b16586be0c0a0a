/**
 * Attachments in the back office, on SQLite and PostgreSQL: a clerk uploads to a catalogue item (draft, in review,
 * published — audited) and to an application through a multipart form, sees the list and downloads; every refusal
 * (too large, a type not accepted, a PDF name on other bytes, empty, no file, not multipart, missing CSRF, another
 * agency's record, a role that may not add) is shown with a 4xx status and stores nothing: no row, no file.
 */
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { officeLogin, postUrlEncoded, type OfficeSession } from '../support/office-session.ts';
import { EXE, MAX_UPLOAD, PDF, multipartBody, storesNothing, useAttachmentsWorld, type FilePart } from './attachments-fixture.ts';

/** The error shown beside the file input (and its summary above). */
function fileError(body: string): string {
  const $ = load(body);
  return $('#f-file').closest('.field').find('.field-error').text().trim();
}

describe.each(testDatabases())('attachments in the office ($name)', (target) => {
  const w = useAttachmentsWorld(target, 'office');
  let clerk: OfficeSession;
  let reviewer: OfficeSession;
  let admin: OfficeSession;
  let cityClerk: OfficeSession;
  let supervisor: OfficeSession;

  beforeAll(async () => {
    clerk = await officeLogin(w.app, w.users.clerk);
    reviewer = await officeLogin(w.app, w.users.reviewer);
    admin = await officeLogin(w.app, w.users.admin);
    cityClerk = await officeLogin(w.app, w.users.cityClerk);
    supervisor = await officeLogin(w.app, w.users.supervisor);
  });

  const upload = (url: string, session: OfficeSession, files: readonly FilePart[], csrf: string | null = session.csrf) => {
    const body = multipartBody(csrf === null ? {} : { _csrf: csrf }, files);
    return w.app.inject({ method: 'POST', url, headers: { ...body.headers, cookie: session.cookie }, payload: body.payload });
  };
  const itemUpload = (id: number) => `/office/catalogue/items/${id}/attachments`;
  const applicationUpload = (id: number) => `/office/applications/${id}/attachments`;
  const pdf = (filename = '答复书.pdf'): FilePart => ({ filename, mime: 'application/pdf', bytes: PDF });


  function addedId(location: unknown, path: string): number {
    const m = new RegExp(`^${path}\\?attached=(\\d+)#attachments$`).exec(String(location));
    expect(m, String(location)).not.toBeNull();
    return Number(m![1]);
  }

  describe('a catalogue item', () => {
    it('offers the upload form (multipart, with the CSRF field) to a clerk, and not to an admin or a supervisor', async () => {
      const url = `/office/catalogue/items/${w.world.items.draft}`;
      const page = load((await w.app.inject({ url, headers: { cookie: clerk.cookie } })).body);
      const form = page(`form[action="${itemUpload(w.world.items.draft)}"]`);
      expect(form.attr('enctype')).toBe('multipart/form-data');
      expect(form.find('input[name="_csrf"]').attr('value')).toBe(clerk.csrf);
      expect(form.find('input[type="file"][name="file"]').length).toBe(1);
      expect(form.text()).toContain('每个文件不超过 1 MB');
      for (const session of [admin, supervisor]) {
        const res = await w.app.inject({ url, headers: { cookie: session.cookie } });
        expect(res.statusCode).toBe(200);
        expect(load(res.body)(`form[action="${itemUpload(w.world.items.draft)}"]`).length).toBe(0);
        expect(res.body).toContain('尚无附件');
      }
    });

    it('a clerk uploads a PDF to a draft: 303 back to the item, listed with a download link, downloaded as sent', async () => {
      const path = `/office/catalogue/items/${w.world.items.draft}`;
      const res = await upload(itemUpload(w.world.items.draft), clerk, [pdf('预算草稿附表.pdf')]);
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      const id = addedId(res.headers.location, path);
      const page = await w.app.inject({ url: `${path}?attached=${id}`, headers: { cookie: clerk.cookie } });
      const $ = load(page.body);
      expect($('#attachments [role="status"]').text()).toContain('已上传附件：预算草稿附表.pdf');
      const link = $(`#attachments a[href="/office/attachments/${id}"]`);
      expect(link.text()).toBe('预算草稿附表.pdf');
      expect(link.closest('tr').text()).toContain('PDF');
      const file = await w.app.inject({ url: `/office/attachments/${id}`, headers: { cookie: clerk.cookie } });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(String(file.headers['content-disposition'])).toBe(`attachment; filename="attachment-${id}.pdf"; filename*=UTF-8''${encodeURIComponent('预算草稿附表.pdf')}`);
      expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
      // a supervisor above reads it too; a clerk of the city (another agency) does not
      expect((await w.app.inject({ url: `/office/attachments/${id}`, headers: { cookie: supervisor.cookie } })).statusCode).toBe(200);
      const foreign = await w.app.inject({ url: `/office/attachments/${id}`, headers: { cookie: cityClerk.cookie } });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.body).not.toContain('%PDF');
      expect((await w.app.inject({ url: '/office/attachments/999999', headers: { cookie: clerk.cookie } })).statusCode).toBe(404);
    });

    it('accepts an item in review, and a published one: public at once on the portal and written to the audit log', async () => {
      const inReview = await upload(itemUpload(w.reviewItemId), reviewer, [pdf('审核附件.pdf')]);
      expect(inReview.statusCode).toBe(303);
      const published = w.world.items.budget;
      const page = load((await w.app.inject({ url: `/office/catalogue/items/${published}`, headers: { cookie: clerk.cookie } })).body);
      expect(page('#attachments form').text()).toContain('新上传的附件将立即在门户网站公开，并记入审计日志');
      const res = await upload(itemUpload(published), clerk, [pdf('补充附件.pdf')]);
      expect(res.statusCode).toBe(303);
      const id = addedId(res.headers.location, `/office/catalogue/items/${published}`);
      const audit = await w.db.selectFrom('audit_log').selectAll().where('action', '=', 'attachment.added').where('subject', '=', `catalogueItem:${published}`).execute();
      expect(audit.map((a) => JSON.parse(String(a.details)).attachmentId)).toContain(id);
      const portal = await w.app.inject({ url: `/a/demo-czj/items/${published}` });
      expect(load(portal.body)(`a[href="/a/demo-czj/items/${published}/attachments/${id}"]`).text()).toBe('补充附件.pdf');
    });

    it.each([
      ['too large', { filename: 'big.pdf', mime: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD, 0x20)]) }, 413, '文件不能超过 1 MB'],
      ['far too large', { filename: 'huge.pdf', mime: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(3 * MAX_UPLOAD, 0x20)]) }, 413, '文件不能超过 1 MB'],
      ['an executable', { filename: 'setup.exe', mime: 'application/x-msdownload', bytes: EXE }, 415, '只接受以下类型的文件'],
      ['a type not accepted', { filename: 'photo.gif', mime: 'image/gif', bytes: Buffer.from('GIF89a') }, 415, '只接受以下类型的文件'],
      ['a PDF name on other bytes', { filename: '答复书.pdf', mime: 'application/pdf', bytes: EXE }, 415, '文件内容与文件类型不符'],
      ['an empty file', { filename: 'empty.pdf', mime: 'application/pdf', bytes: Buffer.alloc(0) }, 400, '上传的文件是空的'],
      ['no file chosen', { filename: '', mime: 'application/octet-stream', bytes: Buffer.alloc(0) }, 400, '请选择要上传的文件'],
    ] as const)('refuses %s beside the file input (%i), storing nothing', async (_name, file, status, message) => {
      const res = await storesNothing(w, () => upload(itemUpload(w.world.items.draft), clerk, [file]));
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(fileError(res.body)).toContain(message);
      const $ = load(res.body);
      expect($('h1').text()).toBe('尚未发布的预算草稿');
      expect($('#attachments [role="alert"]').text()).toContain(message);
    });

    it('refuses a form that is not multipart (400) and one without or with a wrong CSRF token (403), storing nothing', async () => {
      const plain = await storesNothing(w, () => postUrlEncoded(w.app, itemUpload(w.world.items.draft), { _csrf: clerk.csrf, file: 'x.pdf' }, clerk.cookie));
      expect(plain.statusCode).toBe(400);
      expect(fileError(plain.body)).toContain('multipart/form-data');
      for (const csrf of [null, 'wrong', cityClerk.csrf]) {
        const res = await storesNothing(w, () => upload(itemUpload(w.world.items.draft), clerk, [pdf()], csrf));
        expect(res.statusCode, String(csrf)).toBe(403);
      }
      const signedOut = await storesNothing(w, () => w.app.inject({ method: 'POST', url: itemUpload(w.world.items.draft), ...multipartBody({ _csrf: clerk.csrf }, [pdf()]) }));
      expect(signedOut.statusCode).toBe(303);
      expect(String(signedOut.headers.location)).toMatch(/^\/office\/login/);
    });

    it("refuses another agency's item, a role that may not add, and an unknown item, storing nothing", async () => {
      for (const [session, url, status] of [
        [cityClerk, itemUpload(w.world.items.draft), 403],
        [clerk, itemUpload(w.cityItemId), 403],
        [admin, itemUpload(w.world.items.draft), 403],
        [supervisor, itemUpload(w.world.items.draft), 403],
        [clerk, itemUpload(999_999), 404],
      ] as const) {
        const res = await storesNothing(w, () => upload(url, session, [pdf()]));
        expect(res.statusCode, url).toBe(status);
        expect(res.body).not.toContain('尚未发布的预算草稿');
      }
    });
  });

  describe('an application', () => {
    it('a clerk uploads to an application: listed on its page with a download link', async () => {
      const path = `/office/applications/${w.applicationId}`;
      const before = load((await w.app.inject({ url: path, headers: { cookie: clerk.cookie } })).body);
      expect(before(`form[action="${applicationUpload(w.applicationId)}"]`).attr('enctype')).toBe('multipart/form-data');
      const res = await upload(applicationUpload(w.applicationId), clerk, [{ filename: '申请人补正材料.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: Buffer.from('PK\x03\x04 docx') }]);
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      const id = addedId(res.headers.location, path);
      const page = load((await w.app.inject({ url: `${path}?attached=${id}`, headers: { cookie: clerk.cookie } })).body);
      expect(page('#attachments [role="status"]').text()).toContain('申请人补正材料.docx');
      const row = page(`#attachments a[href="/office/attachments/${id}"]`).closest('tr');
      expect(row.text()).toContain('Word');
      const file = await w.app.inject({ url: `/office/attachments/${id}`, headers: { cookie: clerk.cookie } });
      expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="attachment-\d+\.docx"/);
      // the supervisor above reads the list but is offered no form
      const supervised = load((await w.app.inject({ url: path, headers: { cookie: supervisor.cookie } })).body);
      expect(supervised(`#attachments a[href="/office/attachments/${id}"]`).length).toBe(1);
      expect(supervised('#attachments form').length).toBe(0);
    });

    it('shows a refused file on the application page (415), storing nothing', async () => {
      const res = await storesNothing(w, () => upload(applicationUpload(w.applicationId), clerk, [{ filename: 'virus.pdf', mime: 'application/pdf', bytes: EXE }]));
      expect(res.statusCode).toBe(415);
      const $ = load(res.body);
      expect($('h1').text()).toMatch(/^申请 /);
      expect(fileError(res.body)).toContain('文件内容与文件类型不符');
    });

    it("refuses another agency's application and a role that may not handle applications, storing nothing", async () => {
      for (const [session, url, status] of [
        [cityClerk, applicationUpload(w.applicationId), 403],
        [clerk, applicationUpload(w.cityApplicationId), 403],
        [admin, applicationUpload(w.applicationId), 403],
        [supervisor, applicationUpload(w.applicationId), 403],
        [clerk, applicationUpload(999_999), 404],
      ] as const) {
        const res = await storesNothing(w, () => upload(url, session, [pdf()]));
        expect(res.statusCode, url).toBe(status);
        expect(res.body).not.toContain('13812345678');
      }
    });
  });
});
