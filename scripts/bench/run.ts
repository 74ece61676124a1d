/**
 * Runs a child process and measures its wall time and peak memory.
 *
 * Peak memory comes from `/usr/bin/time -v` ("Maximum resident set size": the largest single
 * process of the tree, as the kernel records it) when that program exists. We also poll
 * `/proc` every 200 ms for the sum of resident memory over the whole process tree (Astro, its
 * workers and the Pagefind binary run at once), and fall back to the tree's VmHWM without `time`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';

export interface RunResult {
  code: number | null;
  ms: number;
  /** Largest resident set of one process in the tree, bytes; null when unknown. */
  peakRssBytes: number | null;
  /** Largest sum of resident sets over the tree seen by polling, bytes; null without /proc. */
  treePeakRssBytes: number | null;
  /** Where `peakRssBytes` comes from. */
  rssSource: 'time -v' | '/proc VmHWM' | 'none';
  /** Path of the combined stdout + stderr log. */
  log: string;
}

export const TIME_BIN = '/usr/bin/time';

/** "Maximum resident set size (kbytes): 123" from GNU time's `-v` output, in bytes. */
export function parseTimeVerbose(text: string): number | null {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return m ? Number(m[1]) * 1024 : null;
}

/** `VmRSS:  1234 kB` (or another field) from /proc/<pid>/status, in bytes. */
export function parseStatusField(status: string, field: 'VmRSS' | 'VmHWM'): number | null {
  const m = new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : null;
}

/** The pids of `root` and all its descendants, from /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [root];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function treeMemory(root: number): { rss: number; hwm: number } | null {
  if (!existsSync('/proc/self/status')) return null;
  let rss = 0;
  let hwm = 0;
  for (const pid of processTree(root)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += parseStatusField(status, 'VmRSS') ?? 0;
      hwm = Math.max(hwm, parseStatusField(status, 'VmHWM') ?? 0);
    } catch {
      // Gone.
    }
  }
  return { rss, hwm };
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** File for the combined output. */
  log: string;
}

/** Runs `command args…`, wrapped in `/usr/bin/time -v` when available. */
export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const useTime = existsSync(TIME_BIN);
  const timeOut = `${options.log}.time`;
  const [cmd, argv] = useTime ? [TIME_BIN, ['-v', '-o', timeOut, command, ...args]] : [command, args];
  const fd = openSync(options.log, 'w');
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', fd, fd] });
  let treePeak: number | null = null;
  let hwmPeak = 0;
  const poll = () => {
    if (child.pid === undefined) return;
    const mem = treeMemory(child.pid);
    if (mem) {
      treePeak = Math.max(treePeak ?? 0, mem.rss);
      hwmPeak = Math.max(hwmPeak, mem.hwm);
    }
  };
  const timer = setInterval(poll, 200);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  closeSync(fd);
  let peak: number | null = null;
  let source: RunResult['rssSource'] = 'none';
  if (useTime && existsSync(timeOut)) {
    peak = parseTimeVerbose(readFileSync(timeOut, 'utf8'));
    rmSync(timeOut, { force: true });
    if (peak !== null) source = 'time -v';
  }
  if (peak === null && hwmPeak > 0) {
    peak = hwmPeak;
    source = '/proc VmHWM';
  }
  return { code, ms, peakRssBytes: peak, treePeakRssBytes: treePeak, rssSource: source, log: options.log };
}

/** The last `n` lines of a log file, for error messages. */
export function tail(file: string, n = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}
