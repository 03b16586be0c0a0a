/**
 * The letters (告知书) the application workflow produces, as data: which event issues each, its title, the article of
 * the Regulations it rests on, to whom it is addressed, and whether it must tell the applicant the remedies
 * (Art. 51: 行政复议 or 行政诉讼).
 */
import type { ApplicationEvent, EventType } from '../../applications/domain/index.ts';

export const LETTER_KINDS = ['supplementNotice', 'consultationRequest', 'extensionNotice', 'feeNotice', 'reply', 'withdrawalConfirmation'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Who receives the letter: the applicant sees his letters on the status page; a consulted third party's never. */
export type LetterAddressee = 'applicant' | 'thirdParty';

export interface LetterKindDef {
  readonly kind: LetterKind;
  readonly title: string;
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
};

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
