import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { getConfig } from '../config/config.ts';
import type { Database } from '../db/schema.ts';
import type { DailyJobsSettings } from '../jobs/daily-jobs.ts';
import { systemClock, type Clock } from '../modules/applications/use-cases/context.ts';
import { DiskAttachmentStore } from '../modules/attachments/disk-attachment-store.ts';
import type { WorkingCalendar } from '../modules/calendar/domain/calendar.ts';
import { loadCalendar } from '../modules/calendar/load-calendar.ts';
import { publicApiRoutes } from './api/public-api.routes.ts';
import { openApiRoutes } from './api/openapi.routes.ts';
import { staffApiRoutes } from './api/staff-api.routes.ts';
import type { AppDeps } from './app-deps.ts';
import { assetRoutes } from './assets.routes.ts';
import { checkerRoutes, MAX_UPLOAD_BYTES } from './checker/checker.routes.ts';
import { rememberTextSize } from './display-prefs.ts';
import { installErrorHandlers } from './errors/error-handler.ts';
import { installDailyJobs } from './jobs.ts';
import { loggerOptions, type LogLevel } from './logging.ts';
import { catalogueAdapter } from './portal/catalogue-adapter.ts';
import { pageCache } from './portal/page-cache.ts';
import type { PublicCatalogue } from './portal/catalogue-port.ts';
import { officeRoutes } from './office/office.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { DEFAULT_RATE_LIMIT, TokenBucketLimiter, type RateLimitOptions } from './rate-limit.ts';

export interface ServerOptions {
  /** false (default) logs nothing; a level logs requests (personal data masked) through pino. */
  readonly logger?: boolean | LogLevel;
  /** Where log lines go (default stdout); tests read them. */
  readonly logStream?: { write(line: string): void };
  /** The database. Without it only the report checker is served (at /checker, and / leads there). */
  readonly db?: Kysely<Database>;
  /** Default: the system clock in `timeZone`. */
  readonly clock?: Clock;
  /** Default: Asia/Shanghai (config.timeZone). */
  readonly timeZone?: string;
  /** Default: the shipped holiday data (data/calendar). */
  readonly calendar?: WorkingCalendar;
  /** The public POST routes' limit per client IP. */
  readonly rateLimit?: RateLimitOptions;
  /** config.trustProxy: take the client IP from X-Forwarded-For (behind a reverse proxy). */
  readonly trustProxy?: boolean;
  /** The catalogue as the portal reads it (default: the catalogue module's use cases). */
  readonly catalogue?: PublicCatalogue;
  /** Run the daily jobs (the lapse job) while the server is up: `gongkai serve` sets it; off by default (tests). */
  readonly dailyJobs?: boolean | DailyJobsSettings;
  /** Uploaded files: default config.attachmentsDir (ATTACHMENTS_DIR). Tests give a temporary folder. */
  readonly attachmentsDir?: string;
  /** The largest upload accepted as an attachment, in bytes: default config.maxUploadBytes (MAX_UPLOAD_MB). */
  readonly maxUploadBytes?: number;
  /** Memory for rendered portal pages, in bytes (0: none kept): default config.pageCacheBytes (PAGE_CACHE_MB). */
  readonly pageCacheBytes?: number;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' about:; object-src 'none'; base-uri 'none'; form-action 'self'",
};

/** The web server. Every route module registers itself here; errors never show a stack trace. */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const level = options.logger === true ? 'info' : options.logger;
  const app = Fastify({ logger: loggerOptions(level, options.logStream), bodyLimit: 1024 * 1024, trustProxy: options.trustProxy ?? false });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES } });
  app.addHook('onRequest', rememberTextSize);
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });
  installErrorHandlers(app);

  const limiter = new TokenBucketLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  await app.register(assetRoutes);
  await app.register(checkerRoutes, { limiter });
  if (options.db === undefined) {
    app.get('/', async (_request, reply) => reply.redirect('/checker'));
    return app;
  }
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock ?? systemClock(options.timeZone ?? 'Asia/Shanghai'),
    calendar: options.calendar ?? loadCalendar(),
    limiter,
    attachments: {
      store: new DiskAttachmentStore(options.attachmentsDir ?? getConfig().attachmentsDir),
      maxBytes: options.maxUploadBytes ?? getConfig().maxUploadBytes,
    },
  };
  const catalogue = options.catalogue ?? catalogueAdapter(deps);
  const pages = pageCache(options.pageCacheBytes ?? getConfig().pageCacheBytes);
  await app.register(portalRoutes(deps, catalogue, pages));
  await app.register(publicApiRoutes(deps));
  await app.register(staffApiRoutes(deps));
  await app.register(openApiRoutes(deps));
  await app.register(officeRoutes(deps));
  if (options.dailyJobs) installDailyJobs(app, deps, { timeZone: options.timeZone ?? 'Asia/Shanghai', ...(options.dailyJobs === true ? {} : options.dailyJobs) });
  return app;
}
