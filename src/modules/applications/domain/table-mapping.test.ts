import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { APPLICANT_PART_COLUMN_IDS } from '../../annual-report/domain/formats/common.ts';
import { FORMATS } from '../../annual-report/domain/formats/index.ts';
import type { FormatId } from '../../annual-report/domain/formats/index.ts';
import { replayEvents } from './apply-event.ts';
import type { ApplicationEvent } from './events.ts';
import { OUTCOMES, OUTCOME_IDS } from './outcomes.ts';
import { openApplication } from './state.ts';
import { APPLICANT_TYPES, reportRowsFor, tableColumnFor, tableRowFor } from './table-mapping.ts';

const NOT_OUTCOMES = new Set(['received', 'carriedIn', 'handledTotal', 'carriedOut']);
const outcomeRows = (format: FormatId) =>
  FORMATS[format].tables.applications.rows.map((r) => r.id).filter((id) => !NOT_OUTCOMES.has(id));

describe('outcomes ↔ table 三 rows', () => {
  it('2021: one outcome per outcome row, each row reached by exactly one outcome', () => {
    const mapped = OUTCOME_IDS.map((o) => tableRowFor(o, '2021'));
    expect([...mapped].sort()).toEqual([...outcomeRows('2021')].sort());
  });

  it('2019: the three other.* outcomes share the single （六） row `other`; every other outcome keeps its row', () => {
    expect(tableRowFor('other.noSupplement', '2019')).toBe('other');
    expect(tableRowFor('other.feeUnpaid', '2019')).toBe('other');
    expect(tableRowFor('other.misc', '2019')).toBe('other');
    expect(new Set(OUTCOME_IDS.map((o) => tableRowFor(o, '2019')))).toEqual(new Set(outcomeRows('2019')));
  });

  it('each outcome carries the form label, its legal basis (where an article names it) and a reply wording', () => {
    const rows2021 = new Map(FORMATS['2021'].tables.applications.rows.map((r) => [r.id, r]));
    for (const id of OUTCOME_IDS) {
      const outcome = OUTCOMES[id];
      expect(outcome.id).toBe(id);
      const row = rows2021.get(id)!;
      expect([row.label, ...row.aliases], id).toContain(outcome.label);
      expect(outcome.letter, id).toMatch(/[\u4e00-\u9fff]{10,}/);
      if (id !== 'notHandled.confirmation' && id !== 'other.misc') expect(outcome.legalBasis.length, id).toBeGreaterThan(0);
    }
  });
});

describe('applicant types ↔ table 三 columns', () => {
  it('each applicant type has its own column, and every applicant column is reachable', () => {
    expect(APPLICANT_TYPES.map(tableColumnFor)).toEqual([...APPLICANT_PART_COLUMN_IDS]);
  });
});

describe('reportRowsFor: where one application counts in each year', () => {
  const calendar = loadCalendar();
  const TODAY = '2026-06-30';
  const build = (receivedOn: string, events: ApplicationEvent[]) => {
    const opened = openApplication({ applicantType: 'research', facts: { channel: 'inPerson', handedInOn: receivedOn } }, TODAY);
    if (!opened.ok) throw opened.error;
    const result = replayEvents(opened.value, events, calendar, TODAY);
    if (!result.ok) throw result.error;
    return result.value;
  };

  it('open at year end: 四 carriedOut that year, 二 carriedIn the next, then its outcome row', () => {
    const app = build('2023-12-20', [{ type: 'replied', date: '2024-01-10', outcome: 'partlyDisclosed', legalBasis: '《条例》第三十七条' }]);
    expect(reportRowsFor(app, 2022)).toEqual([]);
    expect(reportRowsFor(app, 2023)).toEqual(['received', 'carriedOut']);
    expect(reportRowsFor(app, 2024)).toEqual(['carriedIn', 'partlyDisclosed']);
    expect(reportRowsFor(app, 2025)).toEqual([]);
  });

  it('still open: carried out again every year', () => {
    const app = build('2023-12-20', [{ type: 'consultationStarted', date: '2023-12-21', party: 'thirdParty' }]);
    expect(reportRowsFor(app, 2024)).toEqual(['carriedIn', 'carriedOut']);
  });

  it('handling ends with withdrawal, not with delivery or archiving; the 2019 format uses its single other row', () => {
    const app = build('2023-03-01', [
      { type: 'withdrawn', date: '2023-03-02' },
      { type: 'archived', date: '2024-02-01' },
    ]);
    expect(reportRowsFor(app, 2023)).toEqual(['received', 'other.misc']);
    expect(reportRowsFor(app, 2023, '2019')).toEqual(['received', 'other']);
    expect(reportRowsFor(app, 2024)).toEqual([]);
  });
});
