/** The letters as pure text: each kind cites its article, states the remedies where Art. 51 gives them, and templates are checked. */
import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, OUTCOMES, openApplication, replayEvents, type ApplicationEvent, type OutcomeId } from '../../applications/domain/index.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { composeLetter, letterLayout } from './compose-letter.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { LETTER_KIND_DEFS, LETTER_KINDS, letterKindFor, type LetterKind } from './kinds.ts';
import { letterValues, reconsiderationBody } from './letter-values.ts';
import { checkTemplate, fillTemplate, placeholdersFor } from './placeholders.ts';
import { sampleValues } from './sample-values.ts';

const calendar = loadCalendar();
const RECEIVED = '2025-03-03';

function stateAfter(events: ApplicationEvent[]) {
  const opened = openApplication({ applicantType: 'naturalPerson', facts: { channel: 'inPerson', handedInOn: RECEIVED }, wanted: { form: 'paper', delivery: 'post' } }, '2025-06-30');
  if (!opened.ok) throw opened.error;
  const replayed = replayEvents(opened.value, events, calendar, '2025-06-30');
  if (!replayed.ok) throw replayed.error;
  return replayed.value;
}

const agency = { name: '示范市财政局', officeName: '示范市财政局办公室', officeAddress: '人民路1号', officePhone: '0599-83601234', officeEmail: null, reconsiderationBody: '示范市人民政府' };
const application = { trackingCode: 'ABCD2345EFGH', applicantName: '张三', receivedOn: RECEIVED, description: '2024年部门决算' };

/** A letter of each kind issued by the event that produces it, after the events before it. */
function letter(kind: LetterKind, outcome: OutcomeId = 'disclosed', template = DEFAULT_TEMPLATES[kind]): string {
  const history: Record<LetterKind, { before: ApplicationEvent[]; event: ApplicationEvent; note: Record<string, unknown> }> = {
    supplementNotice: { before: [], event: { type: 'supplementRequested', date: '2025-03-05', termEnds: '2025-03-20' }, note: { whatIsMissing: '请写明文件名称' } },
    consultationRequest: { before: [], event: { type: 'consultationStarted', date: '2025-03-05', party: 'thirdParty' }, note: { partyName: '某某公司' } },
    extensionNotice: { before: [], event: { type: 'extensionApproved', date: '2025-03-20', workingDays: 15, approverRole: 'reviewer' }, note: { reason: '需要调取档案' } },
    feeNotice: { before: [], event: { type: 'feeNoticeIssued', date: '2025-03-10', noticeReceivedOn: '2025-03-11', charge: { standard: 'perVolume', pages: 40 } }, note: {} },
    reply: {
      before: outcome === 'unavailable.unclearAfterSupplement' ? [{ type: 'supplementRequested', date: '2025-03-05', termEnds: '2025-03-20' }, { type: 'supplemented', date: '2025-03-10' }] : [],
      event: { type: 'replied', date: '2025-03-25', outcome, legalBasis: '《条例》第三十六条' },
      note: {},
    },
    withdrawalConfirmation: { before: [], event: { type: 'withdrawn', date: '2025-03-12' }, note: {} },
    supplementLapseNotice: {
      before: [{ type: 'supplementRequested', date: '2025-03-05', termEnds: '2025-03-20' }],
      event: { type: 'supplementLapsed', date: '2025-03-21' },
      note: {},
    },
    feeLapseNotice: {
      before: [{ type: 'feeNoticeIssued', date: '2025-03-10', noticeReceivedOn: '2025-03-11', charge: { standard: 'perVolume', pages: 40 } }],
      event: { type: 'feeLapsed', date: calendar.addWorkingDays(calendar.addWorkingDays('2025-03-11', 20), 1) },
      note: {},
    },
  };
  const h = history[kind];
  const state = stateAfter([...h.before, h.event]);
  const values = letterValues(kind, { agency, application, event: h.event, note: h.note, stateAfter: state, dueOn: '2025-04-15' }, calendar);
  return composeLetter(template, values, { agencyName: agency.name, date: h.event.date });
}

const ARTICLES: Record<LetterKind, string[]> = {
  supplementNotice: ['第三十条'],
  consultationRequest: ['第三十二条'],
  extensionNotice: ['第三十三条'],
  feeNotice: ['第四十二条', '国办函〔2020〕109号'],
  reply: ['第三十六条'],
  withdrawalConfirmation: ['撤回'],
  supplementLapseNotice: ['第三十条', '视为放弃申请'],
  feeLapseNotice: ['《政府信息公开信息处理费管理办法》', '国办函〔2020〕109号', '视为放弃申请'],
};

describe('the default letters', () => {
  it.each(LETTER_KINDS)('%s: the default template passes its own check and names no unknown placeholder', (kind) => {
    expect(checkTemplate(kind, DEFAULT_TEMPLATES[kind])).toEqual([]);
  });

  it.each(LETTER_KINDS)('%s cites its article and leaves no placeholder unfilled', (kind) => {
    const text = letter(kind);
    for (const article of ARTICLES[kind]) expect(text).toContain(article);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toContain('—（');
  });

  it.each(LETTER_KINDS)('%s states the remedies of Art. 51 exactly when the applicant may object', (kind) => {
    const text = letter(kind);
    const remedies = ['第五十一条', '六十日内', '示范市人民政府申请行政复议', '六个月内', '行政诉讼'];
    if (LETTER_KIND_DEFS[kind].remedies) for (const words of remedies) expect(text).toContain(words);
    else expect(text).not.toContain('行政复议');
  });

  it('the supplement notice names what is missing and the term (Art. 30)', () => {
    const text = letter('supplementNotice');
    expect(text).toContain('请写明文件名称');
    expect(text).toContain('2025年3月20日前');
  });

  it('the third-party letter is addressed to the third party with 15 working days, and never names the applicant (Art. 32)', () => {
    const text = letter('consultationRequest');
    expect(text.startsWith('某某公司：')).toBe(true);
    expect(text).toContain(`${calendar.addWorkingDays('2025-03-05', 15).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}前`);
    expect(text).not.toContain('张三');
    expect(LETTER_KIND_DEFS.consultationRequest.addressee).toBe('thirdParty');
  });

  it('the extension notice gives the days and the new due date (Art. 33)', () => {
    const text = letter('extensionNotice');
    expect(text).toContain('延长15个工作日');
    expect(text).toContain('需要调取档案');
    expect(text).toContain('2025年4月15日前');
  });

  it('the fee notice gives the computed amount, the standard and the last day to pay (办法)', () => {
    const text = letter('feeNotice');
    expect(text).toContain('应缴金额：100元'); // pages 31-40 at 10 yuan
    expect(text).toContain('按量计收，共40页');
    expect(text).toContain(`${calendar.addWorkingDays('2025-03-11', 20).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}前`);
  });

  const replyOutcomes = OUTCOME_IDS.filter((o) => OUTCOMES[o].reachedBy !== 'abandonment');
  it.each(replyOutcomes)('the reply for %s names the outcome, its wording and its articles', (outcome) => {
    const text = letter('reply', outcome);
    const def = OUTCOMES[outcome];
    expect(text).toContain(`办理结果：${def.label}（`);
    expect(text).toContain(def.letter);
    for (const basis of def.legalBasis) expect(text).toContain(basis);
    expect(text).toContain('《条例》第三十六条'); // the basis the clerk recorded
  });

  it('the supplement lapse letter names the notice, the term that passed, and ends handling (Art. 30)', () => {
    const text = letter('supplementLapseNotice');
    expect(text).toContain('已于2025年3月5日向您发出补正申请告知书');
    expect(text).toContain('请您于2025年3月20日前补正');
    expect(text).toContain('不再处理该政府信息公开申请');
    expect(text.endsWith('示范市财政局（盖章）\n2025年3月21日')).toBe(true);
    expect(LETTER_KIND_DEFS.supplementLapseNotice.title).toBe('视为放弃申请告知书');
  });

  it('the fee lapse letter names the amount and the last day to pay (办法)', () => {
    const text = letter('feeLapseNotice');
    expect(text).toContain('应缴信息处理费100元');
    expect(text).toContain(`缴费期限至${calendar.addWorkingDays('2025-03-11', 20).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`);
    expect(text).toContain('逾期未缴纳的，视为放弃申请');
    expect(LETTER_KIND_DEFS.feeLapseNotice.title).toBe('视为放弃申请告知书');
  });

  it('ends with the agency, its seal and the date, which the layout prints apart', () => {
    const text = letter('reply');
    const layout = letterLayout(text);
    expect(layout.addressee).toBe('张三：');
    expect(layout.signature).toEqual(['示范市财政局（盖章）', '2025年3月25日']);
    expect(layout.paragraphs.join('')).toContain('现答复如下');
  });
});

describe('which event issues which letter', () => {
  it('maps each letter-producing event, and issues none for consulting another agency (Art. 34)', () => {
    expect(letterKindFor({ type: 'supplementRequested', date: RECEIVED, termEnds: RECEIVED })).toBe('supplementNotice');
    expect(letterKindFor({ type: 'consultationStarted', date: RECEIVED, party: 'otherAgency' })).toBeNull();
    expect(letterKindFor({ type: 'replied', date: RECEIVED, outcome: 'disclosed', legalBasis: 'x' })).toBe('reply');
    expect(letterKindFor({ type: 'delivered', date: RECEIVED })).toBeNull();
    // deemed abandonment tells the applicant (Art. 30, 办法); a silent consultation goes on without a letter
    expect(letterKindFor({ type: 'supplementLapsed', date: RECEIVED })).toBe('supplementLapseNotice');
    expect(letterKindFor({ type: 'feeLapsed', date: RECEIVED })).toBe('feeLapseNotice');
    expect(letterKindFor({ type: 'consultationLapsed', date: RECEIVED })).toBeNull();
  });
});

describe('the reconsideration body (行政复议法 第二十四条)', () => {
  it('is the government above, by name when known', () => {
    expect(reconsiderationBody('department', { name: '示范市人民政府', kind: 'government' })).toBe('示范市人民政府');
    expect(reconsiderationBody('department', null)).toBe('本级人民政府');
    expect(reconsiderationBody('government', null)).toBe('上一级人民政府');
  });
});

describe('template checks', () => {
  const codes = (kind: LetterKind, body: string) => checkTemplate(kind, body).map((p) => [p.code, p.placeholder]);

  it('refuses an unknown placeholder, naming it', () => {
    const problems = checkTemplate('supplementNotice', `${DEFAULT_TEMPLATES.supplementNotice}\n{{银行账号}}`);
    expect(problems.map((p) => [p.code, p.placeholder])).toEqual([['letter.template.unknownPlaceholder', '{{银行账号}}']]);
    expect(problems[0]!.message).toContain('{{银行账号}}');
  });

  it('refuses a placeholder of another kind', () => {
    expect(codes('supplementNotice', `${DEFAULT_TEMPLATES.supplementNotice}{{收费金额}}`)).toEqual([['letter.template.unknownPlaceholder', '{{收费金额}}']]);
  });

  it.each([
    ['{{申请人', '{{申请人'],
    ['{{}}', '{{}}'],
    ['{{ 申请人 }}', '{{ 申请人 }}'],
    ['申请人}}', '}}'],
    ['{{申请人{{跟踪码}}', '{{申请人'],
  ])('refuses the malformed %s', (bad, placeholder) => {
    expect(codes('supplementNotice', `${DEFAULT_TEMPLATES.supplementNotice}\n${bad}`)).toContainEqual(['letter.template.malformedPlaceholder', placeholder]);
  });

  it('refuses a template that drops a required particular or the remedies', () => {
    expect(codes('reply', DEFAULT_TEMPLATES.reply.replace('{{答复内容}}', ''))).toEqual([['letter.template.missingPlaceholder', '{{答复内容}}']]);
    expect(codes('reply', DEFAULT_TEMPLATES.reply.replace(/行政复议/g, '复议'))).toEqual([['letter.template.remediesMissing', null]]);
    expect(codes('withdrawalConfirmation', '  ')).toEqual([['letter.template.empty', null]]);
  });

  it('refuses a lapse template without its term or without the remedies', () => {
    expect(codes('supplementLapseNotice', DEFAULT_TEMPLATES.supplementLapseNotice.replace(/\{\{补正期限\}\}/g, ''))).toEqual([['letter.template.missingPlaceholder', '{{补正期限}}']]);
    expect(codes('feeLapseNotice', DEFAULT_TEMPLATES.feeLapseNotice.replace(/行政诉讼/g, '起诉'))).toEqual([['letter.template.remediesMissing', null]]);
  });

  it('fills only known placeholders and keeps single braces as text', () => {
    expect(fillTemplate('{a} {{申请人}} {{补正事项}}', { 申请人: '张三' })).toBe('{a} 张三 —');
    expect(placeholdersFor('consultationRequest')).not.toContain('申请人');
  });
});

describe('sample values for the preview', () => {
  it.each(LETTER_KINDS)('%s: the default template filled with samples leaves no placeholder empty', (kind) => {
    const values = sampleValues(kind, agency, '2025-06-30');
    expect(Object.keys(values).sort()).toEqual([...placeholdersFor(kind)].sort());
    const text = composeLetter(DEFAULT_TEMPLATES[kind], values, { agencyName: agency.name, date: '2025-06-30' });
    expect(text).not.toMatch(/\{\{|\}\}|—/);
  });

  it("uses the agency's own particulars and today's date", () => {
    const values = sampleValues('reply', agency, '2025-06-30');
    expect([values.机关名称, values.联系电话, values.复议机关, values.办理日期]).toEqual(['示范市财政局', '0599-83601234', '示范市人民政府', '2025年6月30日']);
  });
});
