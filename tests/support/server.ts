/**
 * A static file server for browser tests: serves a built site under its base path, answers
 * unknown paths with the site's 404 page, and listens on 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base, e.g. "http://127.0.0.1:41234/kommun/so/". */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` under `base` on a free port. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  // dev mode reads files on each request, so tests can change the deployed files while serving.
  const serve = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
  const notFound = join(dir, '404.html');
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base) && `${url}/` !== base) {
      res.statusCode = 404;
      res.end('outside base');
      return;
    }
    req.url = `/${url.slice(base.length)}`.replace(/^\/\//, '/');
    serve(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
