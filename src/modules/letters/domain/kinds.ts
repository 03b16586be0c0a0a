/**
 * The letters (告知书) the application workflow produces, as data: which event issues each, its title, the article of
 * the Regulations it rests on, to whom it is addressed, and whether it must tell the applicant the remedies
 * (Art. 51: 行政复议 or 行政诉讼).
 */
import type { ApplicationEvent, EventType } from '../../applications/domain/index.ts';

export const LETTER_KINDS = [
  'supplementNotice',
  'consultationRequest',
  'extensionNotice',
  'feeNotice',
  'reply',
  'withdrawalConfirmation',
  'supplementLapseNotice',
  'feeLapseNotice',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Who receives the letter: the applicant sees his letters on the status page; a consulted third party's never. */
export type LetterAddressee = 'applicant' | 'thirdParty';

export interface LetterKindDef {
  readonly kind: LetterKind;
  readonly title: string;
  /** How the screens name the kind when its title is not enough (two kinds print 视为放弃申请告知书); else the title. */
  readonly label?: string;
  /** Where the letter comes from in the law (shown on the template screens; the default text cites it too). */
  readonly basis: string;
  readonly event: EventType;
  readonly addressee: LetterAddressee;
  /** Art. 51: the applicant may object, so the letter states 行政复议 and 行政诉讼 and their terms. */
  readonly remedies: boolean;
}

export const LETTER_KIND_DEFS: Readonly<Record<LetterKind, LetterKindDef>> = {
  supplementNotice: { kind: 'supplementNotice', title: '补正申请告知书', basis: '《条例》第三十条', event: 'supplementRequested', addressee: 'applicant', remedies: false },
  consultationRequest: { kind: 'consultationRequest', title: '征求第三方意见书', basis: '《条例》第三十二条', event: 'consultationStarted', addressee: 'thirdParty', remedies: false },
  extensionNotice: { kind: 'extensionNotice', title: '延长答复期限告知书', basis: '《条例》第三十三条第二款', event: 'extensionApproved', addressee: 'applicant', remedies: false },
  feeNotice: { kind: 'feeNotice', title: '收费通知书', basis: '《条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', event: 'feeNoticeIssued', addressee: 'applicant', remedies: true },
  reply: { kind: 'reply', title: '政府信息公开申请答复书', basis: '《条例》第三十六条至第三十九条', event: 'replied', addressee: 'applicant', remedies: true },
  withdrawalConfirmation: { kind: 'withdrawalConfirmation', title: '撤回申请确认书', basis: '申请人撤回申请（年度报告表三（六）3 其他）', event: 'withdrawn', addressee: 'applicant', remedies: false },
  // Issued by the lapse job: deemed abandonment ends handling without a reply, an act the applicant may contest (Art. 51).
  supplementLapseNotice: {
    kind: 'supplementLapseNotice',
    title: '视为放弃申请告知书',
    label: '视为放弃申请告知书（逾期未补正）',
    basis: '《条例》第三十条',
    event: 'supplementLapsed',
    addressee: 'applicant',
    remedies: true,
  },
  feeLapseNotice: {
    kind: 'feeLapseNotice',
    title: '视为放弃申请告知书',
    label: '视为放弃申请告知书（逾期未缴费）',
    basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    event: 'feeLapsed',
    addressee: 'applicant',
    remedies: true,
  },
};

/** The letters of deemed abandonment, which the lapse job issues as gongkai itself. */
export const LAPSE_LETTER_KINDS: readonly LetterKind[] = ['supplementLapseNotice', 'feeLapseNotice'];

/** The kind's name on the screens: its label, else its title. */
export function letterKindLabel(kind: LetterKind): string {
  const def = LETTER_KIND_DEFS[kind];
  return def.label ?? def.title;
}

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

/**
 * The letter an event issues, if any. Art. 34 consultations of another agency go by an inter-agency letter (函),
 * not by this third-party letter, so they issue none here.
 */
export function letterKindFor(event: ApplicationEvent): LetterKind | null {
  if (event.type === 'consultationStarted' && event.party !== 'thirdParty') return null;
  return LETTER_KINDS.find((k) => LETTER_KIND_DEFS[k].event === event.type) ?? null;
}
