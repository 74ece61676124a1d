/**
 * The usual setup of a browser test file: serve a built site on localhost and start Chromium
 * before the tests, close both after. `use` receives them for the file's own variables.
 */
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from './server.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { DIST } from './dist.ts';

export function serveForTests(
  options: { dir?: string; base?: string; browser?: Parameters<typeof launchBrowser>[0] },
  use: (server: StaticServer, browser: TestBrowser) => void,
): void {
  let server: StaticServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await serveStatic(options.dir ?? DIST, options.base);
    browser = await launchBrowser(options.browser);
    use(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
