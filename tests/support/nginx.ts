/**
 * Serves a built site with the machine's nginx and the recipe `hosting/nginx.conf`, as a
 * municipality would, so browser tests see the real server's headers, caching, types, redirects
 * and 404 pages.
 *
 * The recipe is used as written, with only what an administrator changes anyway replaced: the
 * sub-path, the folder, the listen lines (a free port on 127.0.0.1 instead of 80 and 443, no TLS:
 * browsers treat 127.0.0.1 as a secure origin, so service workers run), the access log's and the
 * build's CSP file's paths. Every replacement must match the recipe exactly as often as expected,
 * so a changed recipe fails here instead of being silently tested in an old shape.
 *
 * nginx runs in the foreground as a child of the test, with a temporary prefix for its pid, temp
 * folders and logs, so it needs no root and no system service, and `npm test` behaves the same on
 * a laptop and in CI. A missing nginx is an error, never a skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

const RECIPE = 'hosting/nginx.conf';
/** The sub-path and folder the recipe is written for. */
const RECIPE_BASE = '/samhallsorientering/';

/** The nginx binary: `NGINX_PATH` when set, else Debian's `/usr/sbin/nginx` or `nginx` on PATH. */
export function findNginx(): string {
  const fromEnv = process.env.NGINX_PATH;
  const candidates = fromEnv ? [fromEnv] : ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'nginx'))];
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(
      `nginx is not installed (looked for ${candidates.slice(0, 3).join(', ')}${candidates.length > 3 ? ' …' : ''}). ` +
        'The hosting tests serve the built site with nginx and hosting/nginx.conf: install it ' +
        '(Debian: apt-get install nginx curl; .ci/run does this in CI) or set NGINX_PATH.',
    );
  }
  return found;
}

/** Replaces `search` in `text`, requiring exactly `count` matches. */
function replaceExactly(text: string, search: string | RegExp, replacement: string, count = 1): string {
  const pattern = typeof search === 'string' ? new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(search.source, `${search.flags.replace('g', '')}g`);
  const found = text.match(pattern)?.length ?? 0;
  if (found !== count) throw new Error(`${RECIPE} changed: expected ${count} × ${pattern} but found ${found}; update tests/support/nginx.ts`);
  return text.replace(pattern, () => replacement);
}

const quote = (path: string) => JSON.stringify(path);

export interface RecipeOptions {
  /** The built site's folder. */
  root: string;
  /** The base path the site was built for, e.g. "/kommun/samhallsorientering/". */
  base: string;
  port: number;
  /** The port of the recipe's HTTP-to-HTTPS redirect server. */
  redirectPort: number;
  accessLog: string;
  /** The nginx include with `$orienta_csp`; the build's `_nginx-csp.conf` by default. */
  cspInclude: string;
}

/** The recipe with a test machine's ports, folders and base path. Pure. */
export function recipeFor(recipe: string, o: RecipeOptions): string {
  // The recipe serves a sub-path (location = /path, alias): the site's root would need other rules.
  if (!/^\/.+\/$/.test(o.base)) throw new Error(`the nginx recipe serves a sub-path; ${o.base} is none`);
  let conf = recipe;
  conf = replaceExactly(conf, /^\s*listen 80;$/m, `    listen 127.0.0.1:${o.redirectPort};`);
  conf = replaceExactly(conf, /^\s*listen \[::\]:80;\n/m, '');
  conf = replaceExactly(conf, /^\s*listen 443 ssl http2;$/m, `    listen 127.0.0.1:${o.port};`);
  conf = replaceExactly(conf, /^\s*listen \[::\]:443 ssl http2;\n/m, '');
  conf = replaceExactly(conf, /^\s*ssl_certificate(_key)? .*\n/m, '', 2);
  conf = replaceExactly(conf, /^include \/etc\/nginx\/orienta-csp\.conf;$/m, `include ${quote(o.cspInclude)};`);
  conf = replaceExactly(conf, /access_log \/var\/log\/nginx\/orienta\.access\.log /, `access_log ${quote(o.accessLog)} `);
  conf = replaceExactly(conf, /alias \/var\/www\/orienta\/;/, `alias ${quote(`${resolve(o.root)}/`)};`);
  // The sub-path: in the redirect for the bare path, the site's location and the 404 pages.
  const uses = conf.split(RECIPE_BASE.slice(0, -1)).length - 1;
  if (uses < 4) throw new Error(`${RECIPE} changed: ${RECIPE_BASE} appears only ${uses} times; update tests/support/nginx.ts`);
  return conf.replaceAll(RECIPE_BASE.slice(0, -1), o.base.slice(0, -1));
}

/** The main configuration around the recipe: foreground, one worker, everything under `prefix`. */
function mainConfig(nginx: string, prefix: string, recipePath: string): string {
  const built = spawnSync(nginx, ['-V'], { encoding: 'utf8' }).stderr;
  const confPath = /--conf-path=(\S+)/.exec(built)?.[1] ?? '/etc/nginx/nginx.conf';
  const mimeTypes = join(dirname(confPath), 'mime.types');
  if (!existsSync(mimeTypes)) throw new Error(`nginx's mime.types is not at ${mimeTypes}`);
  // The temp folders compiled into nginx (Debian: /var/lib/nginx/…) are root's; move them here.
  const temps = [...built.matchAll(/--http-(client-body|proxy|fastcgi|uwsgi|scgi)-temp-path=/g)].map(([, kind]) => `${kind!.replace('-', '_')}_temp_path ${quote(join(prefix, kind!))};`);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${quote(join(prefix, 'nginx.pid'))};`,
    'error_log stderr warn;',
    // As root, nginx would run its worker as "nobody", who may not read a build inside a private
    // folder (a clean clone in /root). Run it as the test's own user, as it does when not root.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'events { worker_connections 256; }',
    'http {',
    `    include ${quote(mimeTypes)};`,
    '    default_type application/octet-stream;',
    '    types_hash_max_size 2048;',
    '    sendfile on;',
    ...temps.map((t) => `    ${t}`),
    `    include ${quote(recipePath)};`,
    '}',
    '',
  ].join('\n');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === 'object' && address ? address.port : 0;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export interface NginxServer {
  /** Origin plus base, e.g. "http://127.0.0.1:41234/kommun/samhallsorientering/". */
  url: string;
  origin: string;
  /** The recipe's plain-HTTP server, which redirects to HTTPS. */
  redirectOrigin: string;
  /** The recipe's access log. */
  accessLog: string;
  /** The configuration nginx runs, for error messages. */
  config: string;
  close(): Promise<void>;
}

/** Starts nginx with the recipe for the site built into `root` for `base`. */
export async function serveWithNginx(root: string, base: string, options: { cspInclude?: string } = {}): Promise<NginxServer> {
  const nginx = findNginx();
  const cspInclude = resolve(options.cspInclude ?? join(root, '_nginx-csp.conf'));
  if (!existsSync(cspInclude)) throw new Error(`${cspInclude} is missing: build the site first (npm test does; alone: node scripts/build-scenarios.ts subpath)`);
  const prefix = mkdtempSync(join(tmpdir(), 'orienta-nginx-'));
  let lastError = '';
  // A free port can be taken between choosing and binding it: try again with others.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [port, redirectPort] = [await freePort(), await freePort()];
    const accessLog = join(prefix, 'access.log');
    const config = recipeFor(readFileSync(RECIPE, 'utf8'), { root, base, port, redirectPort, accessLog, cspInclude });
    const recipePath = join(prefix, 'orienta.conf');
    writeFileSync(recipePath, config);
    const main = join(prefix, 'nginx.conf');
    writeFileSync(main, mainConfig(nginx, prefix, recipePath));
    const child: ChildProcess = spawn(nginx, ['-e', 'stderr', '-p', `${prefix}/`, '-c', main], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    let exited = false;
    const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
    const started = Date.now();
    while (!exited && !(await accepts(port)) && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
    if (!exited && (await accepts(port))) {
      const origin = `http://127.0.0.1:${port}`;
      return {
        url: `${origin}${base}`,
        origin,
        redirectOrigin: `http://127.0.0.1:${redirectPort}`,
        accessLog,
        config,
        close: async () => {
          if (!exited) {
            child.kill('SIGQUIT'); // graceful: the master stops its worker and exits
            const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await exit;
            clearTimeout(timer);
          }
          rmSync(prefix, { recursive: true, force: true });
        },
      };
    }
    if (!exited) child.kill('SIGKILL');
    await exit;
    lastError = stderr;
    if (!/Address already in use/.test(stderr)) break;
  }
  rmSync(prefix, { recursive: true, force: true });
  throw new Error(`nginx did not start with ${RECIPE}:\n${lastError}`);
}
