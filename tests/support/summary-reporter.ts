/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, that CI can read.
 * A module whose setup failed (its tests end up skipped or never collected) counts as failed,
 * so a run that executed nothing is never reported as green.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      const tests = [...module.children.allTests()];
      const anyTestFailed = tests.some((test) => test.result().state === 'failed');
      // A failing hook (e.g. beforeAll) or a collection error breaks the module without failing a test.
      const moduleBroken = module.errors().length > 0 || (module.state() === 'failed' && !anyTestFailed);
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else if (moduleBroken) failed++;
        else skipped++;
      }
      if (moduleBroken && tests.length === 0) failed++;
    }
    failed += unhandledErrors.length;
    if (passed + failed === 0) failed++;
    console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
