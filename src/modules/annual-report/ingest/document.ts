import type { ExtractionNote } from '../domain/report.ts';

/**
 * What every extractor (text, markdown, HTML, DOCX, PDF) hands to the one table reader: the document as a
 * sequence of prose lines and table rows, in reading order. The reader never sees the file format.
 */
export type Line =
  | { readonly kind: 'text'; readonly text: string; readonly page?: number }
  | {
      readonly kind: 'row';
      /** Cell texts in column order. */
      readonly cells: readonly string[];
      /**
       * True when the extractor knows the grid: merged cells were expanded (a spanned slot is ''), so every row of
       * one table has the same width and the value columns are the last ones. False for text where separators
       * may be lost or doubled (tab-separated text pulled out of a PDF, pipe tables from converters).
       */
      readonly aligned: boolean;
      /** Index of the table in the source (HTML/DOCX), when known: rows of one table share it. */
      readonly tableIndex?: number;
      readonly page?: number;
    };

export type SourceKind = 'text' | 'markdown' | 'html' | 'docx' | 'xlsx' | 'pdf' | 'json';

export interface ExtractedDocument {
  readonly kind: SourceKind;
  readonly lines: readonly Line[];
  readonly notes: readonly ExtractionNote[];
}

/** An input the ingest cannot read at all (a scanned PDF, a ZIP that is not a DOCX, binary noise). */
export class UnreadableInput extends Error {
  constructor(
    readonly code: 'unreadable.format' | 'unreadable.scanned' | 'unreadable.empty' | 'unreadable.tooLarge' | 'unreadable.corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableInput';
  }
}
