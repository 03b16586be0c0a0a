import { authorize } from '../../applications/applications.policy.ts';
import type { UseCaseContext } from '../../applications/use-cases/context.ts';
import { composeLetter } from '../domain/compose-letter.ts';
import { LETTER_KIND_DEFS, type LetterKind } from '../domain/kinds.ts';
import { sampleValues } from '../domain/sample-values.ts';
import { parseInput, saveTemplateSchema } from '../letters.schemas.ts';
import { letterAgency } from './letter-agency.ts';
import { checkedTemplateBody } from './letter-templates.ts';

export interface LetterPreview {
  readonly kind: LetterKind;
  readonly title: string;
  /** the letter as it would be issued today: filled with sample values, signed by the agency */
  readonly body: string;
}

/**
 * A template as edited (not saved) filled with sample values for every placeholder, for the administrator to read
 * before saving. Checked exactly as saving checks it (same refusal); nothing is stored or audited.
 */
export async function previewLetterTemplate(ctx: UseCaseContext, input: unknown): Promise<LetterPreview> {
  const i = parseInput(saveTemplateSchema, input);
  await authorize(ctx.db, ctx.actor, 'agency.update', i.agencyId);
  const template = checkedTemplateBody(i.kind, i.body);
  const agency = await letterAgency(ctx.db, i.agencyId);
  const today = ctx.clock.today();
  const body = composeLetter(template, sampleValues(i.kind, agency, today), { agencyName: agency.name, date: today });
  return { kind: i.kind, title: LETTER_KIND_DEFS[i.kind].title, body };
}
