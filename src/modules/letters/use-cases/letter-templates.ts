/**
 * An agency's own wording of its letters: list, read, save (checked: no unknown or malformed placeholder, the
 * particulars and remedies kept), reset to the default. Only the agency's administrator edits (agency.update);
 * whoever may read the agency sees them. A saved template changes letters issued from then on, never an issued one.
 */
import { AppError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorLabel, authorize } from '../../applications/applications.policy.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { DEFAULT_TEMPLATES } from '../domain/default-templates.ts';
import { LETTER_KIND_DEFS, LETTER_KINDS, letterKindLabel, type LetterKind } from '../domain/kinds.ts';
import { checkTemplate } from '../domain/placeholders.ts';
import { deleteTemplateRow, findTemplateRow, listTemplateRows, upsertTemplateRow } from '../letters.repository.ts';
import { agencyRefSchema, parseInput, saveTemplateSchema, templateRefSchema } from '../letters.schemas.ts';

export interface LetterTemplateView {
  readonly kind: LetterKind;
  readonly title: string;
  /** the name on the screens (the title, or the title with what sets the kind apart) */
  readonly label: string;
  readonly basis: string;
  readonly body: string;
  /** false: the shipped default applies */
  readonly custom: boolean;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

function view(kind: LetterKind, row: { body: string; updated_by: string; updated_at: string } | undefined): LetterTemplateView {
  const def = LETTER_KIND_DEFS[kind];
  return {
    kind,
    title: def.title,
    label: letterKindLabel(kind),
    basis: def.basis,
    body: row?.body ?? DEFAULT_TEMPLATES[kind],
    custom: row !== undefined,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function listLetterTemplates(ctx: UseCaseContext, input: unknown): Promise<LetterTemplateView[]> {
  const i = parseInput(agencyRefSchema, input);
  await authorize(ctx.db, ctx.actor, 'agency.read', i.agencyId);
  const rows = new Map((await listTemplateRows(ctx.db, i.agencyId)).map((r) => [r.kind, r]));
  return LETTER_KINDS.map((kind) => view(kind, rows.get(kind)));
}

export async function getLetterTemplate(ctx: UseCaseContext, input: unknown): Promise<LetterTemplateView> {
  const i = parseInput(templateRefSchema, input);
  await authorize(ctx.db, ctx.actor, 'agency.read', i.agencyId);
  return view(i.kind, await findTemplateRow(ctx.db, i.agencyId, i.kind));
}

/**
 * The body with its line ends normalised, or `input.invalid` naming field `body` and every problem (an unknown,
 * malformed or missing placeholder, the remedies left out). Saving and the preview refuse alike.
 */
export function checkedTemplateBody(kind: LetterKind, raw: string): string {
  const body = raw.replace(/\r\n?/g, '\n');
  const problems = checkTemplate(kind, body);
  const first = problems[0];
  if (first) {
    throw new AppError('input.invalid', first.message, {
      issues: problems.map((p) => ({ path: 'body', message: p.message, code: p.code, ...(p.placeholder ? { placeholder: p.placeholder } : {}) })),
    });
  }
  return body;
}

export async function saveLetterTemplate(ctx: UseCaseContext, input: unknown): Promise<LetterTemplateView> {
  const i = parseInput(saveTemplateSchema, input);
  await authorize(ctx.db, ctx.actor, 'agency.update', i.agencyId);
  const body = checkedTemplateBody(i.kind, i.body);
  const now = ctx.clock.now().toISOString();
  const actor = actorLabel(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertTemplateRow(trx, { agency_id: i.agencyId, kind: i.kind, body, updated_by: actor, updated_at: now });
    await appendAudit(trx, { agencyId: i.agencyId, actor, action: 'letter.templateUpdated', subject: `letterTemplate:${i.kind}`, details: { kind: i.kind, length: body.length }, at: now });
  });
  return view(i.kind, { body, updated_by: actor, updated_at: now });
}

export async function resetLetterTemplate(ctx: UseCaseContext, input: unknown): Promise<LetterTemplateView> {
  const i = parseInput(templateRefSchema, input);
  await authorize(ctx.db, ctx.actor, 'agency.update', i.agencyId);
  const now = ctx.clock.now().toISOString();
  const actor = actorLabel(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    if (await deleteTemplateRow(trx, i.agencyId, i.kind)) {
      await appendAudit(trx, { agencyId: i.agencyId, actor, action: 'letter.templateReset', subject: `letterTemplate:${i.kind}`, details: { kind: i.kind }, at: now });
    }
  });
  return view(i.kind, undefined);
}
