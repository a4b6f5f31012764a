import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in milliseconds; 0 once it is gone. */
function cpuMillisOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function parentOf(pid: string): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** `root` and every process below it, e.g. a service and the copies it forked. */
export function processTree(root: number): number[] {
  const tree = [root];
  const all = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  for (let grew = true; grew; ) {
    grew = false;
    for (const pid of all) {
      const parent = parentOf(pid);
      if (parent !== undefined && tree.includes(parent) && !tree.includes(Number(pid))) {
        tree.push(Number(pid));
        grew = true;
      }
    }
  }
  return tree;
}

/**
 * CPU milliseconds each group of processes spends while `work` runs. Unlike requests per second
 * this holds on a machine that other work shares: it counts what a request costs, not how
 * long it waited for a core. Linux only (/proc).
 */
export async function cpuMillisDuring<G extends string>(
  groups: Record<G, number[]>,
  work: () => Promise<void>,
): Promise<Record<G, number>> {
  const total = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMillisOf(pid), 0);
  const entries = Object.entries(groups) as [G, number[]][];
  const before = entries.map(([, pids]) => total(pids));
  await work();
  return Object.fromEntries(entries.map(([group, pids], i) => [group, total(pids) - (before[i] ?? 0)])) as Record<
    G,
    number
  >;
}
