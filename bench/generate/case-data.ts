/**
 * The case-management data of a province at scale, as rows for bulk loading: agencies, two years of applications
 * (received 2023-01-01 .. 2024-12-31, looked at on 2025-01-10), remedy cases, catalogue items and the yearly counts
 * staff enter. The mix follows published reports: ~80% natural persons; most applications disclosed or 不掌握, some
 * withheld, some not handled, a few still open at year end; a few agencies get most of the applications.
 */
import { OUTCOME_IDS, type OutcomeId } from '../../src/modules/applications/domain/outcomes.ts';
import { address, creditCode, description, idNumber, organisationName, personName, phone, purpose } from './applicants.ts';
import { dateTable, seeded, weighted, type Random } from './random.ts';
import type { TableSpec } from './table-spec.ts';

export interface CaseScale {
  readonly agencies: number;
  readonly applications: number;
  /** Catalogue items per agency (all of Art. 20's categories; about a third are item 1 documents). */
  readonly catalogueItemsPerAgency: number;
}

/** The first day of the data, and the day it is looked at (some applications are still open then). */
export const FIRST_DAY = '2023-01-01';
export const AS_OF = '2025-01-10';
const DAYS = dateTable(FIRST_DAY, 741);
const AS_OF_DAY = DAYS.indexOf(AS_OF);
const RECEIVED_DAYS = DAYS.indexOf('2024-12-31') + 1;
const CREATED_AT = '2023-01-01T00:00:00.000Z';
/** The agencies' sizes are the same for applications and remedy cases. */
const AGENCY_SEED = 20_230_101;

export const AGENCIES: TableSpec = {
  table: 'agencies',
  columns: [['code', 'text'], ['name', 'text'], ['kind', 'text'], ['level', 'text'], ['created_at', 'text']],
};

const PLACES = ['淮安市', '清江浦区', '淮安区', '淮阴区', '洪泽区', '涟水县', '盱眙县', '金湖县'];
const DEPARTMENTS = ['人民政府', '人民政府办公室', '自然资源和规划局', '住房和城乡建设局', '公安局', '生态环境局', '财政局', '交通运输局', '人力资源和社会保障局', '市场监督管理局', '农业农村局', '教育局', '卫生健康委员会', '民政局', '城市管理局', '应急管理局', '水利局', '司法局'];

export function* agencyRows(scale: CaseScale): Generator<unknown[]> {
  for (let i = 0; i < scale.agencies; i++) {
    const dept = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const place = PLACES[Math.floor(i / DEPARTMENTS.length) % PLACES.length]!;
    const round = Math.floor(i / (DEPARTMENTS.length * PLACES.length));
    const name = round === 0 ? `${place}${dept}` : `${place}第${round + 1}片区${dept}`;
    yield [`A${String(i + 1).padStart(5, '0')}`, name, dept.startsWith('人民政府') && !dept.endsWith('办公室') ? 'government' : 'department', i < DEPARTMENTS.length ? 'municipal' : 'county', CREATED_AT];
  }
}

/**
 * How much each agency receives: log-normal, so land, housing and police offices get tens of times what a small
 * office gets (as in real reports). Agency ids are 1..n in insertion order.
 */
function agencyPicker(scale: CaseScale): (r: Random) => number {
  const r = seeded(AGENCY_SEED);
  const table: [number, number][] = [];
  for (let id = 1; id <= scale.agencies; id++) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
    table.push([id, Math.exp(1.1 * gaussian)]);
  }
  return weighted(table);
}

export const APPLICANT_MIX = weighted<string>([
  ['naturalPerson', 80], ['business', 10], ['legalService', 4], ['otherOrg', 4], ['research', 1], ['publicInterest', 1],
]);

/** Outcome shares close to published provincial totals (disclosed and 不掌握 lead, withheld a few percent). */
const OUTCOME_WEIGHTS: Readonly<Record<OutcomeId, number>> = {
  disclosed: 38, partlyDisclosed: 7,
  'withheld.stateSecret': 0.2, 'withheld.barredByLaw': 0.4, 'withheld.securityStability': 0.3, 'withheld.thirdParty': 1.2,
  'withheld.internalAffairs': 0.8, 'withheld.processInfo': 1.5, 'withheld.enforcementFiles': 0.6, 'withheld.queryMatters': 1.5,
  'unavailable.notHeld': 24, 'unavailable.needsCompiling': 3, 'unavailable.unclearAfterSupplement': 3,
  'notHandled.petition': 2.5, 'notHandled.repeat': 2.5, 'notHandled.publication': 1, 'notHandled.massRepeat': 0.5, 'notHandled.confirmation': 1,
  'other.noSupplement': 3, 'other.feeUnpaid': 0.2, 'other.misc': 7.8,
};
export const OUTCOME_MIX = weighted(OUTCOME_IDS.map((id) => [id, OUTCOME_WEIGHTS[id]] as const));

/** Calendar days from receipt to the reply: mostly within the 20 working days of Art. 33, some extended or paused. */
const HANDLING_DAYS = weighted<[number, number]>([[[1, 20], 70], [[21, 29], 22], [[30, 60], 6], [[61, 150], 2]]);
/** Online submissions arrive at weekends too, but fewer. */
const DAY_MIX = weighted(DAYS.slice(0, RECEIVED_DAYS).map((d, i) => [i, [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) ? 0.4 : 1] as const));
const CHANNEL_MIX = weighted<string>([['online', 70], ['inPerson', 12], ['registeredPost', 10], ['ordinaryPost', 3], ['email', 4], ['fax', 1]]);
const FORM_MIX = weighted<string>([['paper', 45], ['electronic', 45], ['inspection', 5], ['copying', 5]]);
const DELIVERY_MIX = weighted<string>([['post', 45], ['email', 30], ['online', 15], ['collect', 10]]);
const OPEN_STATES = ['registered', 'registered', 'registered', 'awaitingSupplement', 'inConsultation'];

export const APPLICATIONS: TableSpec = {
  table: 'applications',
  columns: [
    ['agency_id', 'int'], ['tracking_code', 'text'], ['secret_hash', 'text'], ['channel', 'text'], ['received_on', 'text'],
    ['applicant_type', 'text'], ['applicant_name', 'text'], ['id_type', 'text'], ['id_number', 'text'], ['phone', 'text'],
    ['email', 'text'], ['address', 'text'], ['org_credit_code', 'text'], ['org_contact_name', 'text'], ['description', 'text'],
    ['purpose', 'text'], ['form', 'text'], ['delivery', 'text'], ['state', 'text'], ['outcome', 'text'], ['due_on', 'text'],
    ['closed_on', 'text'], ['year', 'int'], ['created_at', 'text'], ['updated_at', 'text'],
  ],
};

export function* applicationRows(scale: CaseScale, seed: number): Generator<unknown[]> {
  const r = seeded(seed);
  const agency = agencyPicker(scale);
  const hashes = Array.from({ length: 997 }, () => Array.from({ length: 4 }, () => r.digits(16)).join(''));
  for (let i = 0; i < scale.applications; i++) {
    const day = DAY_MIX(r);
    const receivedOn = DAYS[day]!;
    const [lo, hi] = HANDLING_DAYS(r);
    const closeDay = day + r.int(lo, hi);
    const open = closeDay > AS_OF_DAY;
    const outcome = open ? null : OUTCOME_MIX(r);
    const type = APPLICANT_MIX(r);
    const person = type === 'naturalPerson';
    const year = Number(receivedOn.slice(0, 4));
    const stamp = `${receivedOn}T0${r.int(0, 9)}:${r.int(10, 59)}:00.000Z`;
    yield [
      agency(r), (i * 7_919 + 104_729).toString(36).toUpperCase().padStart(10, 'G'), hashes[i % hashes.length]!, CHANNEL_MIX(r),
      receivedOn, type, person ? personName(r) : organisationName(r), person ? '居民身份证' : null, person ? idNumber(r) : null,
      phone(r), r.chance(0.3) ? `user${r.digits(6)}@example.cn` : null, r.chance(0.5) ? address(r) : null,
      person ? null : creditCode(r), person ? null : personName(r), description(r, year), purpose(r) || null, FORM_MIX(r),
      DELIVERY_MIX(r), open ? r.pick(OPEN_STATES) : stateFor(outcome!, r), outcome, DAYS[Math.min(day + 28, DAYS.length - 1)]!,
      open ? null : DAYS[closeDay]!, year, stamp, stamp,
    ];
  }
}

function stateFor(outcome: OutcomeId, r: Random): string {
  if (outcome === 'other.noSupplement' || outcome === 'other.feeUnpaid') return 'abandoned';
  if (outcome === 'other.misc' && r.chance(0.6)) return 'withdrawn';
  return r.pick(['replied', 'delivered', 'archived']);
}

export const REMEDY_CASES: TableSpec = {
  table: 'remedy_cases',
  columns: [['agency_id', 'int'], ['kind', 'text'], ['reference', 'text'], ['filed_on', 'text'], ['result', 'text'], ['closed_on', 'text'], ['created_at', 'text']],
};

const REMEDY_KIND = weighted<string>([['reconsideration', 70], ['litigationDirect', 20], ['litigationAfterReconsideration', 10]]);
const REMEDY_RESULT = weighted<string>([['upheld', 75], ['corrected', 12], ['other', 13]]);

/** About 1.2 reconsideration or litigation cases per 100 applications, decided 60-180 days after filing. */
export function* remedyRows(scale: CaseScale, seed: number): Generator<unknown[]> {
  const r = seeded(seed);
  const agency = agencyPicker(scale);
  const n = Math.round(scale.applications * 0.012);
  for (let i = 0; i < n; i++) {
    const day = r.int(20, AS_OF_DAY);
    const decided = day + r.int(60, 180);
    const kind = REMEDY_KIND(r);
    const closed = decided <= AS_OF_DAY;
    const ref = kind === 'reconsideration' ? `淮复决字〔${DAYS[day]!.slice(0, 4)}〕${i + 1}号` : `（${DAYS[day]!.slice(0, 4)}）苏0812行初${i + 1}号`;
    yield [agency(r), kind, ref, DAYS[day]!, closed ? REMEDY_RESULT(r) : 'pending', closed ? DAYS[decided]! : null, CREATED_AT];
  }
}

export const CATALOGUE_ITEMS: TableSpec = {
  table: 'catalogue_items',
  columns: [
    ['agency_id', 'int'], ['index_number', 'text'], ['title', 'text'], ['summary', 'text'], ['body', 'text'], ['category', 'int'],
    ['issuing_body', 'text'], ['written_on', 'text'], ['published_on', 'text'], ['doc_number', 'text'], ['validity', 'text'],
    ['state', 'text'], ['year', 'int'], ['created_at', 'text'], ['updated_at', 'text'],
  ],
};

const CATALOGUE_DAYS = dateTable('2015-01-01', 3_650 + 10);
const CATEGORY = weighted<number>([[1, 35], [2, 8], [3, 6], [4, 5], [5, 12], [6, 10], [7, 4], [8, 3], [9, 4], [10, 3], [11, 3], [12, 2], [13, 2], [14, 2], [15, 1]]);
const BODY = '为进一步规范行政行为，保障公民、法人和其他组织的合法权益，根据有关法律、法规和规章的规定，结合本地实际，制定本办法。本办法自印发之日起施行，有效期五年。各地各部门要认真贯彻执行，执行中遇到的问题及时报告。';

/** Catalogue items of the last ten years; item 1 documents carry a document number (规章 by 令). */
export function* catalogueRows(scale: CaseScale, seed: number): Generator<unknown[]> {
  const r = seeded(seed);
  for (let agencyId = 1; agencyId <= scale.agencies; agencyId++) {
    for (let k = 1; k <= scale.catalogueItemsPerAgency; k++) {
      const category = CATEGORY(r);
      const written = r.int(0, CATALOGUE_DAYS.length - 25);
      const writtenOn = CATALOGUE_DAYS[written]!;
      const year = Number(writtenOn.slice(0, 4));
      const docNumber = category === 1 ? (r.chance(0.08) ? `淮安市人民政府令第${r.int(1, 40)}号` : `淮政规〔${year}〕${r.int(1, 30)}号`) : null;
      yield [
        agencyId, `A${agencyId}-${year}-${String(k).padStart(5, '0')}`, `关于印发${r.pick(['加强', '规范', '推进', '做好'])}有关工作的通知（${k}）`,
        '内容概述：规范有关工作。', BODY, category, '淮安市人民政府', writtenOn, CATALOGUE_DAYS[written + r.int(0, 20)]!, docNumber,
        category === 1 ? r.pick(['valid', 'valid', 'valid', 'valid', 'expired', 'repealed']) : null,
        r.chance(0.95) ? 'published' : r.pick(['draft', 'review']), year, CREATED_AT, CREATED_AT,
      ];
    }
  }
}

export const YEARLY_COUNTS: TableSpec = {
  table: 'yearly_counts',
  columns: [['agency_id', 'int'], ['year', 'int'], ['row_id', 'text'], ['column_id', 'text'], ['value', 'text']],
};

/** What staff enter for table 二 each year: decisions of items 5 and 6, fees of item 8, documents repealed. */
export function* yearlyCountRows(scale: CaseScale, seed: number): Generator<unknown[]> {
  const r = seeded(seed);
  for (let agencyId = 1; agencyId <= scale.agencies; agencyId++) {
    const licenses = r.chance(0.4);
    for (const year of [2023, 2024]) {
      yield [agencyId, year, 'licensing', 'decisions', String(licenses ? r.int(10, 3_000) : 0)];
      yield [agencyId, year, 'penalties', 'decisions', String(r.chance(0.5) ? r.int(1, 500) : 0)];
      yield [agencyId, year, 'compulsion', 'decisions', String(r.chance(0.2) ? r.int(1, 50) : 0)];
      yield [agencyId, year, 'fees', 'amountWan', r.chance(0.15) ? (r.int(1, 500_000) / 100).toFixed(2) : '0'];
      yield [agencyId, year, 'rules', 'repealed', String(r.chance(0.05) ? 1 : 0)];
      yield [agencyId, year, 'normativeDocs', 'repealed', String(r.chance(0.3) ? r.int(1, 5) : 0)];
    }
  }
}
