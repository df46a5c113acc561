// The worker side of a parallel run. A worker thread runs the same CLI bundle as the main thread,
// started through the same launcher (so it gets V8's code cache too), and branches here on its
// `workerData`. It lints the batches the main thread sends and answers with one message per file;
// it never prints, and never decides anything the main thread must print once (settings problems).
import { parentPort } from 'node:worker_threads';
import type { Locale, PostlintSettings } from '../engine';
import { FORMATTERS } from './formatters';
import { lintFile, type FileOutcome } from './lintFile';

/** What every worker of a run needs to know, sent once as its `workerData`. */
export interface WorkerContext {
  cwd: string;
  locale: Locale;
  fix: boolean;
  format: string;
  color: boolean;
}

export interface WorkerStart {
  postlintWorker: WorkerContext;
}

export interface FileJob {
  /** The file's position on the command line's list: output follows it. */
  index: number;
  file: string;
  settingsId: number;
}

/** Main thread → worker. Each settings object is sent once per worker, before the first file that needs it. */
export interface BatchMessage {
  settings: { id: number; settings: PostlintSettings }[];
  files: FileJob[];
}

/** Worker → main thread, one per file, in the order the files were sent. */
export interface OutcomeMessage {
  index: number;
  outcome: FileOutcome;
}

/**
 * Test-only: a worker throws, as a crash would, after linting this many files (0: before any), so
 * the tests can check that the main thread lints what the worker left and loses nothing.
 */
export const FAIL_AFTER_ENV = 'POSTLINT_TEST_WORKER_FAIL_AFTER';

export function isWorkerStart(data: unknown): data is WorkerStart {
  return typeof data === 'object' && data !== null && 'postlintWorker' in data;
}

export function serveWorker({ postlintWorker: context }: WorkerStart): void {
  const port = parentPort;
  if (!port) throw new Error('postlint: a worker needs a parent port');
  const options = {
    cwd: context.cwd,
    locale: context.locale,
    fix: context.fix,
    formatter: FORMATTERS[context.format]({ locale: context.locale, color: context.color }),
    readStdin: () => {
      throw new Error('postlint: stdin is read on the main thread only');
    },
  };
  const failAfter = process.env[FAIL_AFTER_ENV] === undefined ? Infinity : Number(process.env[FAIL_AFTER_ENV]);
  let linted = 0;
  if (failAfter <= 0) throw new Error(`postlint: worker failing at start (${FAIL_AFTER_ENV})`);
  // Structured cloning gives each worker its own copy of a settings object; keeping that one copy per
  // id means the engine compiles each settings file's rules once per worker, not once per batch.
  const settingsById = new Map<number, PostlintSettings>();
  port.on('message', (message: BatchMessage) => {
    for (const { id, settings } of message.settings) settingsById.set(id, settings);
    for (const job of message.files) {
      if (linted++ >= failAfter) throw new Error(`postlint: worker failing after ${failAfter} files (${FAIL_AFTER_ENV})`);
      const reply: OutcomeMessage = { index: job.index, outcome: lintFile(job.file, settingsById.get(job.settingsId)!, options) };
      port.postMessage(reply);
    }
  });
}
