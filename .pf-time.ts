import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from './src/lib/site/files.ts';
const outDir = process.argv[2]!; const trim = process.argv[3] === 'trim';
function article(html: string): string {
  const at = html.indexOf('data-pagefind-body');
  const start = html.lastIndexOf('<', at);
  const tag = /^<([a-z0-9-]+)/i.exec(html.slice(start))![1]!;
  let depth = 0; const re = new RegExp(`<(/?)${tag}\\b`, 'gi'); re.lastIndex = start;
  for (let m; (m = re.exec(html)); ) { depth += m[1] ? -1 : 1; if (depth === 0) { const end = html.indexOf('>', m.index) + 1; const lang = /<html[^>]*>/.exec(html)![0]; return `<!doctype html>${lang}<body>${html.slice(start, end)}</body></html>`; } }
  throw new Error('unbalanced');
}
const t0 = performance.now();
const { index } = await pagefind.createIndex({});
for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) { const html = readFileSync(join(outDir, file), 'utf8'); if (!html.includes('data-pagefind-body')) continue; await index!.addHTMLFile({ url: `/${file}`, content: trim ? article(html) : html }); }
const t1 = performance.now();
const out = `/tmp/pf-out-${trim ? 'trim' : 'full'}`; rmSync(out, { recursive: true, force: true });
await index!.writeFiles({ outputPath: out });
const t2 = performance.now();
await pagefind.close();
console.log({ trim, add: Math.round(t1 - t0), write: Math.round(t2 - t1) });
