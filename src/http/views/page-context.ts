/** What every page knows about the request it answers: the reader's display choice and where they are. */
export interface PageContext {
  /** The larger-text display (a cookie set by ?text=large, so it works without JavaScript). */
  readonly largeText: boolean;
  /** The path and query of this page, without the `text` switch (for the toggle link). */
  readonly url: string;
}

export const DEFAULT_PAGE_CONTEXT: PageContext = { largeText: false, url: '/' };

/** The same page with the text size switched. */
export function textToggleHref(ctx: PageContext): string {
  const [path = '/', query = ''] = ctx.url.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('text', ctx.largeText ? 'normal' : 'large');
  return `${path}?${params.toString()}`;
}
