/**
 * Demo annexes (附件) on a few published catalogue items of the first start's demo, so the portal's item pages show
 * what a real agency attaches: the document's official text as a Word file. Added through the attachments use case as the agency's clerk,
 * like any upload (checked, stored by content, audited).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { StaffActor } from '../accounts/policy.ts';
import { fixedClock } from '../applications/use-cases/context.ts';
import type { WorkingCalendar } from '../calendar/domain/calendar.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import { addAttachment } from '../attachments/use-cases/add-attachment.ts';

/** Items of each agency that get an annex (the newest published ones). */
const ITEMS_PER_AGENCY = 2;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DemoAttachments {
  readonly store: AttachmentStore;
  readonly maxBytes: number;
}

/** The document's official text as a Word file, as agencies attach the signed version of what they publish. */
async function officialText(title: string, body: string): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: title, bold: true })] }),
          ...body.split('\n').filter((line) => line.trim()).map((line) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(line)] })),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('（示范数据）')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function attachDemoAnnexes(
  db: Kysely<Database>,
  files: DemoAttachments,
  agencies: readonly { readonly id: number; readonly clerk: StaffActor }[],
  today: string,
  calendar: WorkingCalendar,
): Promise<number> {
  let added = 0;
  for (const agency of agencies) {
    const items = await db
      .selectFrom('catalogue_items')
      .select(['id', 'title', 'body'])
      .where('agency_id', '=', agency.id)
      .where('state', '=', 'published')
      .orderBy('id', 'desc')
      .limit(ITEMS_PER_AGENCY)
      .execute();
    const ctx = { db, actor: agency.clerk, clock: fixedClock(today), calendar, store: files.store, maxBytes: files.maxBytes };
    for (const item of items) {
      const filename = `${item.title.slice(0, 80)}（正式文本）.docx`;
      await addAttachment(ctx, { ownerKind: 'catalogueItem', ownerId: item.id, filename, mime: DOCX_MIME, bytes: await officialText(item.title, item.body) });
      added++;
    }
  }
  return added;
}
