import type { CorpusCase } from './expect.ts';

/** Hand-written documents in the forms a checker user uploads, each with what a person reads off it. */
const CASES_FIRST: CorpusCase[] = [
  {
    file: '01-tab-2019-chrome.txt',
    quirks: ['tab text copied from a PDF', 'site chrome around the body', '2019 format', '上一年项目数量(指2019年事项数)', 'units in cells: 26158.97 万元, 增加 2 个, 减少1项, +2, -1, 1,234'],
    format: '2019',
    year: 2020,
    agency: '某市某区审计局',
    proactive: {
      rows: {
        rules: '0 0 0',
        normativeDocs: '1 1 12',
        licensing: '3 -1 25',
        otherServices: '4 2 1234',
        penalties: '18 -1 7',
        compulsion: '2 0 0',
        fees: '1 2',
        procurement: '6 26158.97',
      },
    },
    applications: {
      rest: '0',
      rows: {
        received: '12 2 0 0 1 0 15',
        carriedIn: '1 0 0 0 0 0 1',
        disclosed: '5 1 0 0 0 0 6',
        partlyDisclosed: '1 0 0 0 0 0 1',
        'withheld.thirdParty': '1 0 0 0 0 0 1',
        'unavailable.notHeld': '3 1 0 0 1 0 5',
        'notHandled.petition': '1 0 0 0 0 0 1',
        other: '1 0 0 0 0 0 1',
        handledTotal: '12 2 0 0 1 0 15',
        carriedOut: '1 0 0 0 0 0 1',
      },
    },
    remedies: '1 0 0 1 2 | 0 1 0 0 1 | 0 0 0 0 0',
    findings: [],
  },
];

const CASES_MORE: CorpusCase[] = [];

/** The 2021 table 三 most tab variants print (a county bureau's 2022 report): 18 received, 2 carried in and out. */
const T3_2021: Record<string, string> = {
  received: '15 2 0 0 1 0 18',
  carriedIn: '2 0 0 0 0 0 2',
  disclosed: '6 1 0 0 0 0 7',
  partlyDisclosed: '2 0 0 0 0 0 2',
  'withheld.thirdParty': '1 0 0 0 0 0 1',
  'withheld.processInfo': '1 0 0 0 0 0 1',
  'unavailable.notHeld': '3 1 0 0 1 0 5',
  'notHandled.repeat': '1 0 0 0 0 0 1',
  'other.noSupplement': '1 0 0 0 0 0 1',
  handledTotal: '15 2 0 0 1 0 18',
  carriedOut: '2 0 0 0 0 0 2',
};
const T2_2021: Record<string, string> = {
  rules: '0 0 0',
  normativeDocs: '3 1 25',
  licensing: '125',
  penalties: '37',
  compulsion: '2',
  fees: '12.5',
};
const T4 = '1 0 0 1 2 | 0 1 0 0 1 | 0 0 0 0 0';

CASES_MORE.push(
  {
    file: '02-tab-2021-narrative.txt',
    quirks: ['2021 format', '规范性文件 for 行政规范性文件', 'narrative 共受理政府信息公开申请18件 agreeing with the table'],
    format: '2021',
    year: 2022,
    agency: '某县交通运输局',
    proactive: { rows: T2_2021 },
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '03-tab-2021-mistyped-labels.txt',
    quirks: ['labels mistyped: a character missing or doubled (申情, 予以以公开, 禁止公, 事物, 权权益, 重复申申请, 办里, 3.其它)'],
    format: '2021',
    year: 2022,
    proactive: { rows: T2_2021 },
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '04-tab-2021-spaces-brackets.txt',
    quirks: ['spaces inside words (总 计, 三 、本 年 度)', 'half-width brackets', 'header words split (商业企 业)', 'spaced title'],
    format: '2021',
    year: 2022,
    agency: '某县交通运输局',
    proactive: { rows: T2_2021 },
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '05-tab-2022-prints-2019-table3.txt',
    quirks: ['a 2022 report still printing the 2019 table 三 under a 2021 table 二'],
    format: '2019',
    year: 2022,
    proactive: { rows: { licensing: '_ _ 125', penalties: '_ _ 37', compulsion: '_ _ 2', fees: '_ _', rules: '_ _ _', normativeDocs: '_ _ _' } },
    applications: { rows: { ...withoutOther(T3_2021), other: '1 0 0 0 0 0 1' }, rest: '0' },
    remedies: T4,
    findings: ['report.formatMismatch'],
    notes: [{ kind: 'unreadable', message: /表二.*2021/ }],
  },
  {
    file: '06-tab-2021-units-dashes.txt',
    quirks: ['dashes for none (/, —, -, 无)', 'full-width digits', '1,250', '125000元 in a 万元 column'],
    format: '2021',
    year: 2022,
    proactive: { rows: { ...T2_2021, licensing: '1250', fees: '12.5', compulsion: '-' } },
    applications: {
      rest: '-',
      rows: {
        received: '15 2 - - 1 - 18',
        carriedIn: '2 - - - - - 2',
        disclosed: '6 1 - - - - 7',
        partlyDisclosed: '2 - - - - - 2',
        'withheld.thirdParty': '1 0 0 0 0 0 1',
        'withheld.processInfo': '1 0 0 0 0 0 1',
        'unavailable.notHeld': '3 1 0 0 1 0 5',
        'notHandled.repeat': '1 0 0 0 0 0 1',
        'other.noSupplement': '1 0 0 0 0 0 1',
        handledTotal: '15 2 - - 1 - 18',
        carriedOut: '2 - - - - - 2',
      },
    },
    remedies: T4,
    findings: [],
  },
  {
    file: '07-tab-2021-natural-person-only.txt',
    quirks: ['only the 自然人 and 总计 columns filled'],
    format: '2021',
    year: 2021,
    agency: '某镇人民政府',
    applications: {
      rest: '0 _ _ _ _ _ 0',
      rows: {
        received: '16 _ _ _ _ _ 16',
        carriedIn: '2 _ _ _ _ _ 2',
        disclosed: '7 _ _ _ _ _ 7',
        partlyDisclosed: '2 _ _ _ _ _ 2',
        'withheld.thirdParty': '1 _ _ _ _ _ 1',
        'unavailable.notHeld': '4 _ _ _ _ _ 4',
        'other.noSupplement': '2 _ _ _ _ _ 2',
        handledTotal: '16 _ _ _ _ _ 16',
        carriedOut: '2 _ _ _ _ _ 2',
      },
    },
    findings: [],
  },
  {
    file: '08-tab-2021-total-column-partly-blank.txt',
    quirks: ['the 总计 column filled only in 一, 二, （七） and 四'],
    format: '2021',
    year: 2022,
    applications: {
      rest: '0 0 0 0 0 0 _',
      rows: {
        ...Object.fromEntries(Object.entries(T3_2021).map(([k, v]) => [k, v.replace(/ \d+$/, ' _')])),
        received: T3_2021.received!,
        carriedIn: T3_2021.carriedIn!,
        handledTotal: T3_2021.handledTotal!,
        carriedOut: T3_2021.carriedOut!,
      },
    },
    findings: ['applications.blankTotalColumn'],
  },
);

function withoutOther(rows: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(rows).filter(([k]) => !k.startsWith('other.')));
}


CASES_MORE.push({
  file: '09-md-converter-2021.md',
  quirks: ['Markdown pipe tables from a converter', 'tables cut into pieces with generic headers 数据1…数据10', 'a label split over a page break (2.没有现成信息需要 / 另行制作)', 'trailing total cell lost', 'OCR errors in labels (公幵, 掌悌, 申谓, 举根, 办埋)', 'stray characters between rows (■, 、)', 'page number between pieces'],
  format: '2021',
  year: 2022,
  agency: '某县人力资源和社会保障局',
  proactive: { rows: T2_2021 },
  applications: { rows: { ...T3_2021, carriedIn: '2 0 0 0 0 0 _' }, rest: '0' },
  remedies: T4,
  findings: ['applications.blankTotalColumn'],
});


CASES_MORE.push({
  file: '10-pdftotext-layout-2021.txt',
  quirks: ['pdftotext -layout output (columns by runs of spaces)', 'group labels one character per line', 'labels wrapped with the numbers on the middle line', '（四）无 | 法提供 across a page break with -3- between', 'table 四: 15 numbers far below a three-level header', 'narrative 共受理政府信息公开申请 18 件'],
  format: '2021',
  year: 2022,
  agency: '某县交通运输局',
  proactive: { rows: T2_2021 },
  applications: { rows: T3_2021, rest: '0' },
  remedies: T4,
  findings: [],
});


CASES_MORE.push({
  file: '11-pdftotext-layout-2019.txt',
  quirks: ['pdftotext -layout output of a 2019-format report', 'blank cells vanish between runs of spaces: only 自然人 and 总计 printed', 'labels wrapped inside narrow group columns', '251000元 converted to 万元', '增加 2 个, +3'],
  format: '2019',
  year: 2020,
  agency: '某区财政局',
  proactive: {
    rows: {
      rules: '0 0 0',
      normativeDocs: '2 2 14',
      licensing: '0 0 0',
      otherServices: '0 0 0',
      penalties: '12 3 41',
      compulsion: '0 0 0',
      fees: '16 2',
      procurement: '23 25.1',
    },
  },
  applications: {
    rest: '_',
    rows: {
      received: '17 _ _ _ _ _ 17',
      disclosed: '6 _ _ _ _ _ 6',
      'withheld.internalAffairs': '1 _ _ _ _ _ 1',
      'unavailable.notHeld': '10 _ _ _ _ _ 10',
      handledTotal: '17 _ _ _ _ _ 17',
    },
  },
  remedies: '0 0 0 0 0 | 0 0 0 0 0 | 0 0 0 0 0',
  findings: [],
  notes: [{ message: /种排法都说得通/ }],
});


CASES_MORE.push(
  {
    file: '12-crawled-run-together-2019.txt',
    quirks: ['crawled page text with every cell run together', 'site chrome (字体 大 中 小, 打印本页, 分享到, 扫一扫)', 'glued rows split by the row and column identities', 'ambiguous glued table 二 rows left blank with a note'],
    format: '2019',
    year: 2020,
    agency: '某县水利局',
    proactive: {
      rows: {
        rules: '0 0 0',
        normativeDocs: '_ _ _',
        licensing: '_ _ _',
        otherServices: '0 0 0',
        penalties: '_ _ _',
        compulsion: '0 0 0',
        fees: '2 0',
        procurement: '_ _',
      },
    },
    applications: {
      rest: '0',
      rows: {
        received: '12 0 0 0 1 0 13',
        disclosed: '5 0 0 0 1 0 6',
        partlyDisclosed: '1 0 0 0 0 0 1',
        'unavailable.notHeld': '4 0 0 0 0 0 4',
        other: '2 0 0 0 0 0 2',
        handledTotal: '12 0 0 0 1 0 13',
      },
    },
    remedies: '0 0 0 0 0 | 0 0 0 0 0 | 0 0 0 0 0',
    findings: [],
    notes: [{ message: /种拆法都说得通/ }, { message: /按各列的合计关系只有一种成立/ }],
  },
  {
    file: '13-crawled-one-cell-per-line-2021.txt',
    quirks: ['crawled page text with every table cell on a line of its own'],
    format: '2021',
    year: 2023,
    agency: '某街道办事处',
    proactive: { rows: T2_2021 },
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '14-tab-2021-table4-transposed.txt',
    quirks: ['table 四 printed transposed: results down, the three groups across'],
    format: '2021',
    year: 2022,
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '15-tab-2021-table4-two-rows.txt',
    quirks: ['table 四 split in two: 行政复议 (5) above, 行政诉讼 (10) below, each with its own header'],
    format: '2021',
    year: 2022,
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '15b-tab-2021-table4-labelled-rows.txt',
    quirks: ['table 四 as two labelled rows: 行政复议 5 numbers, 行政诉讼 10 numbers'],
    format: '2021',
    year: 2022,
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '16-tab-2021-real-errors.txt',
    quirks: ['real error: （七）总计 not the sum of the rows above it', 'real error: table 四 total 0 under non-zero results'],
    format: '2021',
    year: 2022,
    applications: { rows: { ...T3_2021, handledTotal: '15 2 0 0 1 0 19' }, rest: '0' },
    remedies: '1 0 0 1 0 | 0 1 0 0 1 | 0 0 0 0 0',
    findings: ['applications.suspectCell', 'remedies.groupTotal'],
  },
  {
    file: '17-tab-2021-narrative-mismatch.txt',
    quirks: ['narrative figures that disagree with the table (受理15件 vs 18; 行政复议2起 agrees)'],
    format: '2021',
    year: 2022,
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: ['narrative.tableMismatch'],
  },
);


CASES_MORE.push(
  {
    file: '18-html-word-paste-2021.html',
    quirks: ['HTML page: Word paste with mso- styles and a <span> in every cell', 'site chrome around the body', 'blank cells as &nbsp;', 'only 自然人 and 总计 filled', 'rowspan/colspan labels and headers'],
    format: '2021',
    year: 2021,
    agency: '某县退役军人事务局',
    proactive: { rows: { rules: '0 0 0', normativeDocs: '1 0 9', licensing: '0', penalties: '6', compulsion: '0', fees: '0' } },
    applications: {
      rest: '_',
      rows: {
        received: '9 _ _ _ _ _ 9',
        carriedIn: '1 _ _ _ _ _ 1',
        disclosed: '4 _ _ _ _ _ 4',
        'unavailable.notHeld': '3 _ _ _ _ _ 3',
        'notHandled.repeat': '1 _ _ _ _ _ 1',
        handledTotal: '8 _ _ _ _ _ 8',
        carriedOut: '2 _ _ _ _ _ 2',
      },
    },
    remedies: '0 0 0 0 0 | 0 0 0 0 0 | 0 0 0 0 0',
    findings: [],
  },
  {
    file: '19-tab-2021-cjk-radicals.txt',
    quirks: ['CJK radical code points from a browser-printed PDF (U+2F08 for 人, U+2F00 for 一)'],
    format: '2021',
    year: 2022,
    proactive: { rows: T2_2021 },
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
  },
  {
    file: '20-tab-2021-table2-local-rows.txt',
    quirks: ['local extra rows in table 二 (其他主动公开文件, 其他对外管理服务事项 and a whole （九） block in a 2021 report)', 'notes in labels (（含部门文件）, （件）)'],
    format: '2021',
    year: 2022,
    proactive: { rows: T2_2021 },
    applications: { rows: T3_2021, rest: '0' },
    remedies: T4,
    findings: [],
    notes: [
      { kind: 'ignored', message: /其他主动公开文件/ },
      { kind: 'ignored', message: /其他对外管理服务事项/ },
      { kind: 'ignored', message: /政府集中采购/ },
    ],
  },
);

export const CASES: readonly CorpusCase[] = [...CASES_FIRST, ...CASES_MORE];
