/**
 * The portal's catalogue reads, answered by the catalogue module's use cases as a member of the public (so only
 * published items are ever seen). Where the module has no use case yet the adapter says so below.
 */
import { isAppError } from '../../errors.ts';
import { listItemsSchema } from '../../modules/catalogue/catalogue.schemas.ts';
import { getCatalogueItem } from '../../modules/catalogue/use-cases/get-catalogue-item.ts';
import { onPublicCatalogueChange } from '../../modules/catalogue/public-changes.ts';
import { countCatalogueItemsByCategory, listCatalogueItems, listPublishedPage, listRecentIssuingBodies } from '../../modules/catalogue/use-cases/list-catalogue-items.ts';
import { searchCatalogue } from '../../modules/catalogue/use-cases/search-catalogue.ts';
import { publicContext, type AppDeps } from '../app-deps.ts';
import { CATALOGUE_PAGE_SIZE, SEARCH_PAGE_SIZE, type PublicCatalogue } from './catalogue-port.ts';

const CATEGORY_IDS = Array.from({ length: 15 }, (_, i) => i + 1);
/** Issuing bodies are offered from this many latest items (no facet use case yet). */
const FACET_SAMPLE = 200;
/** The most the list use case gives in one page: the window of the interim issuing-body / validity filter. */
const FALLBACK_WINDOW = 200;
/** Years offered in the filter, counting back from this year. */
const YEARS_OFFERED = 10;
/**
 * How long an agency's counts per category and issuing bodies are kept. This process drops them at once when the
 * agency's public catalogue changes; another process sharing the database (PostgreSQL) shows the new counts within
 * this time. The items themselves are always read live.
 */
const FACTS_TTL_MS = 30_000;
const FACTS_KEPT = 10_000;

interface AgencyFacts {
  readonly at: number;
  readonly counts: Promise<ReadonlyMap<number, number>>;
  readonly issuingBodies: Promise<string[]>;
}

/** The portal's catalogue; `dispose()` stops listening for changes (on server close). */
export type CachingPublicCatalogue = PublicCatalogue & { dispose(): void };

export function catalogueAdapter(deps: AppDeps): CachingPublicCatalogue {
  const ctx = () => publicContext(deps);
  const facts = new Map<number, AgencyFacts>();
  const stopListening = onPublicCatalogueChange((agencyId) => facts.delete(agencyId));
  const factsOf = (agencyId: number): AgencyFacts => {
    const kept = facts.get(agencyId);
    if (kept && Date.now() - kept.at < FACTS_TTL_MS) return kept;
    if (facts.size >= FACTS_KEPT) facts.clear();
    const fresh: AgencyFacts = {
      at: Date.now(),
      counts: countCatalogueItemsByCategory(ctx(), { agencyId }),
      issuingBodies: listRecentIssuingBodies(ctx(), { agencyId, sample: FACET_SAMPLE }),
    };
    // a failed read is not kept
    Promise.all([fresh.counts, fresh.issuingBodies]).catch(() => facts.get(agencyId) === fresh && facts.delete(agencyId));
    facts.set(agencyId, fresh);
    return fresh;
  };
  return {
    dispose: stopListening,
    async list(agencyId, filter) {
      if (filter.year === undefined && filter.issuingBody === undefined && filter.validity === undefined) {
        // The most common pages: the whole catalogue or one column, whose totals are the counts per category.
        const [counts, items] = await Promise.all([
          factsOf(agencyId).counts,
          listPublishedPage(ctx(), { agencyId, ...(filter.category ? { category: filter.category } : {}), page: filter.page, pageSize: CATALOGUE_PAGE_SIZE }),
        ]);
        const total = filter.category ? (counts.get(filter.category) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0);
        return { items: items.map(({ body: _body, ...rest }) => rest), total, page: filter.page, pageSize: CATALOGUE_PAGE_SIZE };
      }
      const { issuingBody, validity, ...filtered } = filter;
      const extra = { ...(issuingBody !== undefined ? { issuingBody } : {}), ...(validity !== undefined ? { validity } : {}) };
      if (Object.keys(extra).every((key) => key in listItemsSchema.shape)) {
        const page = await listCatalogueItems(ctx(), { agencyId, ...filtered, ...extra, pageSize: CATALOGUE_PAGE_SIZE });
        return { ...page, items: page.items.map(({ body: _body, ...rest }) => rest) };
      }
      // Until list-catalogue-items filters by issuing body and validity itself: filter the newest FALLBACK_WINDOW
      // items of the category and year here (an older match beyond them is not shown).
      const window = await listCatalogueItems(ctx(), { agencyId, ...filtered, page: 1, pageSize: FALLBACK_WINDOW });
      const matches = window.items.filter((i) => (issuingBody === undefined || i.issuingBody === issuingBody) && (validity === undefined || i.validity === validity));
      const start = (filter.page - 1) * CATALOGUE_PAGE_SIZE;
      return {
        items: matches.slice(start, start + CATALOGUE_PAGE_SIZE).map(({ body: _body, ...rest }) => rest),
        total: matches.length,
        page: filter.page,
        pageSize: CATALOGUE_PAGE_SIZE,
      };
    },
    async columnCounts(agencyId) {
      const counts = await factsOf(agencyId).counts;
      return new Map(CATEGORY_IDS.map((category) => [category, counts.get(category) ?? 0]));
    },
    async filterChoices(agencyId) {
      const thisYear = Number(deps.clock.today().slice(0, 4));
      return {
        years: Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i),
        issuingBodies: await factsOf(agencyId).issuingBodies,
      };
    },
    async item(agencyId, itemId) {
      try {
        const item = await getCatalogueItem(ctx(), { itemId });
        return item.agencyId === agencyId ? item : null;
      } catch (error) {
        if (isAppError(error) && error.code === 'catalogue.notFound') return null;
        throw error;
      }
    },
    // The attachments module has no public read use case yet: items show none.
    async attachments() {
      return [];
    },
    async attachment() {
      return null;
    },
    async search(agencyId, q, page) {
      const result = await searchCatalogue(ctx(), { agencyId, q, page, pageSize: SEARCH_PAGE_SIZE });
      return { hits: result.hits, page: result.page, hasMore: result.hasMore };
    },
  };
}
