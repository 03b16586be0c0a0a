import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import type { FixtureTable } from './report-tables.ts';

/**
 * .docx files for the extractor tests: whole reports built with the `docx` package (merged cells through
 * columnSpan / rowSpan, which it writes as w:gridSpan and w:vMerge restart/continue), and packages around
 * hand-written document.xml for markup the package does not produce.
 */

export type DocxBlock = string | FixtureTable | { readonly layout: readonly DocxBlock[] };

function paragraphs(text: string): Paragraph[] {
  return [new Paragraph({ children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })] })];
}

function table(fixture: FixtureTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: fixture.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                children: paragraphs(cell.text),
                ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
                ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
              }),
          ),
        }),
    ),
  });
}

function blocks(items: readonly DocxBlock[]): (Paragraph | Table)[] {
  return items.flatMap((item): (Paragraph | Table)[] => {
    if (typeof item === 'string') return paragraphs(item);
    if ('layout' in item) {
      // A one-row table whose second cell holds the content (the report framed inside a layout table).
      return [
        new Table({
          rows: [
            new TableRow({
              children: [new TableCell({ children: paragraphs('目录') }), new TableCell({ children: [...blocks(item.layout), new Paragraph('')] })],
            }),
          ],
        }),
      ];
    }
    return [table(item), new Paragraph('')];
  });
}

export async function buildDocx(items: readonly DocxBlock[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: blocks(items) }] });
  return Packer.toBuffer(doc);
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A minimal package around a hand-written <w:body>, with optional numbering.xml and styles.xml bodies. */
export async function rawDocx(body: string, parts: { numbering?: string; styles?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  if (parts.numbering) zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS}>${parts.numbering}</w:numbering>`);
  if (parts.styles) zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>${parts.styles}</w:styles>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A w:p with one run per text; `pPr` is inserted as is. */
export const wp = (runs: string | readonly string[], pPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${(typeof runs === 'string' ? [runs] : runs).map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;

export const wtc = (content: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content || '<w:p/>'}</w:tc>`;
