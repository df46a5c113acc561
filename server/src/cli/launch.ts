// The `postlint` command's entry point (dist/cli.js): it runs the CLI bundle (dist/postlint-cli.js)
// from V8's code cache (`host/codeCache.ts`), and tunes V8's optimizing compiler for a run that lasts well
// under a second (see SHORT_RUN_V8_FLAGS).
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { cpuMs, runWithCodeCache } from '../host/codeCache';

/**
 * A run over a folder is over before V8's optimizing compiler has caught up: on 2,000 posts it spends
 * more CPU time compiling (about 0.75 s, on the second core) than the run lasts, so the engine runs
 * unoptimized code while its functions wait in the queue. Smaller inlining makes each compile cheaper,
 * a larger interrupt budget keeps lukewarm functions out of the queue, and compiling a regular
 * expression straight to machine code compiles the big lexicon and URL patterns once instead of twice.
 * On 2 cores this takes a fifth off a 2,000-post run and changes nothing measurable at 10,000 posts
 * (docs/performance.md). These flags only steer when and how much V8 optimizes, never what code does.
 *
 * Node allows setting V8 flags at run time but does not promise their effect; these are set before any
 * of the bundle is compiled, on the main thread only (a flag changed while another thread compiles is
 * a race), and a flag named on Node's own command line is left as given.
 */
const SHORT_RUN_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=100', '--interrupt-budget=150000', '--no-regexp-tier-up'];
/**
 * The V8 versions known to have all three flags (Node 18 to 24). V8 prints an error on stderr for a
 * flag it does not know, so a later V8 runs untuned until these are checked against it.
 */
const TUNED_V8_MAJORS = { from: 10, to: 13 };

/** The flags this process runs under: set here on the main thread, and inherited by worker threads. */
function tuneV8(): string {
  const major = Number(process.versions.v8.split('.')[0]);
  if (process.env.POSTLINT_NO_V8_TUNING || !(major >= TUNED_V8_MAJORS.from && major <= TUNED_V8_MAJORS.to)) return '';
  // V8 reads `--interrupt_budget` as `--interrupt-budget`.
  const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.replace(/_/g, '-');
  const flags = SHORT_RUN_V8_FLAGS.filter((flag) => !given.includes(flag.replace(/^--(no-)?/, '').replace(/=.*/, '')));
  if (isMainThread && flags.length > 0) setFlagsFromString(flags.join(' '));
  return flags.join(' ');
}

/**
 * A cache holds the functions its run compiled, so one written by a run over one file lacks most of what
 * a run over a folder needs (on 2,000 posts: 419 against 401 ms). A run that took at least twice the CPU
 * time of the run that wrote the cache writes it anew: the cache grows with the largest run seen, at most
 * a few times, and a short run never pays for writing it.
 */
const REWRITE_FACTOR = 2;

runWithCodeCache(
  {
    path: join(__dirname, 'postlint-cli.js'),
    prefix: 'cli-',
    v8Flags: tuneV8(),
    write: { onExit: (cached) => !cached || cpuMs() >= REWRITE_FACTOR * cached.writerCpuMs },
  },
  module,
  require,
  __dirname,
);
