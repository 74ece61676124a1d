/**
 * The middleware behind `integrations/rendered-pages.ts` (here, with the other code that imports
 * `astro:*`): each rendered HTML page gets its final form here
 * and goes to the build's listeners (the search index) before Astro writes it.
 */
import { defineMiddleware } from 'astro:middleware';
import { hasListeners, pagePath, renderedPage, transformPage } from '../integrations/rendered-pages.ts';
import { basePath } from '../lib/routing/paths.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = transformPage(await response.text());
  if (hasListeners()) await renderedPage({ path: pagePath(context.url.pathname, basePath()), html });
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
