/**
 * The search dialog's content. Loaded only when the reader opens search (see SearchButton.astro),
 * together with Pagefind's own client, which picks the index of the page's `<html lang>`.
 * Results are rendered as text (excerpt highlights included), never as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { format } from './format.ts';
import { excerptParts, normaliseQuery } from '../lib/search/prepare.ts';
import { href, pagefindScriptPath } from '../lib/routing/paths.ts';

export const SEARCH_KEYS = ['search.title', 'search.label', 'search.hint', 'search.module', 'search.allModules', 'search.results', 'search.none', 'search.loading', 'search.unavailable', 'search.close'] as const;

type Strings = Record<(typeof SEARCH_KEYS)[number], string>;

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

interface Result {
  url: string;
  title: string;
  module: string;
  excerpt: Array<{ text: string; mark: boolean }>;
}

interface Props {
  strings: Strings;
  onClose: () => void;
}

export default function Search({ strings, onClose }: Props) {
  const [pagefind, setPagefind] = useState<Pagefind | null>(null);
  const [failed, setFailed] = useState(false);
  const [modules, setModules] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [module, setModule] = useState('');
  const [results, setResults] = useState<Result[] | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const run = useRef(0);

  useEffect(() => {
    input.current?.focus();
    const url = href(pagefindScriptPath());
    import(/* @vite-ignore */ url)
      .then(async (pf: Pagefind) => {
        await pf.options({ excerptLength: 24 });
        await pf.init();
        setModules(Object.keys((await pf.filters()).module ?? {}).sort());
        setPagefind(pf);
      })
      .catch(() => setFailed(true));
  }, []);

  useEffect(() => {
    const term = normaliseQuery(query);
    if (!pagefind || !term) {
      setResults(null);
      return;
    }
    const id = ++run.current;
    setBusy(true);
    const timer = setTimeout(async () => {
      const found = await pagefind.search(term, module ? { filters: { module } } : {});
      const data = await Promise.all((found?.results ?? []).slice(0, 12).map((r) => r.data()));
      if (id !== run.current) return;
      setResults(
        data.map((d) => ({
          url: d.url,
          title: d.meta.title ?? d.url,
          module: d.meta.module ?? d.filters.module?.[0] ?? '',
          excerpt: excerptParts(d.excerpt ?? ''),
        })),
      );
      setBusy(false);
    }, 150);
    return () => clearTimeout(timer);
  }, [pagefind, query, module]);

  const status = failed
    ? strings['search.unavailable']
    : busy
      ? strings['search.loading']
      : results
        ? results.length
          ? format(strings['search.results'], { count: results.length })
          : format(strings['search.none'], { query })
        : '';

  return (
    <div class="search">
      <div class="search-head">
        <h2 id="search-title">{strings['search.title']}</h2>
        <button type="button" class="btn btn-secondary" onClick={onClose}>{strings['search.close']}</button>
      </div>
      <form role="search" aria-labelledby="search-title" onSubmit={(e) => e.preventDefault()}>
        <label for="search-input">{strings['search.label']}</label>
        <input id="search-input" ref={input} type="search" dir="auto" autocomplete="off" value={query} aria-describedby="search-hint" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        <p id="search-hint" class="hint">{strings['search.hint']}</p>
        <label for="search-module">{strings['search.module']}</label>
        <select id="search-module" value={module} onChange={(e) => setModule((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{strings['search.allModules']}</option>
          {modules.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </form>
      <p role="status" class="search-status">{status}</p>
      {results && results.length > 0 && (
        <ol class="search-results">
          {results.map((r) => (
            <li key={r.url}>
              <a href={r.url}>{r.title}</a>
              <small>{r.module}</small>
              <p>{r.excerpt.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
