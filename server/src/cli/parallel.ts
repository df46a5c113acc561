// The main thread's side of a parallel run: worker threads and the main thread take small batches
// from one queue (so a slow file holds up one batch, not half the run), and every outcome comes
// back to `deliver` on the main thread, which prints in file order. A worker that cannot start or
// dies hands back its unfinished files, which the main thread then lints itself: no file is lost,
// and the run ends as long as the main thread can lint.
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { PostlintSettings } from '../engine';
import type { FileOutcome } from './lintFile';
import type { BatchMessage, FileJob, OutcomeMessage, WorkerContext, WorkerStart } from './worker';

export interface Job extends FileJob {
  settings: PostlintSettings;
  /** stdin can only be read by the main thread. */
  mainThreadOnly?: boolean;
}

export interface PoolOptions {
  /** The script a worker runs: the CLI's own entry point. */
  script: string;
  workers: number;
  context: WorkerContext;
  lintHere: (job: Job) => FileOutcome;
  /** Once per job, on the main thread, in the order jobs finish. */
  deliver: (index: number, outcome: FileOutcome) => void;
}

/** Files the main thread lints between looks at the workers' messages: about a millisecond's work. */
const MAIN_BATCH = 4;
/** A worker's batches shrink towards the end of the queue, so that all threads finish together. */
const MIN_WORKER_BATCH = 4;
const MAX_WORKER_BATCH = 32;

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, oldest first: the worker answers in this order. */
  inFlight: Job[];
  lastBatch: number;
  settingsSent: Set<number>;
  alive: boolean;
}

export async function lintInParallel(jobs: Job[], options: PoolOptions): Promise<void> {
  await new Pool(jobs, options).run();
}

class Pool {
  private next = 0;
  /** Files the main thread must lint itself: stdin, and what a failed worker left. */
  private readonly mainOnly: Job[];
  private readonly queue: Job[];
  private remaining: number;
  private readonly slots: Slot[] = [];
  private wake: (() => void) | undefined;

  constructor(
    jobs: Job[],
    private readonly options: PoolOptions,
  ) {
    this.mainOnly = jobs.filter((job) => job.mainThreadOnly);
    this.queue = jobs.filter((job) => !job.mainThreadOnly);
    this.remaining = jobs.length;
  }

  async run(): Promise<void> {
    for (let i = 0; i < this.options.workers; i++) this.start();
    try {
      while (this.remaining > 0) {
        const batch = this.mainOnly.length > 0 ? this.mainOnly.splice(0, MAIN_BATCH) : this.take(MAIN_BATCH);
        if (batch.length > 0) {
          for (const job of batch) this.finish(job, this.options.lintHere(job));
          // Lets the workers' answers in, and tops their queues up, between the main thread's batches.
          await nextTurn();
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } finally {
      // Also when linting threw on this thread: a live worker would keep the process from ever exiting.
      await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    }
  }

  private take(count: number): Job[] {
    const batch = this.queue.slice(this.next, this.next + count);
    this.next += batch.length;
    return batch;
  }

  private finish(job: Job, outcome: FileOutcome): void {
    this.remaining--;
    this.options.deliver(job.index, outcome);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private start(): void {
    const workerData: WorkerStart = { postlintWorker: this.options.context };
    let worker: Worker;
    try {
      worker = new Worker(this.options.script, { workerData });
    } catch {
      return; // No worker this time (too many threads, no memory): the others and the main thread do its share.
    }
    const slot: Slot = { worker, inFlight: [], lastBatch: 0, settingsSent: new Set(), alive: true };
    this.slots.push(slot);
    worker.on('message', (message: OutcomeMessage) => {
      // After a failure, its files are the main thread's: a late answer must not report one twice.
      if (!slot.alive) return;
      this.finish(slot.inFlight.shift()!, message.outcome);
      if (slot.inFlight.length <= slot.lastBatch) this.send(slot);
      this.notify();
    });
    // An answer that cannot be read is as good as a crash: the main thread lints that file and the rest again.
    worker.on('messageerror', () => {
      this.lost(slot);
      void worker.terminate();
    });
    // 'exit' follows 'error', and comes whether the worker crashed, failed to start or was terminated.
    worker.on('error', () => undefined);
    worker.on('exit', () => this.lost(slot));
    // Two batches in hand, so that a worker never waits for the main thread to finish its own batch.
    this.send(slot);
    this.send(slot);
  }

  private send(slot: Slot): void {
    if (!slot.alive) return;
    const size = Math.max(MIN_WORKER_BATCH, Math.min(MAX_WORKER_BATCH, Math.floor((this.queue.length - this.next) / (4 * (this.options.workers + 1)))));
    const files = this.take(size);
    if (files.length === 0) return;
    const message: BatchMessage = { settings: [], files: [] };
    for (const job of files) {
      if (!slot.settingsSent.has(job.settingsId)) {
        slot.settingsSent.add(job.settingsId);
        message.settings.push({ id: job.settingsId, settings: job.settings });
      }
      message.files.push({ index: job.index, file: job.file, settingsId: job.settingsId });
    }
    slot.inFlight.push(...files);
    slot.lastBatch = files.length;
    try {
      slot.worker.postMessage(message);
    } catch {
      // Settings that cannot be cloned (they came from JSON, so they should) keep the files on the main thread.
      this.lost(slot);
      void slot.worker.terminate();
    }
  }

  /** The worker is gone: what it had not answered is linted on the main thread, before anything else. */
  private lost(slot: Slot): void {
    if (!slot.alive) return;
    slot.alive = false;
    this.mainOnly.push(...slot.inFlight);
    // Earliest first: output waits for the earliest file.
    this.mainOnly.sort((a, b) => a.index - b.index);
    slot.inFlight = [];
    this.notify();
  }
}

/**
 * Each thread's V8 compiles the engine's hot code anew, on background threads: on 2,000 posts that is
 * about 0.4 s of CPU beside 0.65 s of linting, so a linting thread keeps about two cores busy. On two
 * cores a second thread made the run slower (0.92 s against 0.79 s wall, 1.6 s against 1.2 s CPU;
 * 10,000 posts: 2.13 s against 2.04 s), hence auto lints on one thread per two cores, up to a few:
 * past that, each thread's compiling outweighs its share of the posts.
 */
const CORES_PER_THREAD = 2;
const MAX_AUTO_THREADS = 4;
/** A worker answers about 0.15 s after it is started; it pays for that over some 250 posts. */
const MIN_FILES_PER_THREAD = 250;

/** `--concurrency`: `auto`, `off` (1), or how many threads lint, the main thread included. */
export type Concurrency = number | 'auto';

export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'auto') return 'auto';
  if (value === 'off') return 1;
  return /^[1-9]\d{0,2}$/.test(value) ? Number(value) : undefined;
}

/** How many worker threads lint beside the main thread. */
export function workerCount(concurrency: Concurrency, files: number, cores = availableParallelism()): number {
  const threads =
    concurrency === 'auto'
      ? Math.min(Math.floor(cores / CORES_PER_THREAD), MAX_AUTO_THREADS, Math.floor(files / MIN_FILES_PER_THREAD))
      : Math.min(concurrency, files);
  return Math.max(0, threads - 1);
}

/** Hands outcomes that arrive in any order to `print` in index order, holding back only those that came early. */
export class InOrder<T> {
  private next = 0;
  private readonly early = new Map<number, T>();

  constructor(
    private readonly count: number,
    private readonly print: (index: number, item: T) => void,
  ) {}

  put(index: number, item: T): void {
    if (index !== this.next) {
      this.early.set(index, item);
      return;
    }
    this.print(index, item);
    for (this.next++; this.next < this.count && this.early.has(this.next); this.next++) {
      const waiting = this.early.get(this.next)!;
      this.early.delete(this.next);
      this.print(this.next, waiting);
    }
  }
}
