/**
 * Realistic applicant data: names, 居民身份证号码 with their GB 11643 check character, mobile and fixed-line
 * numbers, 统一社会信用代码 with their GB 32100 check character, and descriptions of the information wanted.
 */
import { creditCodeCheckChar } from '../../src/modules/applicants/domain/credit-code.ts';
import { idNumberCheckChar } from '../../src/modules/applicants/domain/id-number.ts';
import type { Random } from './random.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '欧阳', '司马'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建国', '志强', '海燕', '春梅', '晓东', '子涵', '浩然'];
/** County-level region codes (GB/T 2260) of the places applicants come from. */
const REGIONS = ['320802', '320803', '320804', '320813', '320826', '320830', '320831', '110105', '310115', '440106', '330106', '510107', '420106', '370102', '610113', '350203'];
const PLACES = ['清江浦区', '淮安区', '淮阴区', '洪泽区', '涟水县', '盱眙县', '金湖县', '经济技术开发区', '高新区', '白马湖'];
const ROADS = ['健康西路', '淮海南路', '翔宇大道', '北京北路', '枚乘路', '深圳路', '解放东路', '水渡口大道'];
const SUBJECTS = [
  ['', '集体土地征收', '征地补偿安置方案及批复文件'],
  ['', '国有土地上房屋征收', '房屋征收决定、补偿方案及评估报告'],
  ['', '建设项目', '环境影响评价批复及验收意见'],
  ['', '道路拓宽工程', '立项批复、规划许可证及施工许可证'],
  ['本机关', '部门预算', '预算及“三公”经费支出明细'],
  ['', '棚户区改造项目', '安置房分配方案及分配名单'],
  ['', '违法建设', '行政处罚决定书及强制拆除决定'],
  ['', '农村低保', '审批名单及发放标准'],
  ['本机关', '政府采购项目', '招标文件、中标公告及采购合同'],
  ['', '企业', '安全生产事故调查报告'],
  ['', '小区', '规划总平面图及建设工程规划许可证'],
  ['', '城中村改造', '实施方案及补偿标准文件'],
] as const;
const COMPANIES = ['建设工程有限公司', '房地产开发有限公司', '律师事务所', '环保科技有限公司', '物流有限公司', '商贸有限公司', '研究院', '公益服务中心'];
const PURPOSES = ['维护自身合法权益', '了解征收补偿标准', '诉讼证据', '学术研究', '', ''];

export function personName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

/** A valid 18-character 居民身份证号码 of an adult born 1950-2004. */
export function idNumber(r: Random): string {
  const birth = `${r.int(1950, 2004)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const first17 = r.pick(REGIONS) + birth + r.digits(3);
  return first17 + idNumberCheckChar(first17);
}

/** 85% mobile numbers, the rest fixed lines with an area code (0517-8xxxxxxx, 025-xxxxxxxx). */
export function phone(r: Random): string {
  if (r.chance(0.85)) return `1${r.pick(['3', '5', '7', '8', '9'])}${r.digits(9)}`;
  return r.chance(0.7) ? `0517-8${r.digits(7)}` : `025-${r.int(5, 8)}${r.digits(7)}`;
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 of an enterprise (9 1) in one of the regions. */
export function creditCode(r: Random): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CREDIT_CHARSET[r.int(0, CREDIT_CHARSET.length - 1)];
  const first17 = `91${r.pick(REGIONS)}${org}`;
  return first17 + creditCodeCheckChar(first17)!;
}

export function organisationName(r: Random): string {
  return `淮安市${r.pick(['恒远', '金诚', '德正', '华瑞', '天衡', '润泽', '新元', '同创'])}${r.pick(COMPANIES)}`;
}

export function address(r: Random): string {
  return `江苏省淮安市${r.pick(PLACES)}${r.pick(ROADS)}${r.int(1, 300)}号${r.int(1, 30)}幢${r.int(101, 2602)}室`;
}

/** What the applicant asks for, 30-120 characters, as people write it on the form. */
export function description(r: Random, year: number): string {
  const [owner, subject, documents] = r.pick(SUBJECTS);
  const where = owner || `${r.pick(PLACES)}${r.pick(ROADS)}`;
  const y = year - r.int(0, 6);
  const base = `请公开${where}${y}年${subject}的${documents}`;
  const tail = r.chance(0.5) ? `，包括相关会议纪要和请示报告，申请人房屋位于${r.pick(ROADS)}${r.int(1, 300)}号` : '';
  const copy = r.chance(0.3) ? '。如上述信息不属于本机关公开，请告知负责公开的机关名称和联系方式' : '';
  return base + tail + copy + '。';
}

export function purpose(r: Random): string {
  return r.pick(PURPOSES);
}
