import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, assertions on the built site in dist/, and browser tests in
// Debian's Chromium. `npm test` builds the site first; scenario builds (sub-path, second site)
// are made by their own tests into temporary folders.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 300_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
          // Pages hydrate more slowly on a loaded CI machine than on a quiet one.
          expect: { poll: { timeout: 8_000 } },
        },
      },
    ],
  },
});
