/**
 * The prose of the annual report (Art. 50: 一 总体情况 … 六 其他需要报告的事项), written by staff per agency and year
 * and used when the report is built and published. Tables are never typed here: they come from the data.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../errors.ts';
import type { InputIssue } from '../../../parse-input.ts';
import { actorLabel, authorize, type Actor } from '../../accounts/policy.ts';
import { subordinatesIn } from '../../agencies/agencies.repository.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { numericValue } from '../domain/cell.ts';
import { narrativeSentences } from '../domain/checks/sentences.ts';
import type { Finding } from '../domain/finding.ts';
import { FORMATS, formatForYear, type SectionDef, type SectionId } from '../domain/formats/index.ts';
import { getCell, type Report } from '../domain/report.ts';
import { findSections, upsertSection } from '../report-sections.repository.ts';

/** The longest text one section may hold (characters); a real 总体情况 runs to a few thousand. */
export const SECTION_MAX_LENGTH = 20_000;

export type SectionTexts = Readonly<Partial<Record<SectionId, string>>>;

/** The sections of the format the year requires, in the form's order. */
export function sectionsOfYear(year: number): readonly SectionDef[] {
  return FORMATS[formatForYear(year)].sections;
}

export function sectionLabel(def: SectionDef): string {
  return `${def.numeral}、${def.heading}`;
}

/** The saved texts of one agency and year, without asking who reads (the report build has already been authorised). */
export async function loadSavedSections(db: Kysely<Database>, agencyId: number, year: number): Promise<SectionTexts> {
  const known = new Set<string>(sectionsOfYear(year).map((s) => s.id));
  const rows = await findSections(db, agencyId, year);
  return Object.fromEntries(rows.filter((r) => known.has(r.sectionId)).map((r) => [r.sectionId, r.text])) as SectionTexts;
}

export interface SavedSections {
  readonly texts: SectionTexts;
  /** The last save, if any: when and by whom (an actor label). */
  readonly lastSaved: { readonly at: string; readonly by: string } | null;
}

/** The saved prose of one agency's report on one year, for whoever may read that report (report.read). */
export async function getReportSections(
  ctx: { readonly db: Kysely<Database>; readonly actor: Actor },
  input: { readonly agencyId: number; readonly year: number },
): Promise<SavedSections> {
  await authorize(ctx.actor, 'report.read', input.agencyId, subordinatesIn(ctx.db));
  const rows = await findSections(ctx.db, input.agencyId, input.year);
  const last = rows.reduce<(typeof rows)[number] | undefined>((a, r) => (!a || r.updatedAt > a.updatedAt ? r : a), undefined);
  return { texts: await loadSavedSections(ctx.db, input.agencyId, input.year), lastSaved: last ? { at: last.updatedAt, by: last.updatedBy } : null };
}

export interface SaveReportSectionsContext {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly clock: { now(): Date };
}

/** C0 controls but tab and line breaks, DEL, C1 controls: they print as nothing or garble a DOCX or PDF. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function invalid(issues: InputIssue[]): AppError {
  return new AppError('input.invalid', issues[0]?.message ?? '输入有误。', { issues });
}

/** The submitted texts checked one by one: every problem is named with its field, nothing is half-accepted. */
function parseSections(raw: unknown, year: number): Map<SectionId, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) {
    throw invalid([{ path: 'sections', message: '请提交年度报告至少一个部分的正文。' }]);
  }
  const defs = sectionsOfYear(year);
  const names = defs.map(sectionLabel).join('、');
  const out = new Map<SectionId, string>();
  const issues: InputIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const def = defs.find((d) => d.id === key);
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    if (!def) {
      issues.push({ path: `sections.${shown}`, code: 'report.section.unknown', message: `年度报告没有“${shown}”这一部分；可填写的部分是：${names}。` });
      continue;
    }
    const label = sectionLabel(def);
    if (typeof value !== 'string') {
      issues.push({ path: `sections.${key}`, message: `“${label}”的正文应为文字。` });
      continue;
    }
    // A browser sends line breaks as CRLF; the limit and the stored text count a line break once.
    const text = value.replace(/\r\n?/g, '\n');
    const control = CONTROL.exec(text);
    if (text.length > SECTION_MAX_LENGTH) {
      issues.push({ path: `sections.${key}`, code: 'report.section.tooLong', message: `“${label}”最多${SECTION_MAX_LENGTH}字，现有${text.length}字，请删减。` });
    } else if (control) {
      issues.push({
        path: `sections.${key}`,
        code: 'report.section.controlCharacter',
        message: `“${label}”第${control.index + 1}个字符是不可见的控制字符（U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}），请删除后再保存。`,
      });
    } else {
      out.set(def.id, text);
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return out;
}

function parseKey(input: unknown, now: Date): { agencyId: number; year: number; sections: unknown } {
  const { agencyId, year, sections } = (input ?? {}) as { agencyId?: unknown; year?: unknown; sections?: unknown };
  const issues: InputIssue[] = [];
  if (typeof agencyId !== 'number' || !Number.isInteger(agencyId) || agencyId <= 0) issues.push({ path: 'agencyId', message: '请选择机关。' });
  // Reports exist from 2008 (the first Regulations) to this year.
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2008 || year > now.getUTCFullYear()) {
    issues.push({ path: 'year', message: `报告年度应为2008年至${now.getUTCFullYear()}年之间的年份。` });
  }
  if (issues.length > 0) throw invalid(issues);
  return { agencyId: agencyId as number, year: year as number, sections };
}

/**
 * Saves the prose of one agency's report on one year (clerk, reviewer or administrator of that agency: report.build;
 * a supervisor reads only). Only sections whose text changed are written, with one audit entry naming them.
 * Returns the ids of the sections that changed.
 */
export async function saveReportSections(ctx: SaveReportSectionsContext, input: unknown): Promise<SectionId[]> {
  const now = ctx.clock.now();
  const key = parseKey(input, now);
  await authorize(ctx.actor, 'report.build', key.agencyId, subordinatesIn(ctx.db));
  const texts = parseSections(key.sections, key.year);
  const at = now.toISOString();
  const by = actorLabel(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const saved = new Map((await findSections(trx, key.agencyId, key.year)).map((r) => [r.sectionId, r.text]));
    const changed = [...texts].filter(([id, text]) => saved.get(id) !== text);
    if (changed.length === 0) return [];
    for (const [sectionId, text] of changed) await upsertSection(trx, { agencyId: key.agencyId, year: key.year, sectionId, text, updatedBy: by, updatedAt: at });
    await appendAudit(trx, {
      agencyId: key.agencyId,
      actor: by,
      action: 'report.sectionsSaved',
      subject: `annual-report:${key.year}`,
      // the prose itself stays out of the log: it may name people before it is edited for publication
      details: { year: key.year, sections: changed.map(([id, text]) => ({ id, characters: text.length })) },
      at,
    });
    return changed.map(([id]) => id);
  });
}

/**
 * A first draft for a section that has none yet (pure): 一、总体情况 opens with the year, the agency and the
 * applications received as the table counts them, so a starting text never disagrees with the tables.
 */
export function startingText(report: Report, section: SectionId): string {
  if (section !== 'overview' || report.year === null) return '';
  const agency = report.agency ?? '本机关';
  const received = numericValue(getCell(report, 'applications', 'received', 'total'));
  const applications = received === null ? '' : `全年共收到政府信息公开申请${received}件。`;
  return `${report.year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，推进主动公开，规范依申请公开办理。${applications}`;
}

/**
 * The findings about the prose, placed under the section whose sentence they quote (the screen shows them beside
 * its text); a finding about the prose as a whole (the year it speaks of) goes under 一、总体情况.
 */
export function narrativeFindingsBySection(report: Report, findings: readonly Finding[]): Map<SectionId, Finding[]> {
  const sentences = narrativeSentences(report);
  const out = new Map<SectionId, Finding[]>();
  for (const f of findings) {
    if (!f.code.startsWith('narrative.')) continue;
    const quoted = /正文“(.*?)…?”/.exec(f.message)?.[1];
    const section = (quoted ? sentences.find((s) => s.text.startsWith(quoted))?.section : undefined) ?? 'overview';
    out.set(section, [...(out.get(section) ?? []), f]);
  }
  return out;
}
