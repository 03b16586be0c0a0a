/**
 * The audit log as a hash chain, one chain per agency (agency 0: the system chain). Each entry's hash is
 * sha256(prev_hash + canonical JSON of the entry), the first entry's prev_hash is GENESIS_HASH, and a chain head
 * remembers the last (seq, hash). Editing, deleting, inserting or reordering a row breaks a link that
 * `verifyChain` finds. Pure: no I/O; node:crypto is used only as a function.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** The chain of events that belong to no agency (accounts, system settings). */
export const SYSTEM_CHAIN = 0;

export type AuditDetails = { readonly [key: string]: JsonValue | undefined };

/** What the hash covers. */
export interface AuditEntry {
  readonly agencyId: number;
  readonly seq: number;
  /** ISO-8601 UTC timestamp. */
  readonly at: string;
  /** Who: e.g. 'user:12', 'applicant', 'system'. */
  readonly actor: string;
  /** What, as a stable code: e.g. 'application.registered'. */
  readonly action: string;
  /** What it was done to: e.g. 'application:42'. */
  readonly subject: string;
  readonly details: AuditDetails;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly id: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainHead {
  readonly agencyId: number;
  readonly seq: number;
  readonly hash: string;
}

export function hashEntry(prevHash: string, entry: AuditEntry): string {
  const { agencyId, seq, at, actor, action, subject, details } = entry;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ agencyId, seq, at, actor, action, subject, details }))
    .digest('hex');
}

export type ChainBreakReason = 'edited' | 'missing' | 'brokenLink' | 'outOfOrder' | 'truncated' | 'headMismatch' | 'unreadable';

export interface ChainBreak {
  /** The row where the chain stops holding (null when the break is at the end, after the last row). */
  readonly id: number | null;
  readonly agencyId: number;
  readonly seq: number | null;
  readonly reason: ChainBreakReason;
  /** For people. */
  readonly message: string;
}

export interface ChainVerification {
  readonly ok: boolean;
  /** Rows checked. */
  readonly checked: number;
  readonly firstBroken?: ChainBreak;
}

const MESSAGES: Readonly<Record<ChainBreakReason, string>> = {
  edited: '该条审计记录的内容与其哈希不符：记录被修改过',
  missing: '该条审计记录之前缺少记录：有记录被删除',
  brokenLink: '该条审计记录与前一条的哈希不衔接：记录被删除、插入或调换了顺序',
  outOfOrder: '审计记录的写入顺序与序号不一致：记录被调换了顺序',
  truncated: '审计链末尾的记录缺失：最后的记录被删除',
  headMismatch: '审计链的链头与最后一条记录不符',
  unreadable: '该条审计记录的详情不是有效的 JSON',
};

function broken(row: { id: number | null; agencyId: number; seq: number | null }, reason: ChainBreakReason): ChainBreak {
  return { id: row.id, agencyId: row.agencyId, seq: row.seq, reason, message: MESSAGES[reason] };
}

/** Checks one row against the row before it in the same chain (null for the first). */
export function checkLink(previous: StoredAuditEntry | null, row: StoredAuditEntry): ChainBreak | null {
  const expectedSeq = previous === null ? 1 : previous.seq + 1;
  if (row.seq > expectedSeq) return broken(row, 'missing');
  if (row.seq < expectedSeq) return broken(row, 'outOfOrder');
  if (previous !== null && row.id <= previous.id) return broken(row, 'outOfOrder');
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) return broken(row, 'brokenLink');
  if (hashEntry(row.prevHash, row) !== row.hash) return broken(row, 'edited');
  return null;
}

/** Checks the end of a chain: its last row against the recorded head. */
export function checkHead(agencyId: number, last: StoredAuditEntry | null, head: ChainHead | null): ChainBreak | null {
  if (head === null) return last === null ? null : broken({ id: null, agencyId, seq: null }, 'headMismatch');
  const lastSeq = last?.seq ?? 0;
  if (head.seq > lastSeq) return broken({ id: null, agencyId, seq: lastSeq + 1 }, 'truncated');
  if (head.seq < lastSeq || head.hash !== (last?.hash ?? GENESIS_HASH)) {
    return broken({ id: null, agencyId, seq: head.seq }, 'headMismatch');
  }
  return null;
}

/** A row whose details could not be read (the repository could not parse them) is a break of its own. */
export function unreadable(row: { id: number; agencyId: number; seq: number }): ChainBreak {
  return broken(row, 'unreadable');
}

/** Verifies one whole chain given in seq order. */
export function verifyChain(agencyId: number, rows: Iterable<StoredAuditEntry>, head: ChainHead | null): ChainVerification {
  let previous: StoredAuditEntry | null = null;
  let checked = 0;
  for (const row of rows) {
    checked += 1;
    const problem = checkLink(previous, row);
    if (problem) return { ok: false, checked, firstBroken: problem };
    previous = row;
  }
  const end = checkHead(agencyId, previous, head);
  return end ? { ok: false, checked, firstBroken: end } : { ok: true, checked };
}
