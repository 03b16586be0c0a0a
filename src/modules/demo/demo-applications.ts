/**
 * Plans for demo applications: who applied, by which channel, for what, and how and when it was answered — drawn
 * from a seeded generator, so the same seed gives the same data. Each plan is either handed to the applications use
 * cases (small demos) or turned into rows by the pure life-cycle domain (big runs, demo-rows.ts).
 */
import { creditCodeCheckChar } from '../applicants/domain/credit-code.ts';
import { idNumberCheckChar } from '../applicants/domain/id-number.ts';
import { CalendarError, type WorkingCalendar } from '../calendar/domain/calendar.ts';
import { OUTCOMES, type ApplicantType, type Channel, type DeliveryChannel, type IntakeFacts, type OutcomeId, type WantedForm } from '../applications/domain/index.ts';

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Picks by weight: [[value, weight], ...]. */
export function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1]![0];
}

const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['online', 55],
  ['inPerson', 15],
  ['registeredPost', 12],
  ['ordinaryPost', 5],
  ['email', 10],
  ['fax', 3],
];

const APPLICANT_WEIGHTS: readonly (readonly [ApplicantType, number])[] = [
  ['naturalPerson', 82],
  ['business', 9],
  ['research', 1],
  ['publicInterest', 1],
  ['legalService', 4],
  ['otherOrg', 3],
];

/** Roughly the mix published annual reports show; only outcomes a reply letter can give (not the lapses). */
const OUTCOME_WEIGHTS: readonly (readonly [OutcomeId, number])[] = [
  ['disclosed', 36],
  ['partlyDisclosed', 9],
  ['withheld.stateSecret', 0.3],
  ['withheld.barredByLaw', 0.7],
  ['withheld.securityStability', 0.5],
  ['withheld.thirdParty', 2],
  ['withheld.internalAffairs', 1.5],
  ['withheld.processInfo', 2.5],
  ['withheld.enforcementFiles', 1],
  ['withheld.queryMatters', 1.5],
  ['unavailable.notHeld', 24],
  ['unavailable.needsCompiling', 3],
  ['notHandled.petition', 5],
  ['notHandled.repeat', 4],
  ['notHandled.publication', 0.5],
  ['notHandled.massRepeat', 1.5],
  ['notHandled.confirmation', 1],
  ['other.misc', 3],
];

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国建华志强海燕慧婷雪梅鑫宇浩然子涵欣怡'];
const ORG_WORDS = ['恒信', '华通', '鼎盛', '宏达', '启明', '安和', '润丰', '博远', '联创', '新航', '嘉禾', '正元'];
const ORG_SUFFIX: Readonly<Record<Exclude<ApplicantType, 'naturalPerson'>, readonly string[]>> = {
  business: ['贸易有限公司', '建设工程有限公司', '科技有限公司', '房地产开发有限公司', '物流股份有限公司'],
  research: ['研究院', '技术研究所', '规划设计研究中心'],
  publicInterest: ['公益基金会', '环保志愿者协会', '社会服务中心'],
  legalService: ['律师事务所', '法律服务所'],
  otherOrg: ['业主委员会', '村民委员会', '商会'],
};
const TOPICS = [
  '部门预算和决算',
  '老旧小区改造项目的实施方案',
  '道路拓宽工程的建设用地规划许可证',
  '房屋征收补偿安置方案',
  '政府采购项目的招标文件及中标结果',
  '建设项目环境影响评价报告书及批复',
  '义务教育学校招生划片方案',
  '农村集体土地征收的批准文件',
  '行政处罚决定书',
  '财政专项资金的分配及使用情况',
  '企业排污许可证及监测数据',
  '城市总体规划修编的公示材料',
];
const PURPOSES = ['了解政策', '维护自身合法权益', '学术研究', '企业经营需要', '诉讼需要'];
const WANTED: readonly WantedForm[] = ['paper', 'electronic', 'electronic', 'inspection', 'copying'];
const DELIVERY: Readonly<Record<WantedForm, readonly DeliveryChannel[]>> = {
  paper: ['post', 'collect'],
  electronic: ['email', 'online'],
  inspection: ['collect'],
  copying: ['post', 'collect'],
};
const CODE_ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

export function personName(random: Random): string {
  const given = random() < 0.6 ? pick(random, GIVEN) + pick(random, GIVEN) : pick(random, GIVEN);
  return pick(random, SURNAMES) + given;
}

/** A GB 11643 number with a correct check character, born 1950-2004 in the given region. */
function idNumber(random: Random, regionCode: string, serial: number): string {
  const year = 1950 + Math.floor(random() * 55);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const first17 = `${regionCode}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

function creditCode(random: Random, regionCode: string): string {
  for (;;) {
    let org = '';
    for (let i = 0; i < 9; i++) org += pick(random, CODE_ALPHABET);
    const check = creditCodeCheckChar(`91${regionCode}${org}`);
    if (check !== undefined) return `91${regionCode}${org}${check}`;
  }
}

function mobile(random: Random): string {
  return `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
}

function factsFor(channel: Channel, on: string): IntakeFacts {
  switch (channel) {
    case 'inPerson':
      return { channel, handedInOn: on };
    case 'registeredPost':
      return { channel, signedForOn: on };
    case 'ordinaryPost':
      return { channel, arrivedOn: on, confirmedWithApplicantOn: on };
    default:
      return { channel, submittedOn: on, confirmedByBothOn: on };
  }
}

export type DemoApplicant =
  | { readonly type: 'naturalPerson'; readonly name: string; readonly idType: '居民身份证'; readonly idNumber: string; readonly phone: string; readonly address: string }
  | {
      readonly type: 'organisation';
      readonly orgType: 'business' | 'research' | 'publicInterest' | 'legalService' | 'other';
      readonly name: string;
      readonly creditCode: string;
      readonly legalRepresentative: string;
      readonly contactName: string;
      readonly phone: string;
      readonly address: string;
    };

export interface DemoApplicationPlan {
  readonly agencyIndex: number;
  readonly applicantType: ApplicantType;
  readonly applicant: DemoApplicant;
  readonly description: string;
  readonly purpose: string;
  readonly form: WantedForm;
  readonly delivery: DeliveryChannel;
  readonly facts: IntakeFacts;
  readonly receivedOn: string;
  /** Null: still being handled today. */
  readonly reply: { readonly on: string; readonly outcome: OutcomeId; readonly legalBasis: string } | null;
}

export interface PlanContext {
  readonly random: Random;
  readonly calendar: WorkingCalendar;
  /** Nothing is received or answered after this day. */
  readonly today: string;
  readonly agencies: readonly { readonly name: string; readonly regionCode: string }[];
}

const places = new Map<string, string>();

/** 示范市财政局 → 示范市, 东城区人民政府 → 东城区. */
function placeOf(agencyName: string): string {
  let place = places.get(agencyName);
  if (place === undefined) places.set(agencyName, (place = agencyName.replace(/(人民政府|[^市县区]+)$/, '')));
  return place;
}

/** One application received on `receivedOn` by agency number `agencyIndex`. */
export function planApplication(ctx: PlanContext, agencyIndex: number, receivedOn: string, serial: number): DemoApplicationPlan {
  const { random, calendar } = ctx;
  const agency = ctx.agencies[agencyIndex]!;
  const channel = weighted(random, CHANNEL_WEIGHTS);
  const applicantType = weighted(random, APPLICANT_WEIGHTS);
  const place = placeOf(agency.name);
  const address = `${place}${pick(random, ['人民路', '建设路', '解放路', '中山路', '文化路'])}${1 + Math.floor(random() * 300)}号`;
  const applicant: DemoApplicant =
    applicantType === 'naturalPerson'
      ? { type: 'naturalPerson', name: personName(random), idType: '居民身份证', idNumber: idNumber(random, agency.regionCode, serial), phone: mobile(random), address }
      : {
          type: 'organisation',
          orgType: applicantType === 'otherOrg' ? 'other' : applicantType,
          name: `${place}${pick(random, ORG_WORDS)}${pick(random, ORG_SUFFIX[applicantType])}`,
          creditCode: creditCode(random, agency.regionCode),
          legalRepresentative: personName(random),
          contactName: personName(random),
          phone: mobile(random),
          address,
        };
  const form = pick(random, WANTED);
  const year = Number(receivedOn.slice(0, 4));
  const topicYear = year - (random() < 0.7 ? 1 : 0);
  // Art. 33: most replies within 20 working days of receipt; a few late, a few on the spot.
  const r = random();
  const workingDays = r < 0.05 ? 0 : r < 0.97 ? 1 + Math.floor(random() * 19) : 21 + Math.floor(random() * 5);
  const replyOn = workingDays === 0 ? receivedOn : addWorkingDaysOrNull(calendar, receivedOn, workingDays);
  const outcome = weighted(random, OUTCOME_WEIGHTS);
  return {
    agencyIndex,
    applicantType,
    applicant,
    description: `申请公开${agency.name}${topicYear}年${pick(random, TOPICS)}`,
    purpose: pick(random, PURPOSES),
    form,
    delivery: pick(random, DELIVERY[form]),
    facts: factsFor(channel, receivedOn),
    receivedOn,
    reply: replyOn === null || replyOn > ctx.today ? null : { on: replyOn, outcome, legalBasis: OUTCOMES[outcome].legalBasis.join('、') || '《中华人民共和国政府信息公开条例》' },
  };
}

/** Null past the last year with holiday data: the application then stays open, like one not yet answered. */
function addWorkingDaysOrNull(calendar: WorkingCalendar, from: string, n: number): string | null {
  try {
    return calendar.addWorkingDays(from, n);
  } catch (error) {
    if (error instanceof CalendarError) return null;
    throw error;
  }
}

/** The working days of the given years up to `today`, on which applications arrive. */
export function receiptDays(calendar: WorkingCalendar, years: readonly [number, number], today: string): string[] {
  const days: string[] = [];
  let day = calendar.nextWorkingDayOnOrAfter(`${years[0]}-01-01`);
  const last = `${years[1]}-12-31` < today ? `${years[1]}-12-31` : today;
  while (day <= last) {
    days.push(day);
    day = calendar.addWorkingDays(day, 1);
  }
  return days;
}
