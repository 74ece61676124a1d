/**
 * Real builds of small copies of the content folder (`ORIENTA_CONTENT_DIR`), each in an isolated
 * root (symlinks to the project, its own `.astro/` and cache), so these throwaway content folders
 * never leak into the state of the project's own builds.
 */
import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

  /** Builds a content folder; returns the exit status and the output without colour codes. */
  function build(contentDir: string): { status: number | null; output: string; dist: string } {
    const root = join(contentDir, '..', `${contentDir.split('/').pop()}-root`);
    const config = prepareIsolatedRoot(resolve('.'), root);
    const dist = join(contentDir, 'dist');
    const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--config', config], {
      cwd: root,
      env: { ...process.env, ORIENTA_CONTENT_DIR: contentDir, ORIENTA_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    return { status: result.status, output: (result.stdout + result.stderr).replace(/\x1b\[[0-9;]*m/g, ''), dist };
  }

  return { work, contentWith, build };
}
