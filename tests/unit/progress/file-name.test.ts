import { describe, expect, it } from 'vitest';
import { progressFileName } from '../../../src/lib/progress/file.ts';

describe('progressFileName', () => {
  it('carries the site and the day, and the name when there is one', () => {
    expect(progressFileName('ekudden', '2026-12-07')).toBe('ekudden-progress-2026-12-07.json');
    expect(progressFileName('ekudden', '2026-12-07', 'Amina K.')).toBe('ekudden-progress-Amina-K-2026-12-07.json');
  });

  it('keeps letters of every script and drops what file systems and mail programs mangle', () => {
    expect(progressFileName('demo', '2026-12-07', 'أمينة')).toBe('demo-progress-أمينة-2026-12-07.json');
    expect(progressFileName('demo', '2026-12-07', 'ሰላም')).toBe('demo-progress-ሰላም-2026-12-07.json');
    expect(progressFileName('demo', '2026-12-07', '../../etc/passwd')).toBe('demo-progress-etc-passwd-2026-12-07.json');
    expect(progressFileName('demo', '2026-12-07', 'a:b*c?"<>|\\/\u0000')).toBe('demo-progress-a-b-c-2026-12-07.json');
    expect(progressFileName('demo', '2026-12-07', ' --- ')).toBe('demo-progress-2026-12-07.json');
  });

  it('shortens a long name without leaving a dangling separator', () => {
    const name = progressFileName('demo', '2026-12-07', `${'a'.repeat(39)} b`);
    expect(name).toBe(`demo-progress-${'a'.repeat(39)}-2026-12-07.json`);
  });
});
