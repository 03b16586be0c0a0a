/**
 * How an application ends, as data: one outcome per outcome row of table 三 in the 2021 format (stable ids of
 * domain.md §7), with the legal basis and the standard wording of the reply letter. The 2019 format folds the three
 * `other.*` outcomes into its single （六） row (see table-mapping.ts).
 */

export const OUTCOME_IDS = [
  'disclosed',
  'partlyDisclosed',
  'withheld.stateSecret',
  'withheld.barredByLaw',
  'withheld.securityStability',
  'withheld.thirdParty',
  'withheld.internalAffairs',
  'withheld.processInfo',
  'withheld.enforcementFiles',
  'withheld.queryMatters',
  'unavailable.notHeld',
  'unavailable.needsCompiling',
  'unavailable.unclearAfterSupplement',
  'notHandled.petition',
  'notHandled.repeat',
  'notHandled.publication',
  'notHandled.massRepeat',
  'notHandled.confirmation',
  'other.noSupplement',
  'other.feeUnpaid',
  'other.misc',
] as const;

export type OutcomeId = (typeof OUTCOME_IDS)[number];

/** How an outcome is reached: by a reply letter, or by the handling ending without one. */
export type OutcomeReachedBy = 'reply' | 'abandonment' | 'withdrawalOrReply';

export interface OutcomeDef {
  readonly id: OutcomeId;
  /** The table 三 row label as printed on the 2021 form. */
  readonly label: string;
  /** Where the rule comes from; 《条例》 is the Regulations as revised in 2019. Empty when no article names it. */
  readonly legalBasis: readonly string[];
  /** Standard wording for the reply letter (the office completes the particulars). */
  readonly letter: string;
  readonly reachedBy: OutcomeReachedBy;
}

const def = (
  id: OutcomeId,
  label: string,
  legalBasis: string[],
  letter: string,
  reachedBy: OutcomeReachedBy = 'reply',
): OutcomeDef => ({ id, label, legalBasis, letter, reachedBy });

export const OUTCOMES: Readonly<Record<OutcomeId, OutcomeDef>> = Object.fromEntries(
  [
    def('disclosed', '予以公开', ['《条例》第三十六条第（一）项', '《条例》第三十六条第（二）项'],
      '经审查，您申请获取的政府信息属于公开范围，本机关予以公开。已主动公开的，告知获取的方式和途径；可以公开的，向您提供该信息，或者告知获取该信息的方式、途径和时间。'),
    def('partlyDisclosed', '部分公开', ['《条例》第三十七条'],
      '您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，本机关向您提供可以公开的部分，并对不予公开的部分说明理由。'),
    def('withheld.stateSecret', '属于国家秘密', ['《条例》第十四条'],
      '您申请获取的政府信息属于国家秘密，依法不予公开。'),
    def('withheld.barredByLaw', '其他法律行政法规禁止公开', ['《条例》第十四条'],
      '您申请获取的政府信息属于法律、行政法规禁止公开的信息，依法不予公开。'),
    def('withheld.securityStability', '危及“三安全一稳定”', ['《条例》第十四条'],
      '公开您申请获取的政府信息后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。'),
    def('withheld.thirdParty', '保护第三方合法权益', ['《条例》第十五条', '《条例》第三十二条'],
      '您申请获取的政府信息涉及商业秘密、个人隐私等，公开后会对第三方合法权益造成损害，第三方不同意公开，依法不予公开。'),
    def('withheld.internalAffairs', '属于三类内部事务信息', ['《条例》第十六条第一款'],
      '您申请获取的信息属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息，本机关不予公开。'),
    def('withheld.processInfo', '属于四类过程性信息', ['《条例》第十六条第二款'],
      '您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关不予公开。'),
    def('withheld.enforcementFiles', '属于行政执法案卷', ['《条例》第十六条第二款'],
      '您申请获取的信息属于行政执法案卷信息，本机关不予公开。'),
    def('withheld.queryMatters', '属于行政查询事项', ['《条例》第三十六条第（七）项'],
      '您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的事项（如工商、不动产登记资料），请按照有关法律、行政法规的规定办理。'),
    def('unavailable.notHeld', '本机关不掌握相关政府信息', ['《条例》第三十六条第（四）项', '《条例》第三十六条第（五）项'],
      '经检索，本机关未制作或者获取您申请公开的政府信息，或者该信息不属于本机关负责公开；能够确定负责公开该信息的行政机关的，告知其名称和联系方式。'),
    def('unavailable.needsCompiling', '没有现成信息需要另行制作', ['《条例》第三十八条'],
      '您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。'),
    def('unavailable.unclearAfterSupplement', '补正后申请内容仍不明确', ['《条例》第三十条'],
      '经补正后，您的申请内容仍不明确，本机关无法确定您需要的政府信息，无法提供。'),
    def('notHandled.petition', '信访举报投诉类申请', ['《条例》第三十九条第一款'],
      '您以政府信息公开申请的形式提出的是信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理，请通过相应渠道提出。'),
    def('notHandled.repeat', '重复申请', ['《条例》第三十六条第（六）项'],
      '本机关已就您申请公开的政府信息作出答复，您重复申请公开相同的政府信息，本机关不予重复处理。'),
    def('notHandled.publication', '要求提供公开出版物', ['《条例》第三十九条第二款'],
      '您要求提供的是政府公报、报刊、书籍等公开出版物，请通过获取该出版物的途径取得。'),
    def('notHandled.massRepeat', '无正当理由大量反复申请', ['《条例》第三十五条'],
      '您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，理由不合理，本机关不予处理。'),
    // The Regulations name no article for this row; the office writes the basis it relies on in the reply.
    def('notHandled.confirmation', '要求行政机关确认或重新出具已获取信息', [],
      '您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。'),
    def('other.noSupplement', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['《条例》第三十条'],
      '您未在补正期限内补正申请，且无正当理由，视为放弃申请，本机关不再处理该政府信息公开申请。', 'abandonment'),
    def('other.feeUnpaid', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      ['《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'],
      '您未在收到收费通知次日起20个工作日内缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。', 'abandonment'),
    def('other.misc', '其他', [],
      '您的申请已撤回或者以其他方式终结，本机关不再处理该政府信息公开申请。', 'withdrawalOrReply'),
  ].map((o) => [o.id, o]),
) as Record<OutcomeId, OutcomeDef>;

export function isOutcomeId(value: unknown): value is OutcomeId {
  return typeof value === 'string' && (OUTCOME_IDS as readonly string[]).includes(value);
}
