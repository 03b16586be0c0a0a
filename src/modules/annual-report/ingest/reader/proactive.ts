import { FORMATS, type FormatId } from '../../domain/formats/index.ts';
import type { Fragment } from './fragments.ts';
import { HEADER_WORDS } from './header-words.ts';
import { readRowTable, type RowTableResult } from './row-table.ts';

/**
 * Table 二 (Art. 20 items (一)(五)(六)(八)(九)): every block has its own columns, and the values start right
 * after the label (a block with fewer columns leaves the last grid cells empty; a spanning value cell is expanded
 * with blanks after it), so values hold to the left.
 */
export function readProactive(fragments: readonly Fragment[], format: FormatId): RowTableResult {
  return readRowTable(fragments, {
    table: 'proactive',
    def: FORMATS[format].tables.proactive,
    anchor: 'left',
    headerWords: HEADER_WORDS,
  });
}
