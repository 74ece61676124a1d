/**
 * Size of the Pagefind search index per language, from `<site>/pagefind/`.
 *
 * Per language: `pagefind.<hash>.pf_meta`, `index/<lang>_*`, `filter/<lang>_*`, `fragment/<lang>_*`
 * and the language's `wasm.<lang>.pagefind` (or `wasm.unknown.pagefind` for languages without a
 * stemmer). A search downloads the meta file, the wasm, the index chunks it needs and a fragment per
 * result shown, so `firstSearch` (meta + wasm + the largest index chunk + 5 fragments on average)
 * approximates a first search on a phone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PagefindLanguage {
  /** Pagefind's language key, e.g. `sv-se`. */
  language: string;
  pages: number;
  metaBytes: number;
  indexBytes: number;
  indexFiles: number;
  filterBytes: number;
  fragmentBytes: number;
  fragmentFiles: number;
  wasmBytes: number;
  /** Everything above. */
  totalBytes: number;
  /** Meta + wasm + largest index chunk + 5 mean fragments. */
  firstSearchBytes: number;
}

interface Entry {
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** The files of a folder whose names start with `<prefix>_`, with their sizes. */
function filesWithPrefix(dir: string, prefix: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${prefix}_`))
    .map((name) => statSync(join(dir, name)).size);
}

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

/** Index sizes per language, from `pagefind-entry.json`; empty when there is no index. */
export function pagefindSizes(pagefindDir: string): PagefindLanguage[] {
  const entryFile = join(pagefindDir, 'pagefind-entry.json');
  if (!existsSync(entryFile)) return [];
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
  return Object.entries(entry.languages)
    .map(([language, info]) => {
      const metaFile = join(pagefindDir, `pagefind.${info.hash}.pf_meta`);
      const wasmFile = join(pagefindDir, `wasm.${info.wasm ?? 'unknown'}.pagefind`);
      const index = filesWithPrefix(join(pagefindDir, 'index'), language);
      const filter = filesWithPrefix(join(pagefindDir, 'filter'), language);
      const fragment = filesWithPrefix(join(pagefindDir, 'fragment'), language);
      const metaBytes = existsSync(metaFile) ? statSync(metaFile).size : 0;
      const wasmBytes = existsSync(wasmFile) ? statSync(wasmFile).size : 0;
      const fragmentMean = fragment.length ? sum(fragment) / fragment.length : 0;
      const lang: PagefindLanguage = {
        language,
        pages: info.page_count,
        metaBytes,
        indexBytes: sum(index),
        indexFiles: index.length,
        filterBytes: sum(filter),
        fragmentBytes: sum(fragment),
        fragmentFiles: fragment.length,
        wasmBytes,
        totalBytes: 0,
        firstSearchBytes: Math.round(metaBytes + wasmBytes + (index.length ? Math.max(...index) : 0) + 5 * fragmentMean),
      };
      lang.totalBytes = metaBytes + wasmBytes + lang.indexBytes + lang.filterBytes + lang.fragmentBytes;
      return lang;
    })
    .sort((a, b) => a.language.localeCompare(b.language));
}
