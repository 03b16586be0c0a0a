import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, verifyChain, type AuditEntry, type StoredAuditEntry } from './chain.ts';

function chainOf(n: number, agencyId = 7): StoredAuditEntry[] {
  const rows: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const entry: AuditEntry = {
      agencyId,
      seq,
      at: `2026-01-0${seq}T08:00:00.000Z`,
      actor: 'user:1',
      action: 'application.registered',
      subject: `application:${seq}`,
      details: { n: seq },
    };
    const hash = hashEntry(prevHash, entry);
    rows.push({ ...entry, id: seq * 10, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

const headOf = (rows: StoredAuditEntry[]) => {
  const last = rows.at(-1)!;
  return { agencyId: last.agencyId, seq: last.seq, hash: last.hash };
};

describe('hashEntry', () => {
  it('is sha256 hex, depends on the previous hash and on every field', () => {
    const entry: AuditEntry = { agencyId: 1, seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'a', action: 'b', subject: 'c', details: { x: 1 } };
    const h = hashEntry(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEntry('f'.repeat(64), entry)).not.toBe(h);
    for (const changed of [{ agencyId: 2 }, { seq: 2 }, { at: '2026-01-02T00:00:00.000Z' }, { actor: 'z' }, { action: 'z' }, { subject: 'z' }, { details: { x: 2 } }]) {
      expect(hashEntry(GENESIS_HASH, { ...entry, ...changed })).not.toBe(h);
    }
  });

  it('does not depend on the key order of details', () => {
    const base = { agencyId: 1, seq: 1, at: 't', actor: 'a', action: 'b', subject: 'c' };
    expect(hashEntry(GENESIS_HASH, { ...base, details: { a: 1, b: 2 } })).toBe(hashEntry(GENESIS_HASH, { ...base, details: { b: 2, a: 1 } }));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const rows = chainOf(4);
    expect(verifyChain(7, rows, headOf(rows))).toEqual({ ok: true, checked: 4 });
    expect(verifyChain(7, [], null)).toEqual({ ok: true, checked: 0 });
  });

  it('finds an edited row', () => {
    const rows = chainOf(4);
    rows[1] = { ...rows[1]!, details: { n: 99 } };
    expect(verifyChain(7, rows, headOf(rows)).firstBroken).toMatchObject({ id: 20, seq: 2, reason: 'edited' });
  });

  it('finds an edited row whose hash was recomputed, at the next link', () => {
    const rows = chainOf(4);
    const edited = { ...rows[1]!, action: 'forged' };
    rows[1] = { ...edited, hash: hashEntry(edited.prevHash, edited) };
    expect(verifyChain(7, rows, headOf(rows)).firstBroken).toMatchObject({ id: 30, reason: 'brokenLink' });
  });

  it('finds a deleted row in the middle and a deleted last row', () => {
    const rows = chainOf(4);
    const head = headOf(rows);
    expect(verifyChain(7, [rows[0]!, rows[2]!, rows[3]!], head).firstBroken).toMatchObject({ id: 30, reason: 'missing' });
    expect(verifyChain(7, rows.slice(0, 3), head).firstBroken).toMatchObject({ id: null, seq: 4, reason: 'truncated' });
  });

  it('finds rows swapped in place (seqs exchanged) and rows written out of order (ids exchanged)', () => {
    const rows = chainOf(4);
    const swappedSeq = [rows[0]!, { ...rows[2]!, seq: 2 }, { ...rows[1]!, seq: 3 }, rows[3]!];
    expect(verifyChain(7, swappedSeq, headOf(rows)).ok).toBe(false);
    const swappedIds = [rows[0]!, { ...rows[1]!, id: 30 }, { ...rows[2]!, id: 20 }, rows[3]!];
    expect(verifyChain(7, swappedIds, headOf(rows)).firstBroken).toMatchObject({ id: 20, reason: 'outOfOrder' });
  });

  it('finds a head that does not match the last row', () => {
    const rows = chainOf(2);
    expect(verifyChain(7, rows, null).firstBroken?.reason).toBe('headMismatch');
    expect(verifyChain(7, rows, { agencyId: 7, seq: 2, hash: GENESIS_HASH }).firstBroken?.reason).toBe('headMismatch');
  });
});
