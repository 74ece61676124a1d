/**
 * Real builds of small copies of the content folder (`ORIENTA_CONTENT_DIR`), each in an isolated
 * root (symlinks to the project, its own `.astro/` and cache), so these throwaway content folders
 * never leak into the state of the project's own builds.
 */
import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareIsolatedRoot } from '../../scripts/bench/build.ts';

export function isolatedBuilds(prefix: string) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /**
   * A minimal content folder: one module (forsorja-sig) with its a-kassa lesson in the source
   * language, facts, card steps, pages, surveys and the demo site. `change` adds or breaks something.
   */
  function contentWith(name: string, change: (dir: string) => void): string {
    const dir = join(work, name);
    mkdirSync(join(dir, 'modules/sv'), { recursive: true });
    mkdirSync(join(dir, 'lessons/sv/forsorja-sig'), { recursive: true });
    cpSync('content/locales.json', join(dir, 'locales.json'));
    cpSync('content/sites/demo', join(dir, 'sites/demo'), { recursive: true });
    cpSync('content/pages', join(dir, 'pages'), { recursive: true });
    cpSync('content/surveys', join(dir, 'surveys'), { recursive: true });
    cpSync('content/modules/forsorja-sig.yaml', join(dir, 'modules/forsorja-sig.yaml'));
    cpSync('content/modules/sv/forsorja-sig.yaml', join(dir, 'modules/sv/forsorja-sig.yaml'));
    cpSync('content/lessons/sv/forsorja-sig/a-kassa.mdx', join(dir, 'lessons/sv/forsorja-sig/a-kassa.mdx'));
    cpSync('content/facts', join(dir, 'facts'), { recursive: true });
    cpSync('content/card-steps.yaml', join(dir, 'card-steps.yaml'));
    change(dir);
    return dir;
  }

  /**
   * Builds a content folder; returns the exit status and the output without colour codes.
   *
   * @param options.env more environment for the build, e.g. `ORIENTA_BASE` for a sub-path
   * @param options.dist where to build; `<contentDir>/dist` by default, so two builds of one content folder need two
   * @param options.scriptMark a word appended as a statement to every script chunk: the same site
   *   with every script's content, and so its hashed name, changed — a deploy of new code
   */
  function build(contentDir: string, options: { env?: Record<string, string>; dist?: string; scriptMark?: string } = {}): { status: number | null; output: string; dist: string } {
    const dist = options.dist ?? join(contentDir, 'dist');
    const root = options.dist ? `${options.dist}-root` : join(contentDir, '..', `${contentDir.split('/').pop()}-root`);
    let config = prepareIsolatedRoot(resolve('.'), root);
    if (options.scriptMark) config = markScripts(root, config, options.scriptMark);
    const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--config', config], {
      cwd: root,
      env: { ...buildEnv(), ...options.env, ORIENTA_CONTENT_DIR: contentDir, ORIENTA_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    return { status: result.status, output: (result.stdout + result.stderr).replace(/\x1b\[[0-9;]*m/g, ''), dist };
  }

  return { work, contentWith, build };
}

/**
 * This process's environment without what Vitest adds (`NODE_ENV=test`, `PROD=''`, `DEV=1`, …):
 * inherited, those make Astro build as for development — without the service worker's
 * registration, for one — where these builds stand for a real deploy.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^VITEST/.test(key) || ['TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(key)) delete env[key];
  }
  return env;
}

/** Writes a config beside `config` that appends `mark` to every script chunk; returns its name. */
function markScripts(root: string, config: string, mark: string): string {
  const name = 'astro.marked.config.mjs';
  const statement = `;globalThis.__orientaBuild=${JSON.stringify(mark)};`;
  writeFileSync(join(root, name), [
    `import config from './${config}';`,
    `const vite = config.vite ?? {};`,
    `const mark = { name: 'orienta-test-script-mark', enforce: 'post', renderChunk: (code) => ({ code: code + ${JSON.stringify(statement)}, map: null }) };`,
    `export default { ...config, vite: { ...vite, plugins: [...(vite.plugins ?? []), mark] } };`,
    ``,
  ].join('\n'));
  return name;
}
