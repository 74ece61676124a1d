/**
 * Lessons as data entries: the content loader for `lessons` and `localLessons`. Their bodies are
 * compiled by `mdxContent` (`mdx-content.ts`) when a page renders them.
 *
 * Astro's `glob()` loader makes every `.mdx` entry a module of the server bundle: Vite compiles,
 * bundles and loads thousands of them, and the build's time and memory grow with the course
 * (about 20 ms and 0.6 MB a lesson here). The lessons need none of what a module gives: they
 * import nothing, and their components are the fixed set in `components/lesson/`. So this loader
 * stores each lesson as a plain entry (validated frontmatter and digest: unchanged files are not
 * parsed again on the next build), and `mdxContent` compiles a body when its page renders, with
 * Sätteri (the Rust MDX compiler Astro itself uses), the same Markdown features and the same
 * heading ids as `@astrojs/mdx`, into the same kind of component. Pages and guides stay with
 * `glob()`: there are a few of them.
 *
 * The body is not kept in the entry: Astro bundles the whole data store into the server build as
 * one string (36 MB at 3,200 lessons), so a page reads its lesson's file when it renders
 * (`readMdxBody`). What the course needs from every body (its revision, the card steps it
 * suggests) is worked out here by `describe` and kept as the entry's metadata.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { splitFrontmatter } from '../lib/content/check.ts';

export interface MdxEntriesOptions {
  /** Folder to read, relative to the project root or absolute. */
  base: string;
  /** Which files are entries, by their `/`-separated path relative to `base`. */
  include: RegExp;
  /** The entry id of a file, from its `/`-separated path relative to `base`. */
  id: (path: string) => string;
  /** Facts about a body kept with the entry (in `rendered.metadata`), since the body is not kept. */
  describe?: (body: string, data: Record<string, unknown>) => Record<string, unknown>;
}

/** The metadata `mdxEntries` keeps: where the file is, and what `describe` said about its body. */
export interface MdxEntryMetadata {
  /** Absolute path of the source file. */
  source: string;
  [key: string]: unknown;
}

/** The metadata of an entry stored by `mdxEntries`. */
export function mdxMetadata(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } }): MdxEntryMetadata {
  const metadata = entry.rendered?.metadata;
  if (typeof metadata?.source !== 'string') throw new Error(`${entry.id}: not an entry of the mdxEntries() loader`);
  return metadata as MdxEntryMetadata;
}

/** The body of an MDX file (the text after its frontmatter), read from disk. */
export function readMdxBody(source: string): string {
  const split = splitFrontmatter(readFileSync(source, 'utf8'));
  if (!split) throw new Error(`${source}: missing YAML frontmatter between --- lines`);
  return split.body;
}

/** Every file below `dir`, `/`-separated and relative to it. */
function walk(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = prefix ? `${prefix}/${d.name}` : d.name;
    return d.isDirectory() ? walk(join(dir, d.name), path) : [path];
  });
}

/** A content loader for MDX files that stores them as data entries (see the module comment). */
export function mdxEntries(options: MdxEntriesOptions): Loader {
  return {
    name: 'orienta-mdx-entries',
    load: async ({ store, parseData, generateDigest, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const base = resolve(root, options.base);
      const untouched = new Set(store.keys());

      const sync = async (path: string): Promise<string | undefined> => {
        const file = join(base, ...path.split('/'));
        const text = readFileSync(file, 'utf8');
        const id = options.id(path);
        untouched.delete(id);
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest) return id;
        const split = splitFrontmatter(text);
        if (!split) throw new Error(`${relative(root, file)}: missing YAML frontmatter between --- lines`);
        const data = await parseData({ id, data: (split.frontmatter ?? {}) as Record<string, unknown>, filePath: file });
        const metadata: MdxEntryMetadata = { ...options.describe?.(split.body, data), source: file };
        store.set({ id, data, filePath: relative(root, file).split(sep).join('/'), digest, rendered: { html: '', metadata } });
        return id;
      };

      for (const path of walk(base).filter((p) => options.include.test(p))) await sync(path);
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      // `astro dev`: keep the entries in step with the files.
      const pathOf = (file: string) => relative(base, file).split(sep).join('/');
      const wanted = (file: string) => !pathOf(file).startsWith('..') && options.include.test(pathOf(file));
      watcher.add(base);
      const refresh = async (file: string) => {
        if (!wanted(file) || !existsSync(file) || !statSync(file).isFile()) return;
        try {
          await sync(pathOf(file));
        } catch (error) {
          logger.error((error as Error).message);
        }
      };
      watcher.on('change', refresh);
      watcher.on('add', refresh);
      watcher.on('unlink', (file) => {
        if (wanted(file)) store.delete(options.id(pathOf(file)));
      });
    },
  };
}
