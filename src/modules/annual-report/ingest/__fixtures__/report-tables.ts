/**
 * The three tables of a 2021-format annual report laid out as published (domain.md §4, real-layouts.md): merged
 * header and label cells with their spans, values as printed strings ('' for a blank cell). The HTML and DOCX
 * tests render these into Word-paste markup and into .docx files, then check the grid the extractors recover.
 */

export interface FixtureCell {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}
export type FixtureTable = readonly (readonly FixtureCell[])[];

const cell = (text: string, rowSpan?: number, colSpan?: number): FixtureCell => ({
  text,
  ...(rowSpan && rowSpan > 1 ? { rowSpan } : {}),
  ...(colSpan && colSpan > 1 ? { colSpan } : {}),
});

export const CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADERS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Table 三 rows of the 2021 format in print order: stable id, group label (with its span), own label. */
const THREE_ROWS: readonly { id: string; label: string; group?: { label: string; span: number } }[] = [
  { id: 'disclosed', label: '（一）予以公开' },
  { id: 'partlyDisclosed', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { id: 'withheld.stateSecret', label: '1.属于国家秘密', group: { label: '（三）不予公开', span: 8 } },
  { id: 'withheld.barredByLaw', label: '2.其他法律行政法规禁止公开' },
  { id: 'withheld.securityStability', label: '3.危及“三安全一稳定”' },
  { id: 'withheld.thirdParty', label: '4.保护第三方合法权益' },
  { id: 'withheld.internalAffairs', label: '5.属于三类内部事务信息' },
  { id: 'withheld.processInfo', label: '6.属于四类过程性信息' },
  { id: 'withheld.enforcementFiles', label: '7.属于行政执法案卷' },
  { id: 'withheld.queryMatters', label: '8.属于行政查询事项' },
  { id: 'unavailable.notHeld', label: '1.本机关不掌握相关政府信息', group: { label: '（四）无法提供', span: 3 } },
  { id: 'unavailable.needsCompiling', label: '2.没有现成信息需要另行制作' },
  { id: 'unavailable.unclearAfterSupplement', label: '3.补正后申请内容仍不明确' },
  { id: 'notHandled.petition', label: '1.信访举报投诉类申请', group: { label: '（五）不予处理', span: 5 } },
  { id: 'notHandled.repeat', label: '2.重复申请' },
  { id: 'notHandled.publication', label: '3.要求提供公开出版物' },
  { id: 'notHandled.massRepeat', label: '4.无正当理由大量反复申请' },
  { id: 'notHandled.confirmation', label: '5.要求行政机关确认或重新出具已获取信息' },
  {
    id: 'other.noSupplement',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: { label: '（六）其他处理', span: 3 },
  },
  { id: 'other.feeUnpaid', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { id: 'other.misc', label: '3.其他' },
  { id: 'handledTotal', label: '（七）总计' },
];

/** Printed values of one table 三 row, in column order 自然人 … 总计. */
export type ApplicantValues = readonly [string, string, string, string, string, string, string];
export const BLANK_ROW: ApplicantValues = ['', '', '', '', '', '', ''];

/**
 * The 2021 table 三 as printed: a three-row header under the corner identity, 三、本年度办理结果 spanning the 22
 * result rows, （三）（四）（五）（六） spanning their items. 28 rows, 10 grid columns.
 */
export function tableThree(values: Readonly<Record<string, ApplicantValues>>): FixtureTable {
  const v = (id: string): FixtureCell[] => (values[id] ?? BLANK_ROW).map((text) => cell(text));
  const rows: FixtureCell[][] = [
    [cell(CORNER, 3, 3), cell('申请人情况', 1, 7)],
    [cell('自然人', 2), cell('法人或其他组织', 1, 5), cell('总计', 2)],
    APPLICANT_HEADERS.slice(1, 6).map((h) => cell(h)),
    [cell('一、本年新收政府信息公开申请数量', 1, 3), ...v('received')],
    [cell('二、上年结转政府信息公开申请数量', 1, 3), ...v('carriedIn')],
  ];
  THREE_ROWS.forEach((row, i) => {
    const out: FixtureCell[] = [];
    if (i === 0) out.push(cell('三、本年度办理结果', THREE_ROWS.length));
    if (row.group) out.push(cell(row.group.label, row.group.span));
    const grouped = THREE_ROWS.slice(0, i + 1).some((r, k) => r.group && k + r.group.span > i);
    out.push(cell(row.label, 1, grouped ? 1 : 2), ...v(row.id));
    rows.push(out);
  });
  rows.push([cell('四、结转下年度继续办理', 1, 3), ...v('carriedOut')]);
  return rows;
}

/** Stable ids of the table 三 data rows in print order (rows 4-28 of the grid). */
export const TABLE_THREE_ROW_IDS = ['received', 'carriedIn', ...THREE_ROWS.map((r) => r.id), 'carriedOut'];

/** The 2021 table 二: four blocks, each under a full-width item heading, with a 信息内容 label column. */
export function tableTwo(v: {
  rules: readonly [string, string, string];
  normativeDocs: readonly [string, string, string];
  licensing: string;
  penalties: string;
  compulsion: string;
  fees: string;
}): FixtureTable {
  const heading = (text: string): FixtureCell[] => [cell(text, 1, 4)];
  const single = (label: string, value: string): FixtureCell[] => [cell(label), cell(value, 1, 3)];
  return [
    heading('第二十条第（一）项'),
    [cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')],
    [cell('规章'), ...v.rules.map((t) => cell(t))],
    [cell('行政规范性文件'), ...v.normativeDocs.map((t) => cell(t))],
    heading('第二十条第（五）项'),
    single('信息内容', '本年处理决定数量'),
    single('行政许可', v.licensing),
    heading('第二十条第（六）项'),
    single('信息内容', '本年处理决定数量'),
    single('行政处罚', v.penalties),
    single('行政强制', v.compulsion),
    heading('第二十条第（八）项'),
    single('信息内容', '本年收费金额（单位：万元）'),
    single('行政事业性收费', v.fees),
  ];
}

const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 四: a three-level header over one row of 15 numbers. */
export function tableFour(values: readonly string[]): FixtureTable {
  return [
    [cell('行政复议', 1, 5), cell('行政诉讼', 1, 10)],
    [...RESULTS.map((r) => cell(r, 2)), cell('未经复议直接起诉', 1, 5), cell('复议后起诉', 1, 5)],
    [...RESULTS, ...RESULTS].map((r) => cell(r)),
    values.map((t) => cell(t)),
  ];
}

type Numbers = Record<string, Record<string, number | null>>;
const asNumber = (printed: string): number | null => (printed.trim() === '' ? null : Number(printed));
const APPLICANT_IDS = ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];

/** What a reader should make of tableThree(values): every 2021 row id by column, a blank cell as null. */
export function applicationNumbers(values: Readonly<Record<string, ApplicantValues>>): Numbers {
  return Object.fromEntries(
    TABLE_THREE_ROW_IDS.map((id) => [id, Object.fromEntries(APPLICANT_IDS.map((c, i) => [c, asNumber((values[id] ?? BLANK_ROW)[i] ?? '')]))]),
  );
}

/** What a reader should make of tableFour(values). */
export function remedyNumbers(values: readonly string[]): Numbers {
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  const groups = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
  return Object.fromEntries(groups.map((g, k) => [g, Object.fromEntries(cols.map((c, i) => [c, asNumber(values[k * 5 + i] ?? '')]))]));
}

/** What a reader should make of tableTwo(v) (2021 format). */
export function proactiveNumbers(v: Parameters<typeof tableTwo>[0]): Numbers {
  const item1 = (t: readonly [string, string, string]) => ({ issued: asNumber(t[0]), repealed: asNumber(t[1]), inForce: asNumber(t[2]) });
  return {
    rules: item1(v.rules),
    normativeDocs: item1(v.normativeDocs),
    licensing: { decisions: asNumber(v.licensing) },
    penalties: { decisions: asNumber(v.penalties) },
    compulsion: { decisions: asNumber(v.compulsion) },
    fees: { amountWan: asNumber(v.fees) },
  };
}
