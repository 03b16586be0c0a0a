/**
 * The bulk writes of the demo generator: multi-row inserts in chunks, inside the caller's transaction. A chunk
 * stays well under SQLite's 32,766 bound parameters (500 applications × 27 columns = 13,500) and PostgreSQL's 65,535.
 * Every column is given explicitly: a multi-row insert that omits one sends NULL on SQLite, not the default.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewAgency, NewApplicationEventRow, NewApplicationRow, NewCatalogueItemRow, NewUser, UserRole } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const CHUNK = 500;

function* chunks<T>(rows: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export async function countAgencies(db: Db): Promise<number> {
  const row = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts agencies in order; returns their ids by code. */
export async function insertAgencies(db: Db, rows: readonly NewAgency[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows)) {
    for (const r of await db.insertInto('agencies').values(chunk).returning(['id', 'code']).execute()) ids.set(r.code, r.id);
  }
  return ids;
}

/** Inserts users; returns their ids by username. */
export async function insertUsers(db: Db, rows: readonly NewUser[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows)) {
    for (const r of await db.insertInto('users').values(chunk).returning(['id', 'username']).execute()) ids.set(r.username, r.id);
  }
  return ids;
}

export async function insertUserRoles(db: Db, rows: readonly UserRole[]): Promise<void> {
  for (const chunk of chunks(rows, 1000)) await db.insertInto('user_roles').values(chunk).execute();
}

/** Catalogue items of one agency and year, their search terms and the year's index counter. */
export async function insertCatalogueItems(
  db: Db,
  rows: readonly NewCatalogueItemRow[],
  termsOf: (id: number, row: NewCatalogueItemRow) => Iterable<{ term: string; agency_id: number; item_id: number }>,
  counter: { readonly agency_id: number; readonly year: number; readonly last_seq: number },
): Promise<void> {
  for (const chunk of chunks(rows, 400)) {
    const returned = await db.insertInto('catalogue_items').values(chunk).returning(['id', 'index_number']).execute();
    const idOf = new Map(returned.map((r) => [r.index_number, r.id]));
    const terms = chunk.flatMap((row) => [...termsOf(idOf.get(row.index_number)!, row)]);
    for (const part of chunks(terms, 5000)) await db.insertInto('catalogue_terms').values(part).execute();
  }
  await db.insertInto('catalogue_index_counters').values(counter).execute();
}

/** Inserts applications and their events (ids matched back by tracking code: RETURNING order is not guaranteed). */
export async function insertApplications(
  db: Db,
  items: readonly { readonly application: NewApplicationRow; readonly events: readonly Omit<NewApplicationEventRow, 'application_id'>[] }[],
): Promise<void> {
  for (const chunk of chunks(items)) {
    const returned = await db
      .insertInto('applications')
      .values(chunk.map((i) => i.application))
      .returning(['id', 'tracking_code'])
      .execute();
    const idOf = new Map(returned.map((r) => [r.tracking_code, r.id]));
    const events = chunk.flatMap((i) => i.events.map((e) => ({ ...e, application_id: idOf.get(i.application.tracking_code)! })));
    for (const part of chunks(events, 1000)) await db.insertInto('application_events').values(part).execute();
  }
}
