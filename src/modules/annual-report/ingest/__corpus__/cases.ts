import { CONVERTED_CASES } from './cases-converted.ts';
import { TYPED_CASES } from './cases-typed.ts';
import type { CorpusCase } from './expect.ts';

/** Hand-written documents in the forms a checker user uploads, each with what a person reads off it. */
export const CASES: readonly CorpusCase[] = [...TYPED_CASES, ...CONVERTED_CASES].sort((a, b) => a.file.localeCompare(b.file));
