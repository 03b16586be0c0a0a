/** Every query of the agencies module (Kysely), nothing else. */
import type { Kysely, Transaction } from 'kysely';
import type { Agency, AgencyKind, AgencyLevel, Database, NewAgency } from '../../db/schema.ts';
import type { SubordinatesOf } from '../accounts/policy.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertAgency(db: Db, row: NewAgency): Promise<Agency> {
  return db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findAgency(db: Db, id: number): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAgencyByCode(db: Db, code: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countAgencies(db: Db): Promise<number> {
  const row = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AgencyFilter {
  /** Only these agencies (e.g. the ones an actor may read). */
  readonly ids?: readonly number[];
  readonly kind?: AgencyKind;
  readonly level?: AgencyLevel;
}

export async function listAgencies(db: Db, filter: AgencyFilter = {}): Promise<Agency[]> {
  if (filter.ids !== undefined && filter.ids.length === 0) return [];
  let query = db.selectFrom('agencies').selectAll().orderBy('id');
  if (filter.ids !== undefined) query = query.where('id', 'in', [...filter.ids]);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.level !== undefined) query = query.where('level', '=', filter.level);
  return query.execute();
}

/**
 * The ids of every agency below `agencyId`, all levels down (one recursive query; the agency itself excluded).
 * UNION, not UNION ALL: should the hierarchy ever contain a cycle, the query still ends.
 */
export async function listSubordinateIds(db: Db, agencyId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('below(id)', (qb) =>
      qb
        .selectFrom('agencies')
        .select('id')
        .where('parent_id', '=', agencyId)
        .union((u) => u.selectFrom('agencies').innerJoin('below', 'below.id', 'agencies.parent_id').select('agencies.id')),
    )
    .selectFrom('below')
    .select('id')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The lookup the access policy needs, answered from the database (memoised for the caller's one request). */
export function subordinatesIn(db: Db): SubordinatesOf {
  const cache = new Map<number, Promise<number[]>>();
  return (agencyId) => {
    let ids = cache.get(agencyId);
    if (ids === undefined) cache.set(agencyId, (ids = listSubordinateIds(db, agencyId)));
    return ids;
  };
}

export interface OfficeColumns {
  readonly office_name: string | null;
  readonly office_address: string | null;
  readonly office_phone: string | null;
  readonly office_hours: string | null;
  readonly office_email: string | null;
}

export async function updateOffice(db: Db, agencyId: number, office: OfficeColumns): Promise<Agency> {
  return db.updateTable('agencies').set(office).where('id', '=', agencyId).returningAll().executeTakeFirstOrThrow();
}
