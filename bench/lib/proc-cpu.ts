import { readdirSync, readFileSync } from 'node:fs';

export type ProcInfo = { pid: number; ppid: number; comm: string; cmd: string; cpuSeconds: number };

/** Every process of the machine with its CPU seconds so far (user + system, /proc ticks at 100 Hz). */
export function listProcesses(): ProcInfo[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      const comm = raw.slice(raw.indexOf('(') + 1, raw.lastIndexOf(')'));
      return [{ pid: Number(entry), ppid: Number(fields[1]), comm, cmd, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 }];
    } catch {
      return [];
    }
  });
}

/** The pids of `root` and all its descendants. */
export function descendants(all: ProcInfo[], root: number): Set<number> {
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) grew = tree.add(p.pid).size > 0;
  }
  return tree;
}

/** CPU used between two snapshots by the processes `select` picks, in cores (1 = one core busy). */
export function coresUsed(before: ProcInfo[], after: ProcInfo[], seconds: number, select: (p: ProcInfo) => boolean): number {
  const start = new Map(before.map((p) => [p.pid, p.cpuSeconds]));
  let used = 0;
  for (const p of after) if (select(p)) used += p.cpuSeconds - (start.get(p.pid) ?? 0);
  return used / seconds;
}
