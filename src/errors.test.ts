import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, isAppError, isErrorCode } from './errors.ts';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const DOCS = readFileSync(fileURLToPath(new URL('../docs/errors.md', import.meta.url)), 'utf8');

/** Codes documented in docs/errors.md: the first backticked cell of each table row. */
const documented = new Set([...DOCS.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]!));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Codes written as literals where an error is made: new AppError('…', fail('…', and error classes' super('…'. */
const CODE_USE = /(?:new AppError|\bfail|\bsuper)\(\s*['"]([a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+)['"]/g;

describe('error codes', () => {
  it('every code in the code list is explained in docs/errors.md', () => {
    expect(ERROR_CODES.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('docs/errors.md lists no code that no longer exists', () => {
    expect([...documented].filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it('every code used in src/ is in docs/errors.md', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(CODE_USE)) used.set(m[1]!, file.slice(SRC.length));
    }
    expect(used.size).toBeGreaterThan(10); // the scan finds the codes the domain uses
    const missing = [...used].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('codes are unique', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});

describe('AppError', () => {
  it('carries a stable code, a message for people and details, and nothing about HTTP', () => {
    const error = new AppError('application.archived', '该申请已归档，不能再办理任何环节。', { id: 7 });
    expect(error).toBeInstanceOf(Error);
    expect(isAppError(error)).toBe(true);
    expect([error.name, error.code, error.message, error.details]).toEqual([
      'AppError',
      'application.archived',
      '该申请已归档，不能再办理任何环节。',
      { id: 7 },
    ]);
    expect(Object.keys(error)).not.toContain('status');
  });
});
