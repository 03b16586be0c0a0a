/**
 * Demo catalogue items (Art. 12 metadata, Art. 20 categories): normative documents with 文号, and items of the other
 * categories an agency publishes; a government now and then issues a rule (政府令), counted as 规章 in table 二.
 */
import type { NewCatalogueItemRow } from '../../db/schema.ts';
import { pick, type Random } from './demo-applications.ts';

const NORMATIVE = ['关于进一步优化营商环境的若干措施', '专项资金管理办法', '行政执法公示办法', '重大行政决策程序规定', '政府信息公开工作规范', '政府采购内部控制管理办法'];
const OTHER: readonly (readonly [number, string])[] = [
  [2, '机构职能及领导分工'],
  [3, '年度工作要点'],
  [4, '统计公报'],
  [5, '行政许可事项清单'],
  [6, '行政处罚裁量基准'],
  [7, '部门预算公开说明'],
  [8, '行政事业性收费目录清单'],
  [9, '政府集中采购目录及标准'],
  [11, '就业创业扶持政策解读'],
  [12, '突发事件应急预案'],
  [14, '公务员招录公告'],
];

/** `perYear` items for one agency and year, published within the year and not after `today`. */
export function demoCatalogueItems(
  random: Random,
  agency: { readonly id: number; readonly code: string; readonly name: string; readonly kind: 'government' | 'department' },
  year: number,
  perYear: number,
  today: string,
): NewCatalogueItemRow[] {
  const out: NewCatalogueItemRow[] = [];
  const short = agency.name.slice(0, 3);
  for (let n = 1; n <= perYear; n++) {
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const written = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (written > today) continue;
    // Art. 26: published within 20 working days; a week or two here.
    const publishedDate = new Date(`${written}T00:00:00Z`);
    publishedDate.setUTCDate(publishedDate.getUTCDate() + 3 + Math.floor(random() * 10));
    const published = publishedDate.toISOString().slice(0, 10);
    const normative = random() < 0.4;
    const rule = normative && agency.kind === 'government' && random() < 0.15;
    const [category, topic] = normative ? [1, pick(random, NORMATIVE)] : pick(random, OTHER);
    const title = `${agency.name}${year}年${topic}`;
    out.push({
      agency_id: agency.id,
      index_number: `${agency.code}/${year}-${String(n).padStart(5, '0')}`,
      title: normative ? `${agency.name}关于印发${topic}的通知` : title,
      summary: `${title}。`,
      body: `${title}（示范数据）。`,
      category,
      issuing_body: agency.name,
      written_on: written,
      published_on: published > today ? today : published,
      doc_number: rule ? `${short}人民政府令第${n}号` : normative ? `${short}规〔${year}〕${n}号` : null,
      validity: normative ? (random() < 0.1 ? 'repealed' : 'valid') : null,
      state: 'published',
      year,
      created_at: `${written}T02:00:00.000Z`,
      updated_at: `${published}T02:00:00.000Z`,
    });
  }
  return out;
}
