/**
 * Catalogue text for the web benchmark: titles, summaries and bodies as agencies write them (通知, 公告, 报告, 解读),
 * from a vocabulary of a few hundred words, so common words (工作, 管理) and rare ones (候鸟, 殡葬) both occur.
 */
import type { Random } from '../generate/random.ts';

const TOPICS = [
  '部门预算', '部门决算', '政府采购', '行政许可', '行政处罚', '行政事业性收费', '财政资金', '专项资金', '重大项目', '营商环境',
  '安全生产', '食品安全', '药品监管', '环境保护', '大气污染防治', '水污染防治', '土壤污染', '垃圾分类', '城乡规划', '住房保障',
  '棚户区改造', '老旧小区改造', '义务教育', '学前教育', '职业教育', '医疗卫生', '疫情防控', '基本医疗保险', '养老服务', '社会救助',
  '最低生活保障', '残疾人保障', '退役军人', '就业创业', '农民工工资', '乡村振兴', '高标准农田', '农村人居环境', '防汛抗旱', '森林防火',
  '应急预案', '统计调查', '国民经济和社会发展', '招商引资', '科技创新', '知识产权', '市场监管', '消费者权益', '交通运输', '道路养护',
  '公共交通', '文化旅游', '文物保护', '体育健身', '殡葬管理', '候鸟保护', '河长制', '林长制', '耕地保护', '不动产登记',
  '公务员招录', '事业单位公开招聘', '人才引进', '政务服务', '一网通办', '信用体系', '行政执法', '普法', '信访工作', '政府信息公开',
];
const FORMS = ['通知', '公告', '通告', '意见', '办法', '方案', '规定', '细则', '报告', '公示', '解读', '批复', '决定'];
const VERBS = ['印发', '做好', '加强', '进一步加强', '开展', '推进', '规范', '公布', '调整', '落实'];
const OPENINGS = [
  '为贯彻落实上级有关部署，结合本地实际，现就有关事项通知如下。',
  '根据《中华人民共和国政府信息公开条例》规定，现将有关情况公开如下。',
  '经研究决定，现将有关事项公告如下。',
  '为进一步提高工作质量和效率，切实维护人民群众合法权益，制定本方案。',
  '各有关单位要高度重视，加强组织领导，确保各项任务落到实处。',
];
const DETAILS = [
  '一、工作目标。到年底，基本建立覆盖全域的工作体系，群众满意度明显提升。',
  '二、主要任务。完善制度机制，强化监督检查，推动信息共享，提升服务水平。',
  '三、保障措施。落实经费保障，加强队伍建设，做好宣传引导和舆情应对。',
  '本年度共安排资金，主要用于基础设施建设、公共服务提升和民生保障项目。',
  '对检查中发现的问题，责令限期整改，依法依规严肃处理。',
  '申请人可通过政务服务网、窗口现场或者邮寄方式提交申请材料。',
  '如对本决定不服，可以在收到之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。',
  '联系电话见本机关政府信息公开指南，工作时间为工作日上午九时至下午五时。',
];

export interface ItemText {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  /** Art. 20 item 1..15 */
  readonly category: number;
  readonly docNumber: string | null;
}

/** One item of `agencyName` written in `year` (seq: its number that year, for the 文号). */
export function itemText(r: Random, agencyName: string, year: number, seq: number): ItemText {
  const topic = r.pick(TOPICS);
  const form = r.pick(FORMS);
  const normative = form === '办法' || form === '规定' || form === '细则' || form === '意见';
  const title = r.chance(0.5)
    ? `${agencyName}关于${r.pick(VERBS)}${topic}工作的${form}`
    : r.chance(0.5) ? `${agencyName}${year}年度${topic}${form}` : `关于${topic}有关事项的${form}`;
  const body = `${r.pick(OPENINGS)}${topic}${r.pick(DETAILS)}`;
  return {
    title,
    summary: `${topic}${form}`,
    body,
    category: normative ? 1 : r.int(2, 15),
    docNumber: normative ? `${agencyName.slice(0, 2)}〔${year}〕${seq}号` : null,
  };
}

/** Two-character words people type into the search box, common and rare. */
export const SEARCH_WORDS: readonly string[] = [
  '预算', '决算', '采购', '许可', '处罚', '收费', '资金', '项目', '环境', '安全', '食品', '药品', '污染', '规划', '住房',
  '教育', '医疗', '养老', '救助', '就业', '乡村', '农田', '防汛', '应急', '统计', '招商', '科技', '市场', '交通', '文化',
  '文物', '体育', '殡葬', '候鸟', '耕地', '登记', '招录', '招聘', '人才', '政务', '信用', '执法', '普法', '信访', '公开',
  '工作', '通知', '公告', '方案', '办法', '报告', '解读', '复议', '诉讼', '保障', '监督', '检查', '整改', '宣传', '服务',
];
