import type { KeyValueStorage } from '../../../src/lib/device-data/store.ts';

/** Web Storage in memory, with a quota to fill and a switch that makes every call throw. */
export class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  /** Characters that may still be written; a write beyond throws QuotaExceededError. */
  quotaLeft = Infinity;
  writes = 0;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quotaLeft) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.writes++;
    this.data.set(key, value);
  }
  /** Keys that hold kept-aside copies of damaged values. */
  backups(): string[] {
    return [...this.data.keys()].filter((key) => key.includes(':unreadable:'));
  }
}
