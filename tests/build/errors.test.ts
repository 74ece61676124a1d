/**
 * Bad content and bad configuration fail a real build with a message that names the file and the
 * field. Each case builds a small copy of the content folder (`ORIENTA_CONTENT_DIR`).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedBuilds } from '../support/isolated-build.ts';

const { contentWith, build } = isolatedBuilds('orienta-errors-');

describe('a build with bad input fails and says where', () => {
  it('the minimal content builds (the cases below fail only by what they break)', () => {
    expect(build(contentWith('ok', () => {})).status).toBe(0);
  });

  it('a lesson with a bad field names the file and the field', () => {
    const dir = contentWith('bad-lesson', (d) => {
      const file = join(d, 'lessons/sv/forsorja-sig/a-kassa.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('translation: original', 'translation: automatic'));
    });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/a-kassa/);
    expect(output).toMatch(/translation/);
  });

  it('a translation without a Swedish original is called orphaned', () => {
    const dir = contentWith('orphan', (d) => {
      mkdirSync(join(d, 'lessons/en/forsorja-sig'), { recursive: true });
      writeFileSync(join(d, 'lessons/en/forsorja-sig/renamed.mdx'), '---\ntitle: Renamed lesson\nsummary: A lesson that lost its original.\ntranslation: machine\n---\n\nText.\n');
    });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/lessons\/en\/forsorja-sig\/renamed\.mdx: translation of "forsorja-sig\/renamed" has no Swedish original/);
  });

  it('a lesson with an unknown fact names the lesson and the fact', () => {
    const dir = contentWith('unknown-fact', (d) => {
      const file = join(d, 'lessons/sv/forsorja-sig/a-kassa.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/<Fact id="[^"]+" \/>/, '<Fact id="akassa.no-such-fact" />'));
    });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/lessons\/sv\/forsorja-sig\/a-kassa\.mdx: <Fact id="akassa\.no-such-fact" \/>: no such fact/);
  });

  it('a site colour without AA contrast names the file, the field and what is expected', () => {
    const dir = contentWith('bad-colour', (d) => {
      const file = join(d, 'sites/demo/site.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('primaryColor: "#1f5f8b"', 'primaryColor: "#f5c000"'));
    });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/sites\/demo\/site\.yaml: primaryColor: "#f5c000" has contrast [\d.]+:1 against white text; WCAG AA needs at least 4\.5:1/);
  });

  it('an unknown module in the site config names the field', () => {
    const dir = contentWith('bad-module', (d) => {
      const file = join(d, 'sites/demo/site.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('modules: all', 'modules: [forsorja-sig, halsa-2]'));
    });
    const { status, output } = build(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/site\.yaml: modules\.1: unknown module "halsa-2"/);
  });
});
