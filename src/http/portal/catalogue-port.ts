/**
 * What the portal reads of the catalogue (proactive disclosure, Art. 20): published items only. An interface, so
 * the pages are written once and the adapter (catalogue-adapter.ts) follows the catalogue module's use cases.
 */
import type { CatalogueItemSummary, CatalogueItemView, SearchHit } from '../../modules/catalogue/use-cases/catalogue-views.ts';
import type { Validity } from '../../modules/catalogue/domain/categories.ts';

export const CATALOGUE_PAGE_SIZE = 20;
export const SEARCH_PAGE_SIZE = 10;

export interface CatalogueFilter {
  /** Art. 20 item 1..15 */
  readonly category?: number;
  readonly year?: number;
  readonly issuingBody?: string;
  readonly validity?: Validity;
  readonly page: number;
}

export interface CataloguePage {
  readonly items: readonly CatalogueItemSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface SearchPage {
  readonly hits: readonly SearchHit[];
  readonly page: number;
  /** whether a next page has results */
  readonly hasMore: boolean;
}

export interface AttachmentRef {
  readonly id: number;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
}

export interface AttachmentFile extends AttachmentRef {
  readonly bytes: Buffer;
}

export interface PublicCatalogue {
  /**
   * Raised by every change the public can see in the agency's catalogue: pages and counts kept under one version
   * are current while it stays the same (read once per request, before the rest).
   */
  version(agencyId: number): Promise<number>;
  list(agencyId: number, filter: CatalogueFilter): Promise<CataloguePage>;
  /** published items per Art. 20 category */
  columnCounts(agencyId: number): Promise<ReadonlyMap<number, number>>;
  /** the values the filters offer */
  filterChoices(agencyId: number): Promise<{ readonly years: readonly number[]; readonly issuingBodies: readonly string[] }>;
  /** a published item of the agency, or null */
  item(agencyId: number, itemId: number): Promise<CatalogueItemView | null>;
  attachments(agencyId: number, itemId: number): Promise<readonly AttachmentRef[]>;
  attachment(agencyId: number, itemId: number, attachmentId: number): Promise<AttachmentFile | null>;
  search(agencyId: number, q: string, page: number): Promise<SearchPage>;
}
