/**
 * The route table of a server built by `buildServer`, for tests that must cover every route without listing them by
 * hand (Fastify offers no list of its routes). A test file mocks `fastify` with `fastifyWithRouteLog`, so every
 * server it builds reports each route as it is added, and reads them with `routesOf`:
 *
 *   vi.mock('fastify', async (original) => (await import('../support/route-table.ts')).fastifyWithRouteLog(original));
 *   const routes = await routesOf(() => buildServer({ db }));
 */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
}

let sink: RouteEntry[] | null = null;

export async function fastifyWithRouteLog(importOriginal: () => Promise<typeof import('fastify')>): Promise<typeof import('fastify')> {
  const mod = await importOriginal();
  const create = mod.default as unknown as (options?: unknown) => FastifyInstance;
  const withRouteLog = (options?: unknown) => {
    const server = create(options);
    server.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) if (method !== 'HEAD') sink?.push({ method, url: r.url });
    });
    return server;
  };
  return { ...mod, default: withRouteLog } as unknown as typeof import('fastify');
}

/** Builds a server and returns it with its routes (each method and URL once). */
export async function routesOf<T extends FastifyInstance>(build: () => Promise<T>): Promise<{ app: T; routes: RouteEntry[] }> {
  const routes: RouteEntry[] = [];
  sink = routes;
  try {
    const app = await build();
    await app.ready();
    return { app, routes: [...new Map(routes.map((r) => [`${r.method} ${r.url}`, r])).values()] };
  } finally {
    sink = null;
  }
}
