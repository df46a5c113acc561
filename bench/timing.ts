import { Bench } from 'tinybench';

export interface Distribution {
  p50: number;
  p95: number;
  mean: number;
  /** How many inputs were timed. */
  count: number;
  /**
   * The same in CPU time of this process, where measured: on a machine shared with other work,
   * wall time also counts the time the scheduler gave to others.
   */
  cpu?: { p50: number; p95: number; mean: number };
}

/** The p-th percentile (0–100) of already sorted numbers, interpolated. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function distribution(samples: readonly number[], cpuSamples?: readonly number[]): Distribution {
  const summary = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length) };
  };
  return { ...summary(samples), count: samples.length, ...(cpuSamples ? { cpu: summary(cpuSamples) } : {}) };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Milliseconds per input: every input is run `repeats` times back to back and the mean kept,
 * after `warmups` untimed passes over all inputs so the JIT has settled. The distribution is
 * over inputs, which is what a writer feels: most posts take the p50, a few long ones the p95.
 */
export async function timePerInput<T>(inputs: readonly T[], run: (input: T) => unknown, options: { repeats: number; warmups: number }): Promise<Distribution> {
  for (let w = 0; w < options.warmups; w++) for (const input of inputs) await run(input);
  collectGarbage();
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (const input of inputs) {
    const start = nowMs();
    const startCpu = cpuMs();
    for (let r = 0; r < options.repeats; r++) await run(input);
    cpuSamples.push((cpuMs() - startCpu) / options.repeats);
    samples.push((nowMs() - start) / options.repeats);
  }
  return distribution(samples, cpuSamples);
}

/** The same for synchronous work, without an `await` in the timed loop to blur microsecond timings. */
export function timePerInputSync<T>(inputs: readonly T[], run: (input: T) => unknown, options: { repeats: number; warmups: number }): Distribution {
  for (let w = 0; w < options.warmups; w++) for (const input of inputs) run(input);
  collectGarbage();
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (const input of inputs) {
    const start = nowMs();
    const startCpu = cpuMs();
    for (let r = 0; r < options.repeats; r++) run(input);
    cpuSamples.push((cpuMs() - startCpu) / options.repeats);
    samples.push((nowMs() - start) / options.repeats);
  }
  return distribution(samples, cpuSamples);
}

export interface DocumentTiming {
  /** Median wall-clock ms of one call, as tinybench measured it. */
  wallMs: number;
  /** Median CPU ms of one call. */
  cpuMs: number;
}

/**
 * One call on a large document, with tinybench. `budgetMs` bounds the time spent; slow peers get
 * at least `minRuns` runs whatever it costs.
 */
export async function timeDocument(name: string, run: () => unknown, options: { budgetMs: number; minRuns: number }): Promise<DocumentTiming> {
  collectGarbage();
  const cpuSamples: number[] = [];
  const bench = new Bench({ name, time: options.budgetMs, iterations: options.minRuns, warmup: options.minRuns > 1, warmupIterations: 1, warmupTime: 0, throws: true });
  bench.add(name, async () => {
    const start = cpuMs();
    await run();
    cpuSamples.push(cpuMs() - start);
  });
  await bench.run();
  const result = bench.tasks[0].result;
  if (!('latency' in result)) throw new Error(`${name}: no timing result (${result.state})`);
  return { wallMs: result.latency.p50, cpuMs: distribution(cpuSamples).p50 };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 0.1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 10000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Decimal units throughout (1 KB = 1000 bytes), as the budgets are written. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1000 * 1000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1000 / 1000).toFixed(2)} MB`;
}
