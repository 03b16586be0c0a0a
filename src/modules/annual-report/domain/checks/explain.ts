import type { CellRef } from '../finding.ts';
import { isBroken, residual, type Instance, type Values } from './instances.ts';
import { differs, tidy } from './order.ts';

/**
 * Root-cause search over broken identities. A wrong cell x (found = true + err) shifts the residual of every identity
 * through it by coef × err and leaves the others alone. So a set of cells explains the broken identities exactly when
 * their errors reproduce every residual — broken and holding alike. Table 三 gives every cell a distinct pair of
 * identities (its row total and its column's identities), so a single wrong cell is always located.
 */
export interface Suspect {
  readonly ref: CellRef;
  readonly key: string;
  readonly found: number;
  /** found − expected */
  readonly error: number;
  readonly instances: readonly Instance[];
}

export interface Explanation {
  readonly kind: 'cell' | 'row' | 'column';
  readonly suspects: readonly Suspect[];
}

interface CellInfo {
  readonly ref: CellRef;
  readonly key: string;
  readonly instances: Instance[];
}

function cellIndex(instances: readonly Instance[]): Map<string, CellInfo> {
  const cells = new Map<string, CellInfo>();
  for (const instance of instances) {
    for (const t of instance.terms) {
      const info = cells.get(t.key) ?? { ref: t.ref, key: t.key, instances: [] };
      info.instances.push(instance);
      cells.set(t.key, info);
    }
  }
  return cells;
}

function coefOf(instance: Instance, key: string): number {
  return instance.terms.filter((t) => t.key === key).reduce((s, t) => s + t.coef, 0);
}

/** The one error all the given identities agree on for this cell, or null when they disagree. */
function agreedError(instances: readonly Instance[], key: string, values: Values): number | null {
  let error: number | null = null;
  for (const instance of instances) {
    const coef = coefOf(instance, key);
    if (coef === 0) continue;
    const e = residual(instance, values) / coef;
    if (error === null) error = e;
    else if (differs(error, e)) return null;
  }
  return error;
}

/**
 * Tries "the wrong cells all lie on this line (a row or a column)": each cell's error is read from the identities
 * that meet the line only at that cell, then the errors must reproduce every residual.
 */
function explainLine(
  line: readonly CellInfo[],
  all: readonly Instance[],
  values: Values,
): Suspect[] | null {
  const inLine = new Set(line.map((c) => c.key));
  const suspects: Suspect[] = [];
  for (const cell of line) {
    const own = cell.instances.filter((i) => i.terms.every((t) => t.key === cell.key || !inLine.has(t.key)));
    const error = agreedError(own, cell.key, values);
    if (error === null) return null;
    if (differs(error, 0)) {
      const found = values.get(cell.key) ?? 0;
      suspects.push({ ref: cell.ref, key: cell.key, found, error: tidy(error), instances: cell.instances });
    }
  }
  if (suspects.length === 0) return null;
  const errors = new Map(suspects.map((s) => [s.key, s.error]));
  for (const instance of all) {
    const predicted = instance.terms.reduce((sum, t) => sum + t.coef * (errors.get(t.key) ?? 0), 0);
    if (differs(predicted, residual(instance, values))) return null;
  }
  return suspects;
}

function signature(suspects: readonly Suspect[]): string {
  return suspects
    .map((s) => `${s.key}:${s.error}`)
    .sort()
    .join('|');
}

/** Every distinct line explanation of the current residuals. */
function lineExplanations(instances: readonly Instance[], values: Values): Explanation[] {
  const cells = [...cellIndex(instances).values()];
  const lines = new Map<string, { kind: 'row' | 'column'; cells: CellInfo[] }>();
  for (const c of cells) {
    for (const [kind, id] of [
      ['row', `${c.ref.table}.${c.ref.row}`],
      ['column', `${c.ref.table}.${c.ref.column}`],
    ] as const) {
      const key = `${kind}:${id}`;
      const line = lines.get(key) ?? { kind, cells: [] };
      line.cells.push(c);
      lines.set(key, line);
    }
  }
  const found = new Map<string, Explanation>();
  for (const line of lines.values()) {
    const suspects = explainLine(line.cells, instances, values);
    if (!suspects) continue;
    const sig = signature(suspects);
    if (!found.has(sig)) found.set(sig, { kind: suspects.length === 1 ? 'cell' : line.kind, suspects });
  }
  return [...found.values()];
}

/**
 * Single cells that every identity through them blames by the same amount, when no other such cell shares an
 * identity with them: independent faults far apart are each located.
 */
function independentCells(instances: readonly Instance[], values: Values): Suspect[] {
  const candidates: Suspect[] = [];
  for (const cell of cellIndex(instances).values()) {
    if (cell.instances.length < 2 || !cell.instances.every((i) => isBroken(i, values))) continue;
    const error = agreedError(cell.instances, cell.key, values);
    if (error === null || !differs(error, 0)) continue;
    const found = values.get(cell.key) ?? 0;
    candidates.push({ ref: cell.ref, key: cell.key, found, error: tidy(error), instances: cell.instances });
  }
  return candidates.filter((c) =>
    candidates.every((o) => o === c || !o.instances.some((i) => c.instances.includes(i))),
  );
}

/**
 * Explains as many broken identities as can be told apart; `values` is corrected for each explanation taken, so the
 * identities still broken afterwards are the ones no single cell or line accounts for.
 */
export function explain(instances: readonly Instance[], values: Values): Explanation[] {
  const out: Explanation[] = [];
  for (let round = 0; round < 8; round++) {
    if (!instances.some((i) => isBroken(i, values))) break;
    const lines = lineExplanations(instances, values);
    const taken: Explanation[] =
      lines.length === 1 ? lines : independentCells(instances, values).map((s) => ({ kind: 'cell', suspects: [s] }));
    if (taken.length === 0) break;
    for (const e of taken) {
      out.push(e);
      for (const s of e.suspects) values.set(s.key, (values.get(s.key) ?? 0) - s.error);
    }
  }
  return out;
}
