import type { ValueKind } from '../cell.ts';

export type FormatId = '2019' | '2021';
export type TableId = 'proactive' | 'applications' | 'remedies';
export type SectionId = 'overview' | 'proactive' | 'applications' | 'remedies' | 'problems' | 'other';

/** A column of a table: its stable id, official label and the labels real reports print instead. */
export interface ColumnDef {
  readonly id: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly kind: ValueKind;
}

/** A row with cells. `group` names the spanning label it sits under (（三）不予公开), if any. */
export interface RowDef {
  readonly id: string;
  /** The official label, as the national form prints it. */
  readonly label: string;
  /** Other labels real reports print (older or shortened wording); matched after normalisation. */
  readonly aliases: readonly string[];
  /** The numbering printed before the label: 一、 / （一） / 1. */
  readonly marker: string;
  readonly group?: string;
  /** The columns this row has; a table 二 block has its own. */
  readonly columns: readonly string[];
}

/** A spanning label with no cells of its own (（三）不予公开, 2021 （六）其他处理). */
export interface GroupDef {
  readonly id: string;
  readonly label: string;
  readonly marker: string;
  readonly aliases: readonly string[];
}

/** One block of table 二: a 第二十条第（X）项 heading with its own column header. */
export interface BlockDef {
  readonly id: string;
  readonly label: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
}

export interface TableDef {
  readonly id: TableId;
  readonly title: string;
  readonly section: SectionId;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly RowDef[];
  readonly groups: readonly GroupDef[];
  readonly blocks: readonly BlockDef[];
}

export interface SectionDef {
  readonly id: SectionId;
  readonly numeral: string;
  readonly heading: string;
  /** Key words that identify the heading when the wording varies (五、存在问题及改进情况). */
  readonly keywords: readonly string[];
}

/** A sum identity: total = Σ parts, for every column named. */
export interface SumRule {
  readonly code: string;
  readonly table: TableId;
  readonly description: string;
  readonly descriptionEn: string;
  readonly total: { readonly rows: readonly string[] } | { readonly columns: readonly string[] };
  /** Row identity: total row = Σ part rows in each column; column identity: total column = Σ part columns in each row. */
  readonly kind: 'rows' | 'columns';
  readonly totalId: string;
  readonly partIds: readonly string[];
  /** Parts subtracted on the other side (一+二 = 三+四 is written as parts [received, carriedIn], minus [carriedOut]). */
  readonly otherSide?: readonly string[];
  /** Which rows (for a column rule) or columns (for a row rule) the identity applies to. */
  readonly over: readonly string[];
}

export interface FormatDef {
  readonly id: FormatId;
  readonly name: string;
  readonly document: string;
  /** The report years this format is for. */
  readonly years: { readonly from: number; readonly to: number | null };
  readonly sections: readonly SectionDef[];
  readonly tables: { readonly proactive: TableDef; readonly applications: TableDef; readonly remedies: TableDef };
  readonly rules: readonly SumRule[];
}
