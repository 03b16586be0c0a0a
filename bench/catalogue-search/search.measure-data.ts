/** Generated catalogue text for the search measures: titles and short bodies from a fixed vocabulary. */
const WORDS = ['关于', '印发', '部门', '预算', '决算', '政府', '采购', '项目', '实施', '方案', '通知', '公告', '年度', '工作', '报告', '教育', '医疗', '社会', '保障', '就业', '环境', '保护', '安全', '生产', '食品', '药品', '质量', '监督', '检查', '规划', '统计', '行政', '许可', '处罚', '收费', '标准', '建设', '扶贫', '应急', '预案', '招考', '录用', '结果', '情况', '说明', '办法'];

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const phrase = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join('');

export function generatedItem(): { title: string; body: string } {
  return { title: phrase(4), body: `${phrase(8)}。${phrase(6)}` };
}

export const MEASURED_QUERIES = [
  ['预算', 1],
  ['预算', 50],
  ['政府采购', 1],
  ['预算 采购 报告', 1],
  ['扶贫应急预案', 1],
  ['药品质量监督检查', 1],
  ['不存在的词语', 1],
] as const;
