/**
 * The report as a Word document in the layout agencies publish: A4, 公文 margins (top 3.7 cm, bottom 3.5 cm,
 * left 2.8 cm, right 2.6 cm), title in 方正小标宋简体 二号, headings in 黑体 三号, body in 仿宋_GB2312 三号, and the
 * three tables with the national form's merged cells (gridSpan / vMerge) in a smaller size.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { TableId } from '../domain/formats/index.ts';
import type { Report } from '../domain/report.ts';
import { cellText, reportSections, reportTitle } from './content.ts';
import { tableLayout, type LayoutCell } from './layout.ts';

/** 1 cm in twips (1440 per inch / 2.54). */
const CM = 1440 / 2.54;
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
export const MARGINS_TWIPS = {
  top: Math.round(3.7 * CM),
  bottom: Math.round(3.5 * CM),
  left: Math.round(2.8 * CM),
  right: Math.round(2.6 * CM),
} as const;
const TEXT_WIDTH = A4_TWIPS.width - MARGINS_TWIPS.left - MARGINS_TWIPS.right;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, heading: 32, body: 32, table: 21, tableSmall: 18 } as const;

const latin = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' });
export const FONTS = {
  title: font('方正小标宋简体'),
  heading: font('黑体'),
  body: font('仿宋_GB2312'),
} as const;

/** Fixed line spacing of 28 pt, the usual 公文 body spacing. */
const BODY_SPACING = { line: 560, lineRule: LineRuleType.EXACT } as const;

const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 560, line: 700, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: FONTS.title, size: SIZE.title })],
  });
}

function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    spacing: BODY_SPACING,
    indent: { firstLine: 640 },
    keepNext: true,
    children: [new TextRun({ text, font: FONTS.heading, size: SIZE.heading })],
  });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_SPACING,
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: FONTS.body, size: SIZE.body })],
  });
}

function tableCell(report: Report, table: TableId, cell: LayoutCell, size: number): TableCell {
  const text = cellText(report, table, cell);
  const left = cell.kind === 'label' && (cell.role === 'label' || cell.role === 'block');
  return new TableCell({
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: text
          ? [new TextRun({ text, font: FONTS.body, size, ...(cell.kind === 'label' && cell.role === 'block' ? { bold: true } : {}) })]
          : [],
      }),
    ],
  });
}

function reportTable(report: Report, table: TableId): Table {
  const layout = tableLayout(report.format, table);
  const size = table === 'proactive' ? SIZE.table : SIZE.tableSmall;
  const total = layout.columnWeights.reduce((a, b) => a + b, 0);
  const widths = layout.columnWeights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    rows: layout.rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          cantSplit: true,
          children: row.cells.map((c) => tableCell(report, table, c, size)),
        }),
    ),
  });
}

/** Page number "- N -" centred at the foot, as 公文 print it. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: FONTS.body, size: 28 })],
      }),
    ],
  });
}

export async function renderReportDocx(report: Report): Promise<Buffer> {
  const title = reportTitle(report);
  const children: Array<Paragraph | Table> = [titleParagraph(title)];
  for (const section of reportSections(report)) {
    children.push(headingParagraph(section.heading));
    for (const p of section.paragraphs) children.push(bodyParagraph(p));
    if (section.table) {
      children.push(reportTable(report, section.table));
      // Word joins two adjacent tables into one; the empty paragraph keeps the next heading apart.
      children.push(new Paragraph({ children: [] }));
    }
  }
  const doc = new Document({
    creator: 'gongkai',
    title,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: { ...MARGINS_TWIPS, header: 851, footer: 992 },
          },
        },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
