/**
 * A small in-memory token bucket per client IP, for the public POST routes (applications, status look-ups, the
 * checker). Each client starts with `capacity` tokens and regains `refillPerMinute` a minute: a real applicant who
 * corrects a form a dozen times is never stopped; a script sending hundreds a minute is. In a several-process
 * deployment each process counts alone, which only makes the limit more generous.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendHttpError } from './errors/send-error.ts';

export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillPerMinute: number;
  /** Milliseconds; tests pass a fake clock. */
  readonly now?: () => number;
  /** Buckets kept at most; full buckets are forgotten first. */
  readonly maxClients?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 30, refillPerMinute: 6 };

interface Bucket {
  tokens: number;
  at: number;
}

export type TakeResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #maxClients: number;

  constructor(options: RateLimitOptions) {
    this.#capacity = options.capacity;
    this.#perMs = options.refillPerMinute / 60_000;
    this.#now = options.now ?? Date.now;
    this.#maxClients = options.maxClients ?? 100_000;
  }

  /** How many clients are remembered. */
  get size(): number {
    return this.#buckets.size;
  }

  /** Takes one token for `key`, or says how long until one is back. */
  take(key: string): TakeResult {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, at: now };
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    if (!this.#buckets.has(key)) this.#remember(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
  }

  #remember(key: string, bucket: Bucket): void {
    if (this.#buckets.size >= this.#maxClients) {
      const now = this.#now();
      for (const [k, b] of this.#buckets) {
        if (b.tokens + (now - b.at) * this.#perMs >= this.#capacity) this.#buckets.delete(k);
      }
      // still full of active clients: drop the oldest entry rather than grow without bound
      if (this.#buckets.size >= this.#maxClients) this.#buckets.delete(this.#buckets.keys().next().value!);
    }
    this.#buckets.set(key, bucket);
  }
}

/** A preHandler that spends one token of the client's IP, or answers 429 with Retry-After and a Chinese message. */
export function rateLimited(limiter: TokenBucketLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const taken = limiter.take(request.ip);
    if (taken.ok) return;
    reply.header('Retry-After', String(taken.retryAfterSeconds));
    const minutes = Math.ceil(taken.retryAfterSeconds / 60);
    await sendHttpError(request, reply, {
      status: 429,
      code: 'rate.limited',
      message: `提交过于频繁，请约 ${minutes} 分钟后再试。如需帮助，请致电政府信息公开工作机构。`,
    });
  };
}
