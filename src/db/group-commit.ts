/**
 * Group commit: writes that arrive while a commit is under way wait for it and then go to disk together, in one
 * transaction with one fsync, instead of one after another. Each write still runs in its own savepoint, so a write
 * that fails is undone alone and only its caller sees the error; each caller's promise settles only after the
 * shared COMMIT has returned, so nothing is acknowledged before it is durable. A lone write is not delayed: it starts
 * at once, and batches form only under load, from the writes that queued behind a commit in flight.
 */
import { sql, type Kysely, type Transaction } from 'kysely';


interface Waiting<I, R> {
  readonly input: I;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions {
  /** Most writes in one transaction (default 64): bounds how long the write lock is held. */
  readonly maxBatch?: number;
}

export class GroupCommit<DB, I, R> {
  readonly #db: Kysely<DB>;
  readonly #write: (trx: Transaction<DB>, input: I) => Promise<R>;
  readonly #maxBatch: number;
  #queue: Waiting<I, R>[] = [];
  #draining = false;

  constructor(db: Kysely<DB>, write: (trx: Transaction<DB>, input: I) => Promise<R>, options: GroupCommitOptions = {}) {
    this.#db = db;
    this.#write = write;
    this.#maxBatch = options.maxBatch ?? 64;
  }

  /** Resolves with the write's result once it is committed; rejects with its own error, or the commit's. */
  submit(input: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) await this.#commit(this.#queue.splice(0, this.#maxBatch));
    } finally {
      this.#draining = false;
    }
  }

  async #commit(batch: Waiting<I, R>[]): Promise<void> {
    const outcomes: Outcome<R>[] = [];
    try {
      await this.#db.transaction().execute(async (trx) => {
        // A batch of one needs no savepoint: if its write fails, the whole transaction is its own to roll back.
        if (batch.length === 1) outcomes.push({ ok: true, value: await this.#write(trx, batch[0]!.input) });
        else for (const { input } of batch) outcomes.push(await this.#inSavepoint(trx, input));
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }

  async #inSavepoint(trx: Transaction<DB>, input: I): Promise<Outcome<R>> {
    await sql`savepoint group_commit_write`.execute(trx);
    try {
      const value = await this.#write(trx, input);
      await sql`release savepoint group_commit_write`.execute(trx);
      return { ok: true, value };
    } catch (error) {
      await sql`rollback to savepoint group_commit_write`.execute(trx);
      await sql`release savepoint group_commit_write`.execute(trx);
      return { ok: false, error };
    }
  }
}
