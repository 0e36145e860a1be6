// CPU time, read from Linux's /proc: what one server's processes used, and what the whole machine did.
// Throughput alone cannot say whose work a gap between two servers is; the CPU a server's own processes
// spend per request, beside what the whole machine spent (the database and the load generator too), can.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this bench runs on (getconf CLK_TCK).

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime of one process, in ms; null once it is gone. */
function processCpuMs(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function childrenOf(pid: number): number[] {
  const tasks = read(`/proc/${pid}/task/${pid}/children`);
  return tasks ? tasks.trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

/**
 * CPU ms used so far by a process and every process under it (tsx runs the server in a child), or null
 * where /proc cannot tell (not Linux).
 */
export function processTreeCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = processCpuMs(pid);
  if (own === null) return null;
  return childrenOf(pid).reduce((sum, child) => sum + (processTreeCpuMs(child) ?? 0), own);
}

/** CPU ms every core of the machine has been busy so far (not idle, not waiting for I/O); null off Linux. */
export function machineBusyCpuMs(): number | null {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return null;
  // user nice system idle iowait irq softirq steal: all but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / TICKS_PER_SECOND;
}
