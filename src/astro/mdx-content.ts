/**
 * Renders a lesson body stored by `mdxEntries` (`mdx-entries.ts`): compiled when its page renders,
 * not bundled as a module.
 */
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { Renderer } from 'astro/runtime/server/index.js';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { evaluate } from 'satteri';

/** A component that renders an MDX body, as `render(entry).Content` does for a glob entry. */
export type MdxContent = ((props?: { components?: Record<string, unknown> }) => unknown) & { moduleId?: string };

/**
 * Compiles and evaluates an MDX body into a component for an Astro page: the Markdown features
 * Astro's MDX uses (GFM, smart punctuation) and its heading ids. The body may use only the
 * components the page passes in `components`, as lessons do: it is not a module, so it cannot
 * `import`.
 *
 * @param file the source file, for error messages
 */
export function mdxContent(body: string, file: string): MdxContent {
  let compiled: Record<string, unknown>;
  try {
    compiled = evaluate(body, {
      Fragment,
      jsx: jsx as (type: unknown, props: unknown) => unknown,
      jsxs: jsxs as (type: unknown, props: unknown) => unknown,
      features: { gfm: true, smartPunctuation: true },
      hastPlugins: [satteriHeadingIdsPlugin()],
      elementAttributeNameCase: 'html',
    }) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const MDXContent = compiled.default as (props: Record<string, unknown>) => unknown;
  const Content: MdxContent = (props = {}) => MDXContent({ ...props, components: { Fragment, ...props.components } });
  // What @astrojs/mdx adds to a compiled module's Content: rendered by Astro's JSX renderer.
  Object.assign(Content, { [Symbol.for('mdx-component')]: true, [Symbol.for('astro.needsHeadRendering')]: true, moduleId: file });
  Object.defineProperty(Content, Renderer, { value: 'astro:jsx', enumerable: false, writable: false });
  return Content;
}
