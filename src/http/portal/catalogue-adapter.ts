/**
 * The portal's catalogue reads, answered by the catalogue module's use cases as a member of the public (so only
 * published items are ever seen). Where the module has no use case yet the adapter says so below.
 */
import { isAppError } from '../../errors.ts';
import { getAttachment } from '../../modules/attachments/use-cases/get-attachment.ts';
import { listAttachments } from '../../modules/attachments/use-cases/list-attachments.ts';
import { getCatalogueItem } from '../../modules/catalogue/use-cases/get-catalogue-item.ts';
import { getPublicCatalogueVersion } from '../../modules/catalogue/use-cases/get-public-catalogue-version.ts';
import { countCatalogueItemsByCategory, listCatalogueItems, listIssuingBodyChoices, listPublishedPage } from '../../modules/catalogue/use-cases/list-catalogue-items.ts';
import { searchCatalogue } from '../../modules/catalogue/use-cases/search-catalogue.ts';
import { publicContext, type AppDeps } from '../app-deps.ts';
import { CATALOGUE_PAGE_SIZE, SEARCH_PAGE_SIZE, type PublicCatalogue } from './catalogue-port.ts';

const CATEGORY_IDS = Array.from({ length: 15 }, (_, i) => i + 1);
/** The filter offers the issuing bodies that most of the agency's published items name, up to this many. */
const ISSUING_BODIES_OFFERED = 100;
/** Years offered in the filter, counting back from this year. */
const YEARS_OFFERED = 10;
/** Agencies whose counts and issuing bodies are kept (each a few hundred bytes). */
const FACTS_KEPT = 10_000;

interface AgencyFacts {
  readonly version: number;
  readonly counts: Promise<ReadonlyMap<number, number>>;
  readonly issuingBodies: Promise<string[]>;
}

export function catalogueAdapter(deps: AppDeps): PublicCatalogue {
  const ctx = () => publicContext(deps);
  /** The newest public version read for each agency: what kept facts must match to be used. */
  const versions = new Map<number, number>();
  const facts = new Map<number, AgencyFacts>();
  const factsOf = (agencyId: number): AgencyFacts => {
    const version = versions.get(agencyId);
    const kept = facts.get(agencyId);
    if (kept && version !== undefined && kept.version === version) return kept;
    if (facts.size >= FACTS_KEPT) facts.clear();
    const fresh: AgencyFacts = {
      version: version ?? -1,
      counts: countCatalogueItemsByCategory(ctx(), { agencyId }),
      issuingBodies: listIssuingBodyChoices(ctx(), { agencyId, limit: ISSUING_BODIES_OFFERED }),
    };
    // a failed read is not kept
    Promise.all([fresh.counts, fresh.issuingBodies]).catch(() => facts.get(agencyId) === fresh && facts.delete(agencyId));
    facts.set(agencyId, fresh);
    return fresh;
  };
  return {
    async version(agencyId) {
      const version = await getPublicCatalogueVersion(ctx(), { agencyId });
      if (versions.size >= FACTS_KEPT) versions.clear();
      versions.set(agencyId, version);
      return version;
    },
    async list(agencyId, filter) {
      if (filter.year === undefined && filter.issuingBody === undefined && filter.validity === undefined) {
        // The most common pages: the whole catalogue or one column, whose totals are the counts per category.
        const [counts, items] = await Promise.all([
          factsOf(agencyId).counts,
          listPublishedPage(ctx(), { agencyId, ...(filter.category ? { category: filter.category } : {}), page: filter.page, pageSize: CATALOGUE_PAGE_SIZE }),
        ]);
        const total = filter.category ? (counts.get(filter.category) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0);
        return { items, total, page: filter.page, pageSize: CATALOGUE_PAGE_SIZE };
      }
      // Year, issuing body, validity (with or without a category): the use case filters, counts and pages them.
      const page = await listCatalogueItems(ctx(), { agencyId, ...filter, pageSize: CATALOGUE_PAGE_SIZE });
      return page;
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
    // Read as a member of the public: the use cases answer only for published items; the agency is checked here.
    async attachments(agencyId, itemId) {
      try {
        const files = await listAttachments(ctx(), { ownerKind: 'catalogueItem', ownerId: itemId, agencyId });
        return files.map(({ id, filename, mime, size }) => ({ id, filename, mime, size }));
      } catch (error) {
        if (isAppError(error) && error.code === 'attachment.notFound') return [];
        throw error;
      }
    },
    async attachment(agencyId, itemId, attachmentId) {
      const actx = { ...ctx(), store: deps.attachments.store, maxBytes: deps.attachments.maxBytes };
      try {
        const item = await getCatalogueItem(actx, { itemId });
        if (item.agencyId !== agencyId) return null;
        const file = await getAttachment(actx, { attachmentId });
        // an attachment of another item (even a published one) is not this item's
        if (file.ownerKind !== 'catalogueItem' || file.ownerId !== itemId) return null;
        return { id: file.id, filename: file.filename, mime: file.mime, size: file.size, bytes: file.bytes };
      } catch (error) {
        if (isAppError(error) && (error.code === 'catalogue.notFound' || error.code === 'attachment.notFound')) return null;
        throw error;
      }
    },
    async search(agencyId, q, page) {
      const result = await searchCatalogue(ctx(), { agencyId, q, page, pageSize: SEARCH_PAGE_SIZE });
      return { hits: result.hits, page: result.page, hasMore: result.hasMore };
    },
  };
}
