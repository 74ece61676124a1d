#!/usr/bin/env node
/**
 * Builds the scenario sites the tests need besides the default `dist/`: the two example
 * municipalities and the demo site under a sub-path. Output goes to `.tmp/scenarios/<name>/`.
 * `npm test` runs it after the main build; run it alone after changing content or code.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Scenario name → environment for `astro build`. */
export const SCENARIOS: Record<string, Record<string, string>> = {
  ekudden: { ORIENTA_SITE: 'ekudden' },
  lindas: { ORIENTA_SITE: 'lindas' },
  subpath: { ORIENTA_SITE: 'demo', ORIENTA_BASE: '/kommun/samhallsorientering/' },
};

/** Where a scenario is built. */
export const scenarioDir = (name: string) => `.tmp/scenarios/${name}`;

/** Builds the named scenarios (all when none are named); exits on the first failure. */
export function buildScenarios(only: string[]): void {
  for (const [name, env] of Object.entries(SCENARIOS)) {
    if (only.length && !only.includes(name)) continue;
    const outDir = scenarioDir(name);
    rmSync(outDir, { recursive: true, force: true });
    const started = Date.now();
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      env: { ...process.env, ...env, ORIENTA_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      console.error(`scenario ${name}: build failed`);
      process.exit(1);
    }
    console.log(`scenario ${name}: built into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

// Run only as a script, not when a test imports `scenarioDir`.
if (import.meta.url === `file://${process.argv[1]}`) buildScenarios(process.argv.slice(2));
