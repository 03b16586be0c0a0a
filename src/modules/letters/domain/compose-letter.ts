/**
 * A letter as issued: the template filled in, then the signature — the agency's name with its seal and the date —
 * appended as the last two lines. The result is the frozen text (table letters); renderers read it back with
 * letterLayout.
 */
import { chineseDate } from './dates.ts';
import { fillTemplate, type PlaceholderName } from './placeholders.ts';

export const SEAL_MARK = '（盖章）';

export function composeLetter(template: string, values: Readonly<Partial<Record<PlaceholderName, string>>>, signature: { readonly agencyName: string; readonly date: string }): string {
  const text = fillTemplate(template, values)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${text}\n\n${signature.agencyName}${SEAL_MARK}\n${chineseDate(signature.date)}`;
}

export interface LetterLayout {
  /** The first line when it names the addressee (ends with a colon): printed flush left. */
  readonly addressee: string | null;
  readonly paragraphs: readonly string[];
  /** The seal line and the date, printed right-aligned. */
  readonly signature: readonly string[];
}

export function letterLayout(body: string): LetterLayout {
  const lines = body.split('\n');
  const signature = lines.length >= 3 ? lines.slice(-2) : [];
  const rest = (signature.length > 0 ? lines.slice(0, -2) : lines).filter((l) => l.trim() !== '');
  const first = rest[0];
  const addressee = first !== undefined && /[：:]$/.test(first) ? first : null;
  return { addressee, paragraphs: addressee === null ? rest : rest.slice(1), signature };
}
