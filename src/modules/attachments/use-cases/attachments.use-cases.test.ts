/** Attachments through their use cases on SQLite and PostgreSQL, stored on disk by content address. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../../../../test/support/databases.ts';
import type { Actor } from '../../applications/applications.policy.ts';
import { registerApplication } from '../../applications/use-cases/register-application.ts';
import { contextFor, personForm, refusal, seedAgencies, staff, type TestAgencies } from '../../applications/use-cases/test-context.ts';
import { createCatalogueItem } from '../../catalogue/use-cases/create-catalogue-item.ts';
import { DiskAttachmentStore } from '../disk-attachment-store.ts';
import { addAttachment } from './add-attachment.ts';
import { getAttachment } from './get-attachment.ts';
import { listAttachments } from './list-attachments.ts';
import { publishCatalogueItem } from '../../catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../../catalogue/use-cases/submit-catalogue-item.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n');

describe.each(testDatabases())('attachments on $name', (target) => {
  const t = useTestDatabase(target);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-attachments-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let g: TestAgencies;
  const ctx = (actor: Actor) => ({ ...contextFor(t.db, actor, '2024-10-15'), store: new DiskAttachmentStore(dir), maxBytes: 1024 });

  async function application(): Promise<number> {
    g ??= await seedAgencies(t.db);
    const r = await registerApplication(contextFor(t.db, staff(1, g.a, 'clerk'), '2024-10-15'), {
      agencyId: g.a,
      form: personForm(),
      intake: { channel: 'inPerson', handedInOn: '2024-10-15' },
    });
    return r.applicationId;
  }

  it('stores a PDF once by its sha256, attaches it twice, and reads it back', async () => {
    const id = await application();
    const clerk = staff(1, g.a, 'clerk');
    const first = await addAttachment(ctx(clerk), { ownerKind: 'application', ownerId: id, filename: '答复书.pdf', mime: 'application/pdf', bytes: PDF });
    const second = await addAttachment(ctx(clerk), { ownerKind: 'application', ownerId: id, filename: '答复书副本.pdf', mime: '', bytes: PDF });
    expect(first.sha256).toBe(second.sha256);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(dir, first.sha256.slice(0, 2), first.sha256.slice(2, 4)))).toEqual([first.sha256]);
    const read = await getAttachment(ctx(clerk), { attachmentId: first.id });
    expect([read.filename, read.mime, Buffer.compare(read.bytes, Buffer.from(PDF))]).toEqual(['答复书.pdf', 'application/pdf', 0]);
  });

  it('refuses empty, too large, unaccepted and disguised files, storing nothing', async () => {
    const id = await application();
    const clerk = staff(1, g.a, 'clerk');
    const before = (await t.db.selectFrom('attachments').select('id').execute()).length;
    const add = (filename: string, mime: string, bytes: Uint8Array) => refusal(addAttachment(ctx(clerk), { ownerKind: 'application', ownerId: id, filename, mime, bytes }));
    const codes = [
      (await add('a.pdf', 'application/pdf', new Uint8Array())).code,
      (await add('a.pdf', 'application/pdf', new Uint8Array(2000).fill(0x25))).code,
      (await add('a.exe', 'application/x-msdownload', new Uint8Array([0x4d, 0x5a]))).code,
      (await add('a.pdf', 'application/pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).code,
    ];
    expect(codes).toEqual(['attachment.empty', 'attachment.tooLarge', 'attachment.typeNotAllowed', 'attachment.contentMismatch']);
    expect((await t.db.selectFrom('attachments').select('id').execute()).length).toBe(before);
  });

  it('keeps agencies apart; the public reads only attachments of published catalogue items', async () => {
    const id = await application();
    const added = await addAttachment(ctx(staff(1, g.a, 'clerk')), { ownerKind: 'application', ownerId: id, filename: 'x.pdf', mime: 'application/pdf', bytes: PDF });
    const other = staff(40, g.b, 'reviewer');
    expect((await refusal(getAttachment(ctx(other), { attachmentId: added.id }))).code).toBe('access.denied');
    expect((await refusal(addAttachment(ctx(other), { ownerKind: 'application', ownerId: id, filename: 'y.pdf', mime: 'application/pdf', bytes: PDF }))).code).toBe('access.denied');
    expect((await refusal(getAttachment(ctx({ kind: 'public' }), { attachmentId: added.id }))).code).toBe('attachment.notFound');
    const item = await createCatalogueItem(contextFor(t.db, staff(1, g.a, 'clerk'), '2024-10-15'), { agencyId: g.a, title: '草稿', body: '', category: 1 });
    const draftFile = await addAttachment(ctx(staff(1, g.a, 'clerk')), { ownerKind: 'catalogueItem', ownerId: item.id, filename: 'd.pdf', mime: 'application/pdf', bytes: PDF });
    expect((await refusal(getAttachment(ctx({ kind: 'public' }), { attachmentId: draftFile.id }))).code).toBe('attachment.notFound');
    expect((await refusal(listAttachments(ctx({ kind: 'public' }), { ownerKind: 'catalogueItem', ownerId: item.id }))).code).toBe('attachment.notFound');
    const reviewer = contextFor(t.db, staff(2, g.a, 'reviewer'), '2024-10-15');
    await submitCatalogueItem(contextFor(t.db, staff(1, g.a, 'clerk'), '2024-10-15'), { itemId: item.id });
    await publishCatalogueItem(reviewer, { itemId: item.id });
    const listed = await listAttachments(ctx({ kind: 'public' }), { ownerKind: 'catalogueItem', ownerId: item.id });
    expect(listed.map((a) => a.filename)).toEqual(['d.pdf']);
    // through another agency's portal URL the item is not found
    expect((await listAttachments(ctx({ kind: 'public' }), { ownerKind: 'catalogueItem', ownerId: item.id, agencyId: g.a })).length).toBe(1);
    expect((await refusal(listAttachments(ctx({ kind: 'public' }), { ownerKind: 'catalogueItem', ownerId: item.id, agencyId: g.b }))).code).toBe('attachment.notFound');
    // an annex added once the item is public raises the agency's public version (the portal's kept pages follow it)
    const version = async () => (await t.db.selectFrom('catalogue_public_versions').select('version').where('agency_id', '=', g.a).executeTakeFirst())?.version;
    const before = await version();
    await addAttachment(ctx(staff(1, g.a, 'clerk')), { ownerKind: 'catalogueItem', ownerId: item.id, filename: 'annex.pdf', mime: 'application/pdf', bytes: PDF });
    expect(await version()).toBe((before ?? 0) + 1);
    expect((await getAttachment(ctx({ kind: 'public' }), { attachmentId: draftFile.id })).size).toBe(PDF.length);
    expect((await refusal(listAttachments(ctx(other), { ownerKind: 'application', ownerId: id }))).code).toBe('access.denied');
  });
});
