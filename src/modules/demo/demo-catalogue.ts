/**
 * Demo catalogue items (Art. 12 metadata, Art. 20 categories): normative documents with 文号, and items of the other
 * categories an agency publishes; a government now and then issues a rule (政府令), counted as 规章 in table 二.
 * Small demos create, submit and publish each item through the catalogue use cases; big runs write the same rows,
 * index numbers (domain/index-number.ts), search terms (domain/bigrams.ts) and index counters in bulk.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewCatalogueItemRow } from '../../db/schema.ts';
import type { WorkingCalendar } from '../calendar/domain/calendar.ts';
import { fixedClock } from '../applications/use-cases/context.ts';
import { indexTerms } from '../catalogue/domain/bigrams.ts';
import { formatIndexNumber } from '../catalogue/domain/index-number.ts';
import { searchableText } from '../catalogue/use-cases/catalogue-step.ts';
import { createCatalogueItem } from '../catalogue/use-cases/create-catalogue-item.ts';
import { publishCatalogueItem } from '../catalogue/use-cases/publish-catalogue-item.ts';
import { submitCatalogueItem } from '../catalogue/use-cases/submit-catalogue-item.ts';
import type { StaffActor } from '../accounts/policy.ts';
import { pick, type Random } from './demo-applications.ts';
import { insertCatalogueItems } from './demo.repository.ts';

const NORMATIVE = ['关于进一步优化营商环境的若干措施', '专项资金管理办法', '行政执法公示办法', '重大行政决策程序规定', '政府信息公开工作规范', '政府采购内部控制管理办法'];
const OTHER: readonly (readonly [number, string])[] = [
  [2, '机构职能及领导分工'],
  [3, '年度工作要点'],
  [4, '统计公报'],
  [5, '行政许可事项清单'],
  [6, '行政处罚裁量基准'],
  [7, '部门预算公开说明'],
  [8, '行政事业性收费目录清单'],
  [9, '政府集中采购目录及标准'],
  [11, '就业创业扶持政策解读'],
  [12, '突发事件应急预案'],
  [14, '公务员招录公告'],
];

export interface DemoAgencyRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: 'government' | 'department';
}

export interface CatalogueItemPlan {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly category: number;
  readonly issuingBody: string;
  readonly writtenOn: string;
  readonly publishedOn: string;
  readonly docNumber: string | null;
  readonly validity: 'valid' | 'repealed' | null;
}

/** Up to `perYear` items for one agency and year, written and published (Art. 26: within days) by `today`. */
export function planCatalogueItems(random: Random, agency: DemoAgencyRef, year: number, perYear: number, today: string): CatalogueItemPlan[] {
  const out: CatalogueItemPlan[] = [];
  const short = agency.name.slice(0, 3);
  for (let n = 1; n <= perYear; n++) {
    const written = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const published = new Date(`${written}T00:00:00Z`);
    published.setUTCDate(published.getUTCDate() + 3 + Math.floor(random() * 10));
    const publishedOn = published.toISOString().slice(0, 10);
    if (publishedOn > today) continue;
    const normative = random() < 0.4;
    const rule = normative && agency.kind === 'government' && random() < 0.15;
    const [category, topic] = normative ? [1, pick(random, NORMATIVE)] : pick(random, OTHER);
    const title = normative ? `${agency.name}关于印发${topic}的通知` : `${agency.name}${year}年${topic}`;
    out.push({
      title,
      summary: `${title}。`,
      body: `${title}（示范数据）。`,
      category,
      issuingBody: agency.name,
      writtenOn: written,
      publishedOn,
      docNumber: rule ? `${short}人民政府令第${n}号` : normative ? `${short}规〔${year}〕${n}号` : null,
      validity: normative ? (random() < 0.1 ? 'repealed' : 'valid') : null,
    });
  }
  return out.sort((a, b) => a.writtenOn.localeCompare(b.writtenOn));
}

/** Creates, submits (clerk) and publishes (reviewer) each item through the catalogue use cases. */
export async function publishThroughUseCases(
  db: Kysely<Database>,
  agencyId: number,
  plans: readonly CatalogueItemPlan[],
  clerk: StaffActor,
  reviewer: StaffActor,
  calendar: WorkingCalendar,
): Promise<void> {
  for (const p of plans) {
    const asClerk = { db, actor: clerk, clock: fixedClock(p.writtenOn), calendar };
    const item = await createCatalogueItem(asClerk, {
      agencyId,
      title: p.title,
      summary: p.summary,
      body: p.body,
      category: p.category,
      issuingBody: p.issuingBody,
      writtenOn: p.writtenOn,
      ...(p.docNumber ? { docNumber: p.docNumber } : {}),
      ...(p.validity ? { validity: p.validity } : {}),
    });
    await submitCatalogueItem(asClerk, { itemId: item.id });
    await publishCatalogueItem({ db, actor: reviewer, clock: fixedClock(p.publishedOn), calendar }, { itemId: item.id, on: p.publishedOn });
  }
}

/** The rows the use cases would have stored for one agency and year (index numbers 1, 2, 3... in order written). */
export function catalogueRows(agency: DemoAgencyRef, year: number, plans: readonly CatalogueItemPlan[]): NewCatalogueItemRow[] {
  return plans.map((p, i) => ({
    agency_id: agency.id,
    index_number: formatIndexNumber(agency.code, year, i + 1),
    title: p.title,
    summary: p.summary,
    body: p.body,
    category: p.category,
    issuing_body: p.issuingBody,
    written_on: p.writtenOn,
    published_on: p.publishedOn,
    doc_number: p.docNumber,
    validity: p.validity,
    state: 'published',
    year,
    created_at: `${p.writtenOn}T02:00:00.000Z`,
    updated_at: `${p.publishedOn}T02:00:00.000Z`,
  }));
}

/** Bulk: items, their search terms and the index counters, as the catalogue use cases keep them. */
export async function insertCatalogueInBulk(db: Kysely<Database> | Transaction<Database>, agency: DemoAgencyRef, year: number, plans: readonly CatalogueItemPlan[]): Promise<void> {
  if (plans.length === 0) return;
  const rows = catalogueRows(agency, year, plans);
  const terms = (id: number, row: NewCatalogueItemRow) =>
    Array.from(
      indexTerms(searchableText({ title: row.title, summary: row.summary ?? null, body: row.body, doc_number: row.doc_number ?? null, issuing_body: row.issuing_body ?? null })),
      (term) => ({ term, agency_id: agency.id, item_id: id }),
    );
  await insertCatalogueItems(db, rows, terms, { agency_id: agency.id, year, last_seq: rows.length });
}
