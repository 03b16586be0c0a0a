/**
 * What every renderer prints, in order: the title, then the six sections (Art. 50 and the national format), each
 * with its prose and, under 二, 三 and 四, its table.
 */
import { printCell } from '../domain/cell.ts';
import { FORMATS, TABLE_IDS, type SectionId, type TableId } from '../domain/formats/index.ts';
import { getCell, type Report } from '../domain/report.ts';
import type { LayoutCell } from './layout.ts';

export interface SectionContent {
  readonly id: SectionId;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** The table printed under this section, unless the report did not contain it. */
  readonly table: TableId | null;
}

/** "<agency><year>年政府信息公开工作年度报告", or the title the report printed when agency or year is unknown. */
export function reportTitle(report: Report): string {
  const printed = report.title?.trim();
  if (printed) return printed;
  return `${report.agency ?? ''}${report.year === null ? '' : `${report.year}年`}政府信息公开工作年度报告`;
}

/** The six sections in the form's order; a section the report lacks keeps its official heading and has no prose. */
export function reportSections(report: Report): SectionContent[] {
  const format = FORMATS[report.format];
  return format.sections.map((def) => {
    const section = report.sections[def.id];
    const printed = section?.heading.trim() ?? '';
    const heading = printed
      ? printed.startsWith(def.numeral)
        ? printed
        : `${def.numeral}、${printed}`
      : `${def.numeral}、${def.heading}`;
    const table = TABLE_IDS.find((t) => format.tables[t].section === def.id) ?? null;
    return {
      id: def.id,
      heading,
      paragraphs: paragraphsOf(section?.text ?? ''),
      table: table && !report.missingTables.includes(table) ? table : null,
    };
  });
}

/** Prose split into paragraphs at line breaks; empty lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The printed text of a layout cell: a label's words, or the report's cell as gongkai prints it. */
export function cellText(report: Report, table: TableId, cell: LayoutCell): string {
  if (cell.kind === 'label') return cell.text;
  return printCell(getCell(report, table, cell.row, cell.column), cell.valueKind);
}
