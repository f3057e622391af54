import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** The program a process runs, or undefined once it has ended. */
function executableOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

/**
 * Resident memory (bytes) of a process and all its descendants, from /proc (Linux). A child
 * still running its parent's program is a fork that has not yet started its own (Node starting
 * git or Pagefind): it shares its parent's pages, so counting it would count them twice.
 */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = rss.get(rootPid) ?? 0;
  const stack = [rootPid];
  while (stack.length) {
    const parent = stack.pop()!;
    for (const pid of children.get(parent) ?? []) {
      const forkNotStarted = executableOf(pid) === executableOf(parent);
      if (!forkNotStarted) total += rss.get(pid) ?? 0;
      stack.push(pid);
    }
  }
  return total;
}

/**
 * CPU seconds a process has used, its threads included, plus those of the children it has
 * waited for (Pagefind, for one), from /proc/<pid>/stat (Linux, 100 ticks a second).
 */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime, stime, cutime, cstime are fields 14-17; the split starts at field 3.
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
  } catch {
    return 0;
  }
}

export interface Measured {
  seconds: number;
  /** CPU time of the command, last sampled just before it ended: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  peakRssBytes: number;
  output: string;
  status: number | null;
}

/** Runs a command, timing it and sampling the memory of its process tree every 100 ms. */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    let cpuSeconds = 0;
    const timer = setInterval(() => {
      if (!child.pid) return;
      peak = Math.max(peak, treeRss(child.pid));
      cpuSeconds = Math.max(cpuSeconds, processCpuSeconds(child.pid));
    }, 100);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds,
        peakRssBytes: peak,
        output,
        status,
      });
    });
  });
}
