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
 * 《中华人民共和国政府信息公开工作年度报告格式（试行）》, sent with 国办公开办函〔2019〕60号;
 * used for the reports on 2019 and 2020.
 */
const columns: ColumnDef[] = [
  { id: 'madeThisYear', label: '本年新制作数量', aliases: ['本年制作数量', '新制作数量'], kind: 'count' },
  { id: 'publishedThisYear', label: '本年新公开数量', aliases: ['本年公开数量', '新公开数量'], kind: 'count' },
  { id: 'publishedTotal', label: '对外公开总数量', aliases: ['公开总数量'], kind: 'count' },
  { id: 'lastYearCount', label: '上一年项目数量', aliases: ['上年项目数量'], kind: 'count' },
  { id: 'change', label: '本年增/减', aliases: ['本年增减', '增/减', '增减'], kind: 'change' },
  { id: 'decisions', label: '处理决定数量', aliases: ['本年处理决定数量', '决定数量'], kind: 'count' },
  { id: 'projects', label: '采购项目数量', aliases: ['项目数量'], kind: 'count' },
  { id: 'amountWan', label: '采购总金额', aliases: ['总金额', '采购金额'], kind: 'money' },
];

const item = (id: string, label: string, aliases: string[], cols: string[], group: string): RowDef => ({
  id,
  marker: '',
  label,
  aliases,
  columns: cols,
  group,
});

const ITEM1 = ['madeThisYear', 'publishedThisYear', 'publishedTotal'];
const ITEM56 = ['lastYearCount', 'change', 'decisions'];

const outcomeRows = [
  ...APPLICATION_ROWS_HEAD.filter((r) => r.group).map((r) => r.id),
  'other',
];

export const FORMAT_2019: FormatDef = {
  id: '2019',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  document: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  tables: {
    proactive: {
      id: 'proactive',
      title: '主动公开政府信息情况',
      section: 'proactive',
      columns,
      rows: [
        item('rules', '规章', [], ITEM1, 'item1'),
        item('normativeDocs', '规范性文件', ['行政规范性文件'], ITEM1, 'item1'),
        item('licensing', '行政许可', [], ITEM56, 'item5'),
        item('otherServices', '其他对外管理服务事项', ['其他对外管理服务'], ITEM56, 'item5'),
        item('penalties', '行政处罚', [], ITEM56, 'item6'),
        item('compulsion', '行政强制', [], ITEM56, 'item6'),
        item('fees', '行政事业性收费', ['行政事业收费'], ['lastYearCount', 'change'], 'item8'),
        item('procurement', '政府集中采购', ['集中采购'], ['projects', 'amountWan'], 'item9'),
      ],
      groups: [],
      blocks: [
        { id: 'item1', label: '第二十条第（一）项', rows: ['rules', 'normativeDocs'], columns: ITEM1 },
        { id: 'item5', label: '第二十条第（五）项', rows: ['licensing', 'otherServices'], columns: ITEM56 },
        { id: 'item6', label: '第二十条第（六）项', rows: ['penalties', 'compulsion'], columns: ITEM56 },
        { id: 'item8', label: '第二十条第（八）项', rows: ['fees'], columns: ['lastYearCount', 'change'] },
        { id: 'item9', label: '第二十条第（九）项', rows: ['procurement'], columns: ['projects', 'amountWan'] },
      ],
    },
    applications: {
      id: 'applications',
      title: '收到和处理政府信息公开申请情况',
      section: 'applications',
      columns: APPLICANT_COLUMNS,
      rows: [
        ...APPLICATION_ROWS_HEAD,
        {
          id: 'other',
          marker: '（六）',
          label: '其他处理',
          aliases: [],
          columns: APPLICANT_COLUMN_IDS,
          group: 'results',
        },
        HANDLED_TOTAL,
        CARRIED_OUT,
      ],
      groups: APPLICATION_GROUPS_HEAD,
      blocks: [],
    },
    remedies: REMEDIES_TABLE,
  },
  rules: [...applicationRules(outcomeRows), ...REMEDY_RULES],
};
