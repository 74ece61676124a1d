/**
 * Writes the web server files that depend on the build into the built site:
 * `_headers` (Netlify, Cloudflare Pages) and `_nginx-csp.conf` (included by `hosting/nginx.conf`).
 * Both carry the Content-Security-Policy header made from the pages' own policies, so the header
 * is as strict as the pages (hashes, no 'unsafe-inline') and can never fall behind them.
 * Runs after every integration that changes HTML and before the service worker, whose version
 * then covers these files too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles } from '../lib/site/files.ts';
import { normaliseBase } from '../lib/routing/paths.ts';
import { headerPolicy, headersFile, metaPolicy, nginxCspInclude } from '../lib/hosting/csp.ts';

/** Cloudflare Pages refuses `_headers` lines longer than this. */
const HEADERS_LINE_LIMIT = 2000;

/** Writes `_headers` and `_nginx-csp.conf` into `outDir`. Returns the policy. */
export function writeHostingFiles(outDir: string, options: { base: string; template: string }): string {
  const pages = listFiles(outDir)
    .filter((f) => f.endsWith('.html'))
    .map((page) => ({ page, policy: metaPolicy(readFileSync(join(outDir, page), 'utf8')) }));
  const without = pages.filter((p) => p.policy === null).map((p) => p.page);
  if (without.length) throw new Error(`pages without a Content-Security-Policy meta tag: ${without.slice(0, 5).join(', ')}`);
  const policy = headerPolicy(pages as Array<{ page: string; policy: string }>);
  writeFileSync(join(outDir, '_headers'), headersFile(options.template, { base: options.base, policy }));
  writeFileSync(join(outDir, '_nginx-csp.conf'), nginxCspInclude(policy));
  return policy;
}

export default function hosting(): AstroIntegration {
  let base = '/';
  return {
    name: 'orienta-hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': ({ dir, logger }) => {
        const template = readFileSync(fileURLToPath(new URL('../../hosting/_headers', import.meta.url)), 'utf8');
        const policy = writeHostingFiles(fileURLToPath(dir), { base, template });
        const line = `  Content-Security-Policy: ${policy}`.length;
        logger.info(`_headers and _nginx-csp.conf written; Content-Security-Policy header of ${policy.length} characters`);
        if (line > HEADERS_LINE_LIMIT) {
          logger.warn(`the Content-Security-Policy line in _headers has ${line} characters; Cloudflare Pages accepts at most ${HEADERS_LINE_LIMIT}`);
        }
      },
    },
  };
}
