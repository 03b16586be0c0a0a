/**
 * The larger-text switch (WCAG 1.4.4): `?text=large` or `?text=normal` on any page sets a cookie and the page
 * renders at that size, so it works with a plain link and no JavaScript.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from './views/page-context.ts';

const COOKIE = 'gk_text';

function queryText(request: FastifyRequest): 'large' | 'normal' | null {
  const value = (request.query as Record<string, unknown> | undefined)?.['text'];
  return value === 'large' || value === 'normal' ? value : null;
}

/** onRequest hook: remembers a `text` switch in a cookie for a year. */
export async function rememberTextSize(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const choice = queryText(request);
  if (choice === null) return;
  reply.setCookie(COOKIE, choice, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: request.protocol === 'https' });
}

/** The page context of a request: the text size chosen now or earlier, and the URL without the switch. */
export function pageContext(request: FastifyRequest): PageContext {
  const choice = queryText(request) ?? request.cookies[COOKIE];
  const [path = '/', query = ''] = request.url.split('?', 2);
  const params = new URLSearchParams(query);
  params.delete('text');
  const rest = params.toString();
  return { largeText: choice === 'large', url: rest ? `${path}?${rest}` : path };
}
