import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { checkerRoutes, MAX_UPLOAD_BYTES } from './checker/checker.routes.ts';

export interface ServerOptions {
  readonly logger?: boolean;
}

/** The web server. Every route module registers itself here; errors never show a stack trace. */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES } });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'SAMEORIGIN');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' about:; object-src 'none'");
    return payload;
  });
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const code = error.statusCode ?? 500;
    const status = code >= 400 && code < 500 ? code : 500;
    if (status === 500) request.log.error(error);
    reply.status(status).type('text/plain; charset=utf-8').send(status === 500 ? '服务器内部错误，请稍后再试' : `请求无效：${error.message ?? ''}`);
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.status(404).type('text/plain; charset=utf-8').send('页面不存在');
  });
  await app.register(checkerRoutes);
  return app;
}
