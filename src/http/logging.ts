/**
 * The request logger (pino, through Fastify). Requests are logged by method and URL only, the URL with ID numbers
 * and phone numbers masked; secrets, cookies and tokens never reach the log.
 */
import type { FastifyServerOptions } from 'fastify';
import { maskPersonalData } from '../modules/applicants/domain/masking.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export function loggerOptions(level: LogLevel | false | undefined, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (level === false || level === undefined) return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-tracking-secret"]', 'res.headers["set-cookie"]'],
      censor: '[hidden]',
    },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        url: maskPersonalData(decodedUrl(req.url ?? '')),
        ip: req.ip,
      }),
    },
  };
}

/** The URL as a person reads it (%XX and + decoded), so masking sees the numbers; a malformed escape is kept as sent. */
function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}
