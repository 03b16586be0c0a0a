/**
 * Attachments through the staff API, on SQLite and PostgreSQL: upload (multipart, field `file`), list and download
 * for an application and a catalogue item; each refusal is a JSON error naming the field with nothing stored; other
 * agencies and roles that may not add are refused; the OpenAPI document describes the multipart body and the file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { attachmentListResponse, attachmentResponse } from '../../src/http/api/staff-attachments.ts';
import { errorResponse } from '../../src/http/api/response-schemas.ts';
import { createApiToken } from '../../src/modules/accounts/use-cases/create-api-token.ts';
import { fixedClock } from '../../src/modules/applications/use-cases/context.ts';
import { insertUser } from '../factories/user-factory.ts';
import { testDatabases } from '../support/databases.ts';
import { EXE, MAX_UPLOAD, PDF, multipartBody, storesNothing, useAttachmentsWorld, type FilePart } from './attachments-fixture.ts';
import { TODAY } from './portal-fixture.ts';

const BASE = '/api/v1/staff';

describe.each(testDatabases())('attachments in the staff API ($name)', (target) => {
  const w = useAttachmentsWorld(target, 'api');
  const tokens = { clerk: '', supervisor: '', cityClerk: '' };

  beforeAll(async () => {
    const clock = fixedClock(TODAY);
    const admin = await insertUser(w.db, [{ agencyId: w.world.bureau.id, role: 'admin' }]);
    const cityAdmin = await insertUser(w.db, [{ agencyId: w.world.city.id, role: 'admin' }]);
    const issue = async (actor: typeof admin.actor, agencyId: number, role: 'clerk' | 'supervisor') => (await createApiToken({ db: w.db, actor, clock }, { agencyId, role, name: role })).token;
    tokens.clerk = await issue(admin.actor, w.world.bureau.id, 'clerk');
    tokens.supervisor = await issue(admin.actor, w.world.bureau.id, 'supervisor');
    tokens.cityClerk = await issue(cityAdmin.actor, w.world.city.id, 'clerk');
  });

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const send = (url: string, token: string, files: readonly FilePart[], fields: Record<string, string> = {}) => {
    const body = multipartBody(fields, files);
    return w.app.inject({ method: 'POST', url, headers: { ...body.headers, ...auth(token) }, payload: body.payload });
  };
  const pdf = (filename = '答复书.pdf'): FilePart => ({ filename, mime: 'application/pdf', bytes: PDF });


  it.each([
    ['an application', () => `${BASE}/applications/${w.applicationId}/attachments`, 'application'],
    ['a catalogue item', () => `${BASE}/catalogue/${w.world.items.draft}/attachments`, 'catalogueItem'],
  ] as const)('uploads to %s (201), lists it and downloads it as sent', async (_name, url, ownerKind) => {
    const res = await send(url(), tokens.clerk, [pdf('答复书（定稿）.pdf')]);
    expect(res.statusCode, res.body).toBe(201);
    const added = attachmentResponse.parse(res.json());
    expect(added).toMatchObject({ ownerKind, filename: '答复书（定稿）.pdf', mime: 'application/pdf', typeLabel: 'PDF', size: PDF.length });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = await w.app.inject({ url: url(), headers: auth(tokens.clerk) });
    expect(list.statusCode).toBe(200);
    expect(attachmentListResponse.parse(list.json()).items.map((a) => a.id)).toContain(added.id);
    const file = await w.app.inject({ url: `${BASE}/attachments/${added.id}`, headers: auth(tokens.clerk) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="attachment-\d+\.pdf"; filename\*=UTF-8''/);
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
    // a supervisor token of the agency reads; a token of another agency does not
    expect((await w.app.inject({ url: `${BASE}/attachments/${added.id}`, headers: auth(tokens.supervisor) })).statusCode).toBe(200);
    for (const u of [`${BASE}/attachments/${added.id}`, url()]) {
      const foreign = await w.app.inject({ url: u, headers: auth(tokens.cityClerk) });
      expect(foreign.statusCode, u).toBe(403);
      expect(errorResponse.parse(foreign.json()).error.code).toBe('access.denied');
    }
  });

  it.each([
    ['too large', [{ filename: 'big.pdf', mime: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD, 0x20)]) }], 413, 'attachment.tooLarge'],
    ['an executable', [{ filename: 'setup.exe', mime: 'application/x-msdownload', bytes: EXE }], 415, 'attachment.typeNotAllowed'],
    ['a PDF name on other bytes', [{ filename: 'a.pdf', mime: 'application/pdf', bytes: EXE }], 415, 'attachment.contentMismatch'],
    ['an empty file', [{ filename: 'a.pdf', mime: 'application/pdf', bytes: Buffer.alloc(0) }], 400, 'attachment.empty'],
    ['no file', [], 400, 'input.invalid'],
    ['a file in another field', [{ field: 'document', filename: 'a.pdf', mime: 'application/pdf', bytes: PDF }], 400, 'input.invalid'],
    ['two files', [{ filename: 'a.pdf', mime: 'application/pdf', bytes: PDF }, { filename: 'b.pdf', mime: 'application/pdf', bytes: PDF }], 400, 'input.invalid'],
  ] as const)('refuses %s: %i %s naming the field file, storing nothing', async (_name, files, status, code) => {
    const res = await storesNothing(w, () => send(`${BASE}/applications/${w.applicationId}/attachments`, tokens.clerk, files, { note: 'x' }));
    expect(res.statusCode, res.body).toBe(status);
    const error = errorResponse.parse(res.json()).error;
    expect(error.code).toBe(code);
    expect(error.field).toBe('file');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a JSON body (400, field file), another agency (403), a role that may not add (403), an unknown owner (404)', async () => {
    const json = await storesNothing(w, () =>
      w.app.inject({ method: 'POST', url: `${BASE}/catalogue/${w.world.items.draft}/attachments`, headers: auth(tokens.clerk), payload: { file: 'JVBERi0=' } }),
    );
    expect(json.statusCode).toBe(400);
    expect(errorResponse.parse(json.json()).error.field).toBe('file');
    for (const [url, token, status, code] of [
      [`${BASE}/catalogue/${w.world.items.draft}/attachments`, tokens.cityClerk, 403, 'access.denied'],
      [`${BASE}/applications/${w.cityApplicationId}/attachments`, tokens.clerk, 403, 'access.denied'],
      [`${BASE}/applications/${w.applicationId}/attachments`, tokens.supervisor, 403, 'access.denied'],
      [`${BASE}/catalogue/999999/attachments`, tokens.clerk, 404, 'catalogue.notFound'],
      [`${BASE}/applications/999999/attachments`, tokens.clerk, 404, 'application.notFound'],
    ] as const) {
      const res = await storesNothing(w, () => send(url, token, [pdf()]));
      expect(res.statusCode, url).toBe(status);
      expect(errorResponse.parse(res.json()).error.code).toBe(code);
    }
    for (const url of [`${BASE}/attachments/999999`, `${BASE}/attachments/abc`]) {
      const res = await w.app.inject({ url, headers: auth(tokens.clerk) });
      expect(res.statusCode, url).toBe(404);
      expect(errorResponse.parse(res.json()).error.code).toBe('attachment.notFound');
    }
    const noToken = await storesNothing(w, () => w.app.inject({ method: 'POST', url: `${BASE}/applications/${w.applicationId}/attachments`, ...multipartBody({}, [pdf()]) }));
    expect(noToken.statusCode).toBe(401);
  });

  it('is in the OpenAPI document: a multipart body with the file, a JSON attachment back, a file to download', async () => {
    const doc = (await w.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    for (const owner of ['applications', 'catalogue']) {
      const path = doc.paths[`${BASE}/${owner}/{id}/attachments`]!;
      expect(Object.keys(path.post!.requestBody!.content)).toEqual(['multipart/form-data']);
      expect(path.post!.responses['201']!.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Attachment' } } });
      expect(Object.keys(path.post!.responses)).toEqual(expect.arrayContaining(['400', '403', '404', '413', '415']));
      expect(path.get!.responses['200']!.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/AttachmentList' } } });
    }
    expect(doc.components.schemas['AttachmentUpload']!.properties!['file']).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(doc.components.schemas['Attachment']!.properties!)).toEqual(expect.arrayContaining(['id', 'filename', 'mime', 'size', 'sha256']));
    expect(doc.paths[`${BASE}/attachments/{id}`]!.get!.responses['200']!.content).toEqual({ 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } });
  });
});
