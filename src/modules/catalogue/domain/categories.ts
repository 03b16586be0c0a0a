/** Art. 20: the fifteen kinds of information every agency publishes on its own initiative, as data. */

export interface Article20Category {
  /** Art. 20 item number, 1..15 */
  readonly id: number;
  readonly label: string;
}

export const ARTICLE_20_CATEGORIES: readonly Article20Category[] = [
  { id: 1, label: '行政法规、规章和规范性文件' },
  { id: 2, label: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名' },
  { id: 3, label: '国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { id: 4, label: '国民经济和社会发展统计信息' },
  { id: 5, label: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果' },
  { id: 6, label: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定' },
  { id: 7, label: '财政预算、决算信息' },
  { id: 8, label: '行政事业性收费项目及其依据、标准' },
  { id: 9, label: '政府集中采购项目的目录、标准及实施情况' },
  { id: 10, label: '重大建设项目的批准和实施情况' },
  { id: 11, label: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况' },
  { id: 12, label: '突发公共事件的应急预案、预警信息及应对情况' },
  { id: 13, label: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况' },
  { id: 14, label: '公务员招考的职位、名额、报考条件等事项以及录用结果' },
  { id: 15, label: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息' },
];

export function categoryLabel(id: number): string | undefined {
  return ARTICLE_20_CATEGORIES.find((c) => c.id === id)?.label;
}

export const VALIDITIES = ['valid', 'expired', 'repealed'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = { valid: '有效', expired: '失效', repealed: '废止' };
