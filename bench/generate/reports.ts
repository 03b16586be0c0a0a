/**
 * Annual reports as an agency would publish them: built by the platform's own builder (buildReport) from a
 * generated year of applications, remedy cases and table 二 counts, with the prose sections of a real report, so a
 * rendered PDF runs to about as many pages as published ones.
 */
import { buildReport } from '../../src/modules/annual-report/domain/build/index.ts';
import type { ApplicationCount, RemedyCount } from '../../src/modules/annual-report/domain/build/types.ts';
import type { Report } from '../../src/modules/annual-report/domain/report.ts';
import { APPLICANT_MIX, OUTCOME_MIX } from './case-data.ts';
import { seeded, type Random } from './random.ts';

const AGENCIES = ['淮安市人民政府', '淮安市自然资源和规划局', '清江浦区人民政府', '涟水县住房和城乡建设局', '盱眙县人民政府办公室', '金湖县生态环境局', '淮阴区财政局', '洪泽区交通运输局'];

export function generatedReport(seed: number, year = 2024): Report {
  const r = seeded(seed);
  const agency = `${r.pick(AGENCIES)}${seed > AGENCIES.length ? `（${seed}）` : ''}`;
  const applications = applicationCounts(r, r.int(20, 3_000));
  return buildReport({
    agency,
    year,
    applications,
    remedies: remedyCounts(r),
    proactive: {
      rules: { issued: r.int(0, 3), repealed: r.int(0, 1), inForce: r.int(5, 40) },
      normativeDocs: { issued: r.int(0, 30), repealed: r.int(0, 10), inForce: r.int(20, 300) },
      licensing: { decisions: r.int(0, 40_000) },
      penalties: { decisions: r.int(0, 3_000) },
      compulsion: { decisions: r.int(0, 100) },
      fees: { amountWan: r.int(0, 200_000) / 100 },
    },
    sections: sections(r, agency, year, applications.filter((a) => a.row === 'received').reduce((n, a) => n + a.count, 0)),
  });
}

function applicationCounts(r: Random, n: number): ApplicationCount[] {
  const tally = new Map<string, number>();
  const add = (row: string, column: string) => tally.set(`${row}|${column}`, (tally.get(`${row}|${column}`) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    const column = APPLICANT_MIX(r);
    add(r.chance(0.97) ? 'received' : 'carriedIn', column);
    add(r.chance(0.03) ? 'carriedOut' : OUTCOME_MIX(r), column);
  }
  return [...tally].map(([key, count]) => {
    const [row, column] = key.split('|') as [string, string];
    return { row, column, count };
  });
}

function remedyCounts(r: Random): RemedyCount[] {
  const out: RemedyCount[] = [];
  for (const group of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']) {
    for (const result of ['upheld', 'corrected', 'other', 'pending']) if (r.chance(0.5)) out.push({ group, result, count: r.int(1, 12) });
  }
  return out;
}

const OVERVIEW = [
  '{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，认真落实《中华人民共和国政府信息公开条例》和国家、省、市关于政务公开工作的部署要求，以公开促落实、以公开强监管、以公开优服务，持续提升政务公开质量和实效。',
  '（一）主动公开。全年通过政府门户网站主动公开政府信息{n1}条，其中政策文件{n2}件，政策解读{n3}篇，图文解读、视频解读等多元化解读占比达到{p}%。围绕优化营商环境、乡村振兴、民生保障等重点领域，及时发布财政预决算、重大建设项目、公共资源配置、社会公益事业建设等信息。',
  '（二）依申请公开。进一步规范依申请公开办理流程，严格执行受理、登记、审核、答复、送达、归档全流程管理，全年共收到政府信息公开申请{n4}件，均在法定期限内予以答复。对涉及第三方权益的申请，依法征求第三方意见；对申请内容不明确的，一次性告知补正事项。',
  '（三）政府信息管理。严格落实公开属性源头认定机制，公文在拟制时即明确公开属性，未公开的说明理由。动态调整政府信息公开目录，对现行有效的行政规范性文件进行集中清理并统一公开，及时标注文件有效性。',
  '（四）平台建设。优化政府门户网站政府信息公开专栏，完善政策文件库，实现文件检索、分类浏览、有效性标注等功能。发挥政务新媒体矩阵作用，全年发布各类信息{n5}条，政务服务热线与网站联动答复群众咨询。',
  '（五）监督保障。将政务公开工作纳入年度综合考核，定期开展网站信息发布情况检查，发现问题及时督促整改。组织开展政务公开业务培训{n6}场次，参训人员{n7}人次，进一步提升工作人员依法公开意识和业务能力。',
];
const PROBLEMS = [
  '{year}年，{agency}政府信息公开工作取得一定成效，但仍存在一些不足：一是政策解读形式还不够丰富，解读的针对性和可读性有待增强；二是部分领域信息公开的及时性、完整性仍需提升；三是依申请公开办理的规范化水平还有提升空间，个别答复文书说理不够充分。',
  '下一步，我们将重点做好以下工作：一是加强政策解读，推行图解、视频、问答等多种形式，提高解读质量；二是深化重点领域信息公开，健全信息发布协调机制，确保信息发布及时准确；三是规范依申请公开工作，加强答复文书审核把关，防范法律风险；四是加强业务培训和考核督查，提升政务公开工作整体水平。',
];
const OTHER = '（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况：本年度未收取信息处理费。（二）本年度人大代表建议和政协提案办理结果公开情况：本年度共承办人大代表建议{n8}件、政协提案{n9}件，均已按期办结，办理复文已依法公开。（三）年度政务公开工作要点落实情况：已按要点逐项落实。';

/** The prose of a report; the number of applications received it states is the one table 三 prints. */
function sections(r: Random, agency: string, year: number, received: number): Record<string, string> {
  const values: Record<string, () => string> = { year: () => String(year), agency: () => agency, p: () => String(r.int(30, 90)), n4: () => String(received) };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => (values[key] ?? (() => String(r.int(3, 3_000))))());
  return {
    overview: OVERVIEW.map(fill).join('\n'),
    proactive: '主动公开政府信息情况见下表。',
    applications: '收到和处理政府信息公开申请情况见下表。',
    remedies: '政府信息公开行政复议、行政诉讼情况见下表。',
    problems: PROBLEMS.map(fill).join('\n'),
    other: fill(OTHER),
  };
}
