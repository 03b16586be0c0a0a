/** The catalogue as the use cases hand it back: labels beside the ids, and the Art. 26 timeliness check. */
import type { WorkingCalendar } from '../../calendar/domain/calendar.ts';
import type { CatalogueItemRow } from '../../../db/schema.ts';
import { VALIDITY_LABELS, categoryLabel, type Validity } from '../domain/categories.ts';
import { CATALOGUE_STATE_LABELS, type CatalogueState } from '../domain/life-cycle.ts';
import { timeliness, type Timeliness } from '../domain/timeliness.ts';
import type { SnippetPart } from '../domain/bigrams.ts';

export interface CatalogueItemView {
  readonly id: number;
  readonly agencyId: number;
  readonly indexNumber: string;
  readonly title: string;
  readonly summary: string | null;
  readonly body: string;
  readonly category: number;
  readonly categoryLabel: string;
  readonly issuingBody: string | null;
  readonly writtenOn: string | null;
  readonly publishedOn: string | null;
  readonly docNumber: string | null;
  readonly validity: Validity | null;
  readonly validityLabel: string | null;
  readonly state: CatalogueState;
  readonly stateLabel: string;
  /** Art. 26: 20 working days from creation (成文日期, else the day it was entered) */
  readonly timeliness: Timeliness;
}

/** An item as lists show it: everything but the text. */
export type CatalogueItemSummary = Omit<CatalogueItemView, 'body'>;

export function itemView(row: CatalogueItemRow, today: string, calendar: WorkingCalendar): CatalogueItemView {
  return { ...itemSummary(row, today, calendar), body: row.body };
}

export function itemSummary(row: Omit<CatalogueItemRow, 'body'>, today: string, calendar: WorkingCalendar): CatalogueItemSummary {
  const createdOn = row.written_on ?? row.created_at.slice(0, 10);
  return {
    id: row.id,
    agencyId: row.agency_id,
    indexNumber: row.index_number,
    title: row.title,
    summary: row.summary,
    category: row.category,
    categoryLabel: categoryLabel(row.category) ?? String(row.category),
    issuingBody: row.issuing_body,
    writtenOn: row.written_on,
    publishedOn: row.published_on,
    docNumber: row.doc_number,
    validity: row.validity,
    validityLabel: row.validity ? VALIDITY_LABELS[row.validity] : null,
    state: row.state,
    stateLabel: CATALOGUE_STATE_LABELS[row.state],
    timeliness: timeliness(createdOn, row.published_on, today, calendar),
  };
}

export interface SearchHit {
  readonly item: Omit<CatalogueItemView, 'body'>;
  readonly titleParts: readonly SnippetPart[];
  readonly snippet: readonly SnippetPart[];
}
