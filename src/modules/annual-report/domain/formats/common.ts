import type { ColumnDef, GroupDef, RowDef, SectionDef, SumRule, TableDef } from './types.ts';

/** Section headings, in this order, in both formats (Art. 50 and the national formats). */
export const SECTIONS: readonly SectionDef[] = [
  { id: 'overview', numeral: '一', heading: '总体情况', keywords: ['总体情况', '概述', '基本情况'] },
  { id: 'proactive', numeral: '二', heading: '主动公开政府信息情况', keywords: ['主动公开'] },
  { id: 'applications', numeral: '三', heading: '收到和处理政府信息公开申请情况', keywords: ['申请情况', '收到和处理', '依申请'] },
  { id: 'remedies', numeral: '四', heading: '政府信息公开行政复议、行政诉讼情况', keywords: ['行政复议', '行政诉讼'] },
  { id: 'problems', numeral: '五', heading: '存在的主要问题及改进情况', keywords: ['问题', '改进'] },
  { id: 'other', numeral: '六', heading: '其他需要报告的事项', keywords: ['其他需要报告', '其他事项', '其他'] },
];

const col = (id: string, label: string, aliases: string[] = [], kind: ColumnDef['kind'] = 'count'): ColumnDef => ({
  id,
  label,
  aliases,
  kind,
});

/** Table 三 columns (applicant types, Art. 27 and the form's header). */
export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  col('naturalPerson', '自然人'),
  col('business', '商业企业', ['商业企', '企业']),
  col('research', '科研机构', ['科研机']),
  col('publicInterest', '社会公益组织', ['社会公益', '公益组织']),
  col('legalService', '法律服务机构', ['法律服务', '法律服']),
  col('otherOrg', '其他', ['其他组织']),
  col('total', '总计', ['合计']),
];

export const APPLICANT_COLUMN_IDS = APPLICANT_COLUMNS.map((c) => c.id);
export const APPLICANT_PART_COLUMN_IDS = APPLICANT_COLUMN_IDS.filter((id) => id !== 'total');

const row = (id: string, marker: string, label: string, aliases: string[] = [], group?: string): RowDef => ({
  id,
  marker,
  label,
  aliases,
  columns: APPLICANT_COLUMN_IDS,
  ...(group ? { group } : {}),
});

/** Rows of table 三 up to and including （五）, word for word the same in both formats. */
export const APPLICATION_ROWS_HEAD: readonly RowDef[] = [
  row('received', '一、', '本年新收政府信息公开申请数量', ['本年新收申请数量', '本年新收']),
  row('carriedIn', '二、', '上年结转政府信息公开申请数量', ['上年结转申请数量', '上年结转']),
  row('disclosed', '（一）', '予以公开', [], 'results'),
  row('partlyDisclosed', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', ['部分公开'], 'results'),
  row('withheld.stateSecret', '1.', '属于国家秘密', [], 'withheld'),
  row('withheld.barredByLaw', '2.', '其他法律行政法规禁止公开', ['其他法律法规禁止公开'], 'withheld'),
  row('withheld.securityStability', '3.', '危及“三安全一稳定”', ['危及三安全一稳定'], 'withheld'),
  row('withheld.thirdParty', '4.', '保护第三方合法权益', [], 'withheld'),
  row('withheld.internalAffairs', '5.', '属于三类内部事务信息', [], 'withheld'),
  row('withheld.processInfo', '6.', '属于四类过程性信息', [], 'withheld'),
  row('withheld.enforcementFiles', '7.', '属于行政执法案卷', [], 'withheld'),
  row('withheld.queryMatters', '8.', '属于行政查询事项', [], 'withheld'),
  row('unavailable.notHeld', '1.', '本机关不掌握相关政府信息', [], 'unavailable'),
  row('unavailable.needsCompiling', '2.', '没有现成信息需要另行制作', [], 'unavailable'),
  row('unavailable.unclearAfterSupplement', '3.', '补正后申请内容仍不明确', [], 'unavailable'),
  row('notHandled.petition', '1.', '信访举报投诉类申请', [], 'notHandled'),
  row('notHandled.repeat', '2.', '重复申请', [], 'notHandled'),
  row('notHandled.publication', '3.', '要求提供公开出版物', [], 'notHandled'),
  row('notHandled.massRepeat', '4.', '无正当理由大量反复申请', [], 'notHandled'),
  row('notHandled.confirmation', '5.', '要求行政机关确认或重新出具已获取信息', [], 'notHandled'),
];

export const HANDLED_TOTAL = row('handledTotal', '（七）', '总计', ['合计'], 'results');
export const CARRIED_OUT = row('carriedOut', '四、', '结转下年度继续办理', ['结转下年度']);

export const APPLICATION_GROUPS_HEAD: readonly GroupDef[] = [
  { id: 'results', marker: '三、', label: '本年度办理结果', aliases: ['办理结果'] },
  { id: 'withheld', marker: '（三）', label: '不予公开', aliases: [] },
  { id: 'unavailable', marker: '（四）', label: '无法提供', aliases: [] },
  { id: 'notHandled', marker: '（五）', label: '不予处理', aliases: [] },
];

/** Table 三 identities for every column (domain §4, checks 1-3). */
export function applicationRules(outcomeRows: readonly string[]): SumRule[] {
  return [
    {
      code: 'applications.balance',
      table: 'applications',
      description: '第一项加第二项之和应等于第三项加第四项之和',
      descriptionEn: 'received + carried in must equal handled total + carried out',
      kind: 'rows',
      total: { rows: ['handledTotal'] },
      totalId: 'handledTotal',
      partIds: ['received', 'carriedIn'],
      otherSide: ['carriedOut'],
      over: APPLICANT_COLUMN_IDS,
    },
    {
      code: 'applications.handledTotal',
      table: 'applications',
      description: '（七）总计应等于（一）至（六）各项之和',
      descriptionEn: 'handled total must equal the sum of outcome rows (一) to (六)',
      kind: 'rows',
      total: { rows: ['handledTotal'] },
      totalId: 'handledTotal',
      partIds: outcomeRows,
      over: APPLICANT_COLUMN_IDS,
    },
    {
      code: 'applications.rowTotal',
      table: 'applications',
      description: '总计列应等于自然人与各类法人或其他组织之和',
      descriptionEn: 'the total column must equal the sum of the applicant columns',
      kind: 'columns',
      total: { columns: ['total'] },
      totalId: 'total',
      partIds: APPLICANT_PART_COLUMN_IDS,
      over: [],
    },
  ];
}

export const REMEDY_GROUPS = [
  { id: 'reconsideration', label: '行政复议', aliases: ['复议'] },
  { id: 'litigationDirect', label: '未经复议直接起诉', aliases: ['直接起诉', '未经复议'] },
  { id: 'litigationAfterReconsideration', label: '复议后起诉', aliases: ['复议后'] },
] as const;

export const REMEDIES_TABLE: TableDef = {
  id: 'remedies',
  title: '政府信息公开行政复议、行政诉讼情况',
  section: 'remedies',
  columns: [
    col('upheld', '结果维持', ['维持']),
    col('corrected', '结果纠正', ['纠正']),
    col('other', '其他结果', []),
    col('pending', '尚未审结', ['未审结']),
    col('total', '总计', ['合计']),
  ],
  rows: REMEDY_GROUPS.map((g) => ({
    id: g.id,
    marker: '',
    label: g.label,
    aliases: [...g.aliases],
    columns: ['upheld', 'corrected', 'other', 'pending', 'total'],
  })),
  groups: [{ id: 'litigation', marker: '', label: '行政诉讼', aliases: [] }],
  blocks: [],
};

export const REMEDY_RULES: readonly SumRule[] = [
  {
    code: 'remedies.groupTotal',
    table: 'remedies',
    description: '总计应等于结果维持、结果纠正、其他结果、尚未审结之和',
    descriptionEn: 'each group total must equal upheld + corrected + other + pending',
    kind: 'columns',
    total: { columns: ['total'] },
    totalId: 'total',
    partIds: ['upheld', 'corrected', 'other', 'pending'],
    over: REMEDY_GROUPS.map((g) => g.id),
  },
];
