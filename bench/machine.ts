import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * How much of the machine other work took while the benchmark ran. Wall-clock timings on a shared
 * machine also count the time the scheduler gave to others; past a share of the cores the budgets
 * are judged on CPU time instead.
 *
 * The load average is no measure of that: it counts tasks waiting on I/O and kernel threads, and on a
 * virtual machine it can sit at 1.5 on two idle cores. On Linux the kernel's own accounting is read
 * instead: all CPU time spent on the machine (/proc/stat) minus this process's and its reaped
 * children's (/proc/self/stat), which covers every linter the benchmark starts.
 */
export interface MachineLoad {
  /** Share of all cores' time other work used since `start`, 0–1; undefined where /proc is absent. */
  otherShare: number | undefined;
  /** The one-minute load average, reported for comparison. */
  loadAverage: number;
  busy: boolean;
}

/** Above this share of the cores, other work is taken to inflate wall-clock timings. */
const BUSY_SHARE = 0.15;

interface Snapshot {
  /** Clock ticks the whole machine spent busy, and in total. */
  machineBusy: number;
  machineTotal: number;
  /** Clock ticks of this process and its reaped children. */
  own: number;
}

function snapshot(): Snapshot | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    const machineBusy = user + nice + system + irq + softirq + steal;
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // utime, stime, cutime, cstime are fields 14–17, i.e. 11–14 after the state field (3).
    const own = after[11] + after[12] + after[13] + after[14];
    return { machineBusy, machineTotal: machineBusy + idle + iowait, own };
  } catch {
    return undefined;
  }
}

export class LoadMonitor {
  private readonly start = snapshot();

  /** Other work since the monitor was created. */
  read(): MachineLoad {
    const loadAverage = loadavg()[0];
    const now = snapshot();
    if (!this.start || !now || now.machineTotal <= this.start.machineTotal) {
      return { otherShare: undefined, loadAverage, busy: loadAverage > cpus().length * 0.75 };
    }
    const other = Math.max(0, now.machineBusy - this.start.machineBusy - (now.own - this.start.own));
    const otherShare = other / (now.machineTotal - this.start.machineTotal);
    return { otherShare, loadAverage, busy: otherShare > BUSY_SHARE };
  }
}

export function describeLoad(load: MachineLoad): string {
  const cores = cpus().length;
  const other = load.otherShare === undefined ? '' : `other work used ${(100 * load.otherShare).toFixed(0)}% of the ${cores} cores; `;
  const verdict = load.busy ? ' — the machine is busy: wall-clock timings are inflated, CPU times much less so' : '';
  return `${other}load average ${load.loadAverage.toFixed(1)}${verdict}`;
}
