import {
  APPLICATION_GROUPS_HEAD,
  APPLICATION_ROWS_HEAD,
  APPLICANT_COLUMNS,
  APPLICANT_COLUMN_IDS,
  CARRIED_OUT,
  HANDLED_TOTAL,
  REMEDIES_TABLE,
  REMEDY_RULES,
  SECTIONS,
  applicationRules,
} from './common.ts';
import type { ColumnDef, FormatDef, RowDef } from './types.ts';

/**
 * 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 of 2021-09-26;
 * used for the reports on 2021 onward.
 */
const columns: ColumnDef[] = [
  { id: 'issued', label: '本年制发件数', aliases: ['本年制发', '制发件数'], kind: 'count' },
  { id: 'repealed', label: '本年废止件数', aliases: ['本年废止', '废止件数'], kind: 'count' },
  { id: 'inForce', label: '现行有效件数', aliases: ['现行有效'], kind: 'count' },
  { id: 'decisions', label: '本年处理决定数量', aliases: ['处理决定数量', '决定数量'], kind: 'count' },
  { id: 'amountWan', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额', '收费金额'], kind: 'money' },
];

const item = (id: string, label: string, aliases: string[], cols: string[], group: string): RowDef => ({
  id,
  marker: '',
  label,
  aliases,
  columns: cols,
  group,
});

const ITEM1 = ['issued', 'repealed', 'inForce'];

const otherRow = (id: string, marker: string, label: string, aliases: string[]): RowDef => ({
  id,
  marker,
  label,
  aliases,
  columns: APPLICANT_COLUMN_IDS,
  group: 'other',
});

const otherRows = [
  otherRow('other.noSupplement', '1.', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [
    '逾期不补正',
  ]),
  otherRow('other.feeUnpaid', '2.', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [
    '逾期未按收费通知要求缴纳费用',
    '逾期未缴纳费用',
  ]),
  otherRow('other.misc', '3.', '其他', []),
];

const outcomeRows = [...APPLICATION_ROWS_HEAD.filter((r) => r.group).map((r) => r.id), ...otherRows.map((r) => r.id)];

export const FORMAT_2021: FormatDef = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  document: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  sections: SECTIONS,
  tables: {
    proactive: {
      id: 'proactive',
      title: '主动公开政府信息情况',
      section: 'proactive',
      columns,
      rows: [
        item('rules', '规章', [], ITEM1, 'item1'),
        item('normativeDocs', '行政规范性文件', ['规范性文件'], ITEM1, 'item1'),
        item('licensing', '行政许可', [], ['decisions'], 'item5'),
        item('penalties', '行政处罚', [], ['decisions'], 'item6'),
        item('compulsion', '行政强制', [], ['decisions'], 'item6'),
        item('fees', '行政事业性收费', ['行政事业收费'], ['amountWan'], 'item8'),
      ],
      groups: [],
      blocks: [
        { id: 'item1', label: '第二十条第（一）项', rows: ['rules', 'normativeDocs'], columns: ITEM1 },
        { id: 'item5', label: '第二十条第（五）项', rows: ['licensing'], columns: ['decisions'] },
        { id: 'item6', label: '第二十条第（六）项', rows: ['penalties', 'compulsion'], columns: ['decisions'] },
        { id: 'item8', label: '第二十条第（八）项', rows: ['fees'], columns: ['amountWan'] },
      ],
    },
    applications: {
      id: 'applications',
      title: '收到和处理政府信息公开申请情况',
      section: 'applications',
      columns: APPLICANT_COLUMNS,
      rows: [...APPLICATION_ROWS_HEAD, ...otherRows, HANDLED_TOTAL, CARRIED_OUT],
      groups: [...APPLICATION_GROUPS_HEAD, { id: 'other', marker: '（六）', label: '其他处理', aliases: [] }],
      blocks: [],
    },
    remedies: REMEDIES_TABLE,
  },
  rules: [...applicationRules(outcomeRows), ...REMEDY_RULES],
};
