/**
 * Parsing a use case's input with its zod schema: the data, or one AppError `input.invalid` whose details list every
 * issue with its field path and Chinese message, so pages, the API and the CLI show every module's errors the same way.
 */
import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import { AppError } from './errors.ts';

const zodChinese = zhCN().localeError;

export interface InputIssue {
  /** Dotted field path, e.g. `form.applicant.idNumber`. */
  readonly path: string;
  readonly message: string;
  /** A more specific code when one exists, e.g. `applicant.idNumber.checkDigit`. */
  readonly code?: string;
}

/** Parses input with a schema; throws AppError `input.invalid` listing every issue with its field path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // Our own messages are Chinese; zod's fallbacks (a wrong type, a number out of range) are too.
  const result = schema.safeParse(input, { error: zodChinese });
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => {
    const code = (issue as { params?: { code?: unknown } }).params?.code;
    return {
      path: issue.path.map(String).join('.'),
      message: issue.message,
      ...(typeof code === 'string' ? { code } : {}),
    };
  });
  const first = issues[0];
  throw new AppError('input.invalid', first ? first.message : '输入有误。', { issues });
}
