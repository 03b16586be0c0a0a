/**
 * Parsing a use case's input with its zod schema: the data, or one AppError `input.invalid` whose details list
 * every issue with its field path and Chinese message (the same shape as the applications module's parseInput,
 * so pages and the API show both the same way).
 */
import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import { AppError } from '../../errors.ts';

export interface InputIssue {
  /** Dotted field path, e.g. `office.phone`. */
  readonly path: string;
  readonly message: string;
}

const zodChinese = zhCN().localeError;

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: zodChinese });
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  throw new AppError('input.invalid', first ? first.message : '输入有误。', { issues });
}
