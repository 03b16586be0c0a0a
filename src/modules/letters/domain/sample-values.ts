/**
 * Sample values for every placeholder, so an administrator can preview a template before saving it. The agency's own
 * particulars (name, office, reconsideration body) are used where known; everything about an application is
 * invented and marked as such. Typed as a full record: a new placeholder without a sample does not compile.
 */
import { chineseDate } from './dates.ts';
import type { LetterKind } from './kinds.ts';
import type { LetterAgency } from './letter-values.ts';
import { placeholdersFor, type PlaceholderName } from './placeholders.ts';

const SAMPLES: Readonly<Record<PlaceholderName, string>> = {
  机关名称: '示例机关',
  公开工作机构: '示例机关政府信息公开工作机构',
  机关地址: '示例路1号',
  联系电话: '0000-00000000',
  电子邮箱: 'gongkai@example.gov.cn',
  申请人: '张三（示例）',
  跟踪码: 'ABCD2345EFGH',
  收到日期: '2025年3月3日',
  申请内容: '（示例）2024年度部门预算及政府采购执行情况',
  办理日期: '2025年3月10日',
  答复期限: '2025年3月24日',
  补正事项: '（示例）请写明所需文件的名称或文号',
  补正期限: '2025年3月20日',
  被征求意见方: '某某有限公司（示例）',
  征求意见期限: '2025年3月26日',
  延长天数: '20',
  延期理由: '（示例）需要调取档案',
  收费金额: '100',
  收费标准: '按量计收，共40页（《政府信息公开信息处理费管理办法》第五条）',
  缴费期限: '2025年4月8日',
  通知日期: '2025年3月5日',
  答复结果: '予以公开',
  答复内容: '（示例）您申请获取的政府信息属于公开范围，现予以提供。',
  答复条款: '《条例》第三十六条第（二）项',
  法律依据: '《条例》第三十六条第（二）项',
  复议机关: '本级人民政府',
};

/** A value for every placeholder the kind may use: the agency's where given, samples for the rest. */
export function sampleValues(kind: LetterKind, agency: LetterAgency | null, today: string): Partial<Record<PlaceholderName, string>> {
  const own: Partial<Record<PlaceholderName, string>> = agency
    ? {
        机关名称: agency.name,
        公开工作机构: agency.officeName ?? agency.name,
        机关地址: agency.officeAddress ?? '—',
        联系电话: agency.officePhone ?? '—',
        电子邮箱: agency.officeEmail ?? '—',
        复议机关: agency.reconsiderationBody,
      }
    : {};
  const all: Partial<Record<PlaceholderName, string>> = { ...SAMPLES, 办理日期: chineseDate(today), ...own };
  return Object.fromEntries(placeholdersFor(kind).map((name) => [name, all[name]]));
}
