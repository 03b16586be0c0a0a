/**
 * The audit log in the database: append inside the caller's transaction, verify a chain or all of them.
 * Appends to one chain serialise on its head row (audit_chain_heads), so concurrent writers queue instead of
 * forking the chain; the unique (agency_id, seq) constraint is the safety net behind that.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditLogRow, Database } from '../../db/schema.ts';
import { canonicalJson, type JsonValue } from './domain/canonical-json.ts';
import {
  GENESIS_HASH,
  SYSTEM_CHAIN,
  checkHead,
  checkLink,
  hashEntry,
  unreadable,
  type AuditDetails,
  type ChainHead,
  type ChainVerification,
  type StoredAuditEntry,
} from './domain/chain.ts';
import { maskDetails } from './domain/mask-details.ts';
import { maskPersonalData } from '../applicants/domain/masking.ts';

export interface NewAuditEntry {
  /** The agency whose chain records it; null for the system chain. */
  readonly agencyId: number | null;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** Masked before storing (ID numbers, phones, applicants' names). */
  readonly details?: AuditDetails;
  /** When, from the use case's clock; defaults to now. */
  readonly at?: Date | string;
}

export interface AppendedAuditEntry {
  readonly id: number;
  readonly agencyId: number;
  readonly seq: number;
  readonly hash: string;
}

/** Appends one entry to its agency's chain, inside the caller's transaction (the entry commits with the change). */
export async function appendAudit(trx: Transaction<Database>, entry: NewAuditEntry): Promise<AppendedAuditEntry> {
  const agencyId = entry.agencyId ?? SYSTEM_CHAIN;
  // Updating the head row locks it (PostgreSQL) until this transaction ends, and returns the latest committed head.
  // A chain's first entry finds no head: it is created (or, if another transaction just created it, found) first.
  const lockHead = () =>
    trx
      .updateTable('audit_chain_heads')
      .set((eb) => ({ seq: eb.ref('seq') }))
      .where('agency_id', '=', agencyId)
      .returning(['seq', 'hash'])
      .executeTakeFirst();
  let head = await lockHead();
  if (head === undefined) {
    await trx
      .insertInto('audit_chain_heads')
      .values({ agency_id: agencyId, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('agency_id').doNothing())
      .execute();
    head = await lockHead();
    if (head === undefined) throw new Error(`audit chain head of agency ${agencyId} missing after insert`);
  }

  const details = maskDetails(entry.details ?? {}) as AuditDetails;
  const at = entry.at === undefined ? new Date().toISOString() : typeof entry.at === 'string' ? entry.at : entry.at.toISOString();
  const stored = {
    agencyId,
    seq: head.seq + 1,
    at,
    actor: maskPersonalData(entry.actor),
    action: entry.action,
    subject: maskPersonalData(entry.subject),
    details,
  };
  const hash = hashEntry(head.hash, stored);
  const { id } = await trx
    .insertInto('audit_log')
    .values({
      agency_id: agencyId,
      seq: stored.seq,
      at: stored.at,
      actor: stored.actor,
      action: stored.action,
      subject: stored.subject,
      details: canonicalJson(details),
      prev_hash: head.hash,
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('audit_chain_heads').set({ seq: stored.seq, hash }).where('agency_id', '=', agencyId).execute();
  return { id, agencyId, seq: stored.seq, hash };
}

/** Appends in a transaction of its own, for callers with nothing else to commit. */
export function recordAudit(db: Kysely<Database>, entry: NewAuditEntry): Promise<AppendedAuditEntry> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

const BATCH = 1000;

/**
 * Verifies one agency's chain (null: the system chain), or every chain when `agencyId` is omitted. Stops at the
 * first break. Reads in batches, so a long log does not have to fit in memory.
 */
export async function verifyAuditChain(db: Kysely<Database>, agencyId?: number | null): Promise<ChainVerification> {
  const chains = agencyId === undefined ? await chainIds(db) : [agencyId ?? SYSTEM_CHAIN];
  let checked = 0;
  for (const chain of chains) {
    const result = await verifyOneChain(db, chain);
    checked += result.checked;
    if (!result.ok) return { ok: false, checked, ...(result.firstBroken ? { firstBroken: result.firstBroken } : {}) };
  }
  return { ok: true, checked };
}

async function chainIds(db: Kysely<Database>): Promise<number[]> {
  const fromLog = await db.selectFrom('audit_log').select('agency_id').distinct().execute();
  const fromHeads = await db.selectFrom('audit_chain_heads').select('agency_id').execute();
  return [...new Set([...fromLog, ...fromHeads].map((r) => r.agency_id))].sort((a, b) => a - b);
}

async function verifyOneChain(db: Kysely<Database>, agencyId: number): Promise<ChainVerification> {
  let previous: StoredAuditEntry | null = null;
  let checked = 0;
  for (;;) {
    const afterSeq: number = previous?.seq ?? 0;
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      checked += 1;
      const entry = toStored(row);
      if (entry === null) return { ok: false, checked, firstBroken: unreadable({ id: row.id, agencyId, seq: row.seq }) };
      const problem = checkLink(previous, entry);
      if (problem) return { ok: false, checked, firstBroken: problem };
      previous = entry;
    }
    if (rows.length < BATCH) break;
  }
  const headRow = await db.selectFrom('audit_chain_heads').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  const head: ChainHead | null = headRow ? { agencyId, seq: headRow.seq, hash: headRow.hash } : null;
  const end = checkHead(agencyId, previous, head);
  return end ? { ok: false, checked, firstBroken: end } : { ok: true, checked };
}

function toStored(row: AuditLogRow): StoredAuditEntry | null {
  let details: unknown;
  try {
    details = JSON.parse(row.details) as JsonValue;
  } catch {
    return null;
  }
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return null;
  return {
    id: row.id,
    agencyId: row.agency_id,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details: details as AuditDetails,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The latest entries of one chain, newest first (for the office's audit page). */
export async function listAudit(
  db: Kysely<Database>,
  agencyId: number | null,
  options: { limit?: number; beforeSeq?: number } = {},
): Promise<AuditLogRow[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('agency_id', '=', agencyId ?? SYSTEM_CHAIN)
    .orderBy('seq', 'desc')
    .limit(Math.min(Math.max(options.limit ?? 50, 1), 500));
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  return query.execute();
}

/** What the office's audit page asks for; every condition is optional except the agencies the reader may see. */
export interface AuditSearch {
  /** The chains to read (the caller has checked `audit.read` on each); none gives nothing. */
  readonly agencyIds: readonly number[];
  /** The stored actor label, exactly (`user:12`, `token:3`, `system:demo`, `public`). */
  readonly actor?: string;
  /** An action exactly (`application.replied`), or a group without a dot (`application` → `application.*`). */
  readonly action?: string;
  /** Part of the subject (`application:9`), any case. */
  readonly subjectContains?: string;
  /** Entries at or after this instant (ISO timestamp). */
  readonly fromAt?: string;
  /** Entries strictly before this instant (ISO timestamp). */
  readonly beforeAt?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface AuditSearchResult {
  /** Newest first. */
  readonly rows: AuditLogRow[];
  /** How many entries match, over every page. */
  readonly total: number;
}

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The entries of some chains matching the filters, newest first, one page at a time, filtered in SQL. Ids grow in
 * the order entries were appended, so `id desc` is each chain's `seq desc` and a sensible order across chains.
 */
export async function searchAudit(db: Kysely<Database>, search: AuditSearch): Promise<AuditSearchResult> {
  if (search.agencyIds.length === 0) return { rows: [], total: 0 };
  const filtered = db
    .selectFrom('audit_log')
    .where('agency_id', 'in', [...search.agencyIds])
    .$if(Boolean(search.actor), (q) => q.where('actor', '=', search.actor ?? ''))
    .$if(Boolean(search.action), (q) => {
      const action = search.action ?? '';
      return action.includes('.') ? q.where('action', '=', action) : q.where(sql<boolean>`action like ${likeLiteral(action) + '.%'} escape '\\'`);
    })
    .$if(Boolean(search.subjectContains), (q) =>
      q.where(sql<boolean>`lower(subject) like ${'%' + likeLiteral((search.subjectContains ?? '').toLowerCase()) + '%'} escape '\\'`),
    )
    .$if(Boolean(search.fromAt), (q) => q.where('at', '>=', search.fromAt ?? ''))
    .$if(Boolean(search.beforeAt), (q) => q.where('at', '<', search.beforeAt ?? ''));
  const rows = await filtered
    .selectAll()
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(Math.trunc(search.limit), 1), 500))
    .offset(Math.max(Math.trunc(search.offset), 0))
    .execute();
  const counted = await filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return { rows, total: Number(counted?.n ?? 0) };
}

/** The distinct actions recorded in some chains, sorted (the choices of the audit page's action filter). */
export async function auditActions(db: Kysely<Database>, agencyIds: readonly number[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.selectFrom('audit_log').select('action').distinct().where('agency_id', 'in', [...agencyIds]).execute();
  return rows.map((r) => r.action).sort();
}
