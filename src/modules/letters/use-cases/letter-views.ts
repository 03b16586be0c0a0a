/** What the letters use cases hand back to pages, the API and the downloads. */
import { LETTER_KIND_DEFS, isLetterKind, type LetterAddressee } from '../domain/kinds.ts';
import type { LetterRow } from '../letters.repository.ts';

export interface LetterSummary {
  readonly id: number;
  readonly applicationId: number;
  readonly agencyId: number;
  /** a LetterKind */
  readonly kind: string;
  readonly title: string;
  readonly issuedOn: string;
  readonly addressee: LetterAddressee;
}

/** A letter in full, as frozen at issue, for rendering. */
export interface LetterDocument extends LetterSummary {
  readonly body: string;
  readonly trackingCode: string;
}

export function letterSummary(row: LetterRow): LetterSummary {
  return {
    id: row.id,
    applicationId: row.application_id,
    agencyId: row.agency_id,
    kind: row.kind,
    title: row.title,
    issuedOn: row.issued_on,
    // a kind this version does not know is shown to staff only
    addressee: isLetterKind(row.kind) ? LETTER_KIND_DEFS[row.kind].addressee : 'thirdParty',
  };
}

export function letterDocument(row: LetterRow, trackingCode: string): LetterDocument {
  return { ...letterSummary(row), body: row.body, trackingCode };
}
