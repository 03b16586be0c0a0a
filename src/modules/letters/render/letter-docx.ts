/**
 * An issued letter as a Word document: A4 with 公文 margins, the title centred in 方正小标宋简体 二号, the body in 仿宋_GB2312 三号 with a two-character first-line indent, and the agency's seal line
 * and the date right-aligned at the end.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { A4_TWIPS, FONTS, MARGINS_TWIPS } from '../../annual-report/render/docx.ts';
import { letterLayout } from '../domain/compose-letter.ts';

/** Half-points: 二号 22 pt, 三号 16 pt. */
const SIZE = { title: 44, body: 32 } as const;
/** Two characters of 三号 (16 pt = 320 twips each). */
const INDENT = 640;
const SPACING = { line: 560, lineRule: LineRuleType.EXACT } as const;

const body = (text: string, options: { indent?: boolean; right?: boolean } = {}) =>
  new Paragraph({
    spacing: SPACING,
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    ...(options.indent ? { indent: { firstLine: INDENT } } : {}),
    ...(options.right ? { indent: { right: INDENT } } : {}),
    children: [new TextRun({ text, font: FONTS.body, size: SIZE.body })],
  });

export async function renderLetterDocx(letter: { readonly title: string; readonly body: string }): Promise<Buffer> {
  const layout = letterLayout(letter.body);
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 320 },
      children: [new TextRun({ text: letter.title, font: FONTS.title, size: SIZE.title })],
    }),
    ...(layout.addressee === null ? [] : [body(layout.addressee)]),
    ...layout.paragraphs.map((p) => body(p, { indent: true })),
    new Paragraph({ spacing: SPACING, children: [] }),
    ...layout.signature.map((line) => body(line, { right: true })),
  ];
  const doc = new Document({
    creator: 'gongkai',
    title: letter.title,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.body } } } },
    sections: [{ properties: { page: { size: { width: A4_TWIPS.width, height: A4_TWIPS.height }, margin: { ...MARGINS_TWIPS, header: 851, footer: 992 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
