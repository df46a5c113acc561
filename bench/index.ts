// `npm run bench`: postlint against its budgets and its peers, on the same inputs, in one run.
// Not part of `npm test`: timings depend on the machine, so nothing here is ever an assertion.
// Flags: --quick (fewer posts and runs, for profiling loops), --json=<file> (write the results).
import { cpus, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { checkBudgets, headline, type Results } from './budgets';
import { buildDocument, loadPosts } from './corpus';
import { generatePosts } from './generate';
import { measureOpenPosts, timeRoundTrips, timeServerStart } from './lsp';
import { loadPeers, packageVersion } from './peers';
import { writePrhRules } from './prh';
import { bundleChild, bundleEngine, cliCommands, runChild, timeProcess, writeWorkspace, type ChildOutcome, type ProcessTiming } from './processes';
import { describeLoad, LoadMonitor, type MachineLoad } from './machine';
import { measureSizes } from './size';
import { bundlePreview, timePreview } from './preview';
import { formatBytes, formatMs, timeDocument, timePerInput, timePerInputSync, type DocumentTiming, type Distribution } from './timing';

const repoRoot = resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const jsonOut = process.argv.find((a) => a.startsWith('--json='))?.slice('--json='.length);

// Decimal units, so "1 MB" stays under the default postlint.maxFileSize of 1 MiB.
const KB = 1000;
const DOCUMENT_SIZES: [string, number][] = [
  ['5 KB', 5 * KB],
  ['50 KB', 50 * KB],
  ['100 KB', 100 * KB],
  ['1 MB', 1000 * KB],
];
/** textlint takes minutes on a megabyte; beyond this it is reported as timed out. */
const TEXTLINT_1MB_TIMEOUT_MS = 60_000;
const SETTINGS = {};
/** Open documents for the server's memory: each compiled its own settings once, 0.6 MB apiece. */
const OPEN_POSTS = 2000;

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function describe(d: Distribution): string {
  const cpu = d.cpu ? `   (CPU time: p50 ${formatMs(d.cpu.p50)}  p95 ${formatMs(d.cpu.p95)})` : '';
  return `p50 ${formatMs(d.p50)}  p95 ${formatMs(d.p95)}  mean ${formatMs(d.mean)}${cpu}`;
}

/** Other work in the second before the benchmark starts, so a busy machine is seen before the numbers. */
async function loadBeforeStart(): Promise<MachineLoad> {
  const monitor = new LoadMonitor();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return monitor.read();
}

function describeDocument(d: DocumentTiming | undefined): string {
  return d ? `${formatMs(d.wallMs)} (CPU ${formatMs(d.cpuMs)})` : '';
}

function describeProcess(t: ProcessTiming): string {
  return `${formatMs(t.wallMs)} (CPU ${formatMs(t.cpuMs)}, ${t.maxRssMb.toFixed(0)} MB)`;
}

function describeChild(outcome: ChildOutcome): string {
  if ('timedOutAfterMs' in outcome) return `did not finish in ${formatMs(outcome.timedOutAfterMs)}`;
  return `${formatMs(outcome.ms)}, peak RSS ${outcome.maxRssMb.toFixed(0)} MB, ${outcome.findings} findings`;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'postlint-bench-'));
  try {
    await run(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The bundled engine, loaded by `run` before anything is timed. */
let lint: typeof import('../server/src/engine').lint;

async function run(scratch: string): Promise<void> {
  // Inside the repository (git-ignored) so that bundles find the peers in node_modules.
  const bundles = join(repoRoot, '.bench');
  ({ lint } = createRequire(__filename)(await bundleEngine(repoRoot, bundles)) as typeof import('../server/src/engine'));
  const postCount = quick ? 400 : 2000;
  const { posts, origin } = loadPosts(repoRoot, postCount);
  const prh = writePrhRules(scratch);
  const peers = await loadPeers(prh.path);
  log(`postlint benchmark — ${new Date().toISOString()}`);
  log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`);
  log(`inputs: ${origin}`);
  log('postlint: the engine as bundled for the server and the CLI (esbuild, minified)');
  const runLoad = new LoadMonitor();
  log(`before start: ${describeLoad(await loadBeforeStart())}`);
  if (process.env.NODE_EXTRA_CA_CERTS !== undefined) log('NODE_EXTRA_CA_CERTS is set here: every timed process, ours and the peers\', runs without it (it adds a certificate read to each Node start)');
  log(`peers: markdownlint ${peers.markdownlintVersion} (default rules); textlint (${peers.textlintVersion}, ${prh.rules} prh rules from postlint's lexicons)`);
  log();

  log('Per post, in process');
  // Before anything else has linted these posts, so that none of them is in postlint's caches.
  const firstSeen = firstSight(posts);
  const perPost = {
    postlint: timePerInputSync(posts, (text) => lint(text, SETTINGS), { repeats: quick ? 5 : 20, warmups: 3 }),
    markdownlint: await timePerInput(posts, peers.markdownlint, { repeats: quick ? 1 : 2, warmups: 1 }),
    textlint: await timePerInput(posts, peers.textlint, { repeats: quick ? 1 : 2, warmups: 1 }),
  };
  for (const [name, d] of Object.entries(perPost)) log(`  ${name.padEnd(13)} ${describe(d)}`);
  log(`  postlint, each post linted once, not repeated: ${describe(firstSeen)}`);
  log('  (repeated lints of one post are what typing costs; postlint caches URLs and word stems across them, the peers nothing)');
  log(`  findings on these posts: postlint ${sum(posts, (p) => lint(p, SETTINGS).diagnostics.length)}, markdownlint ${await sumAsync(posts, peers.markdownlint)}, textlint ${await sumAsync(posts, peers.textlint)}`);
  log();

  log('Documents (median of warm runs)');
  const documents: Results['documents'] = {};
  const texts = new Map<string, string>();
  for (const [label, bytes] of DOCUMENT_SIZES) {
    const text = buildDocument(posts, bytes);
    texts.set(label, text);
    const entry: Results['documents'][string] = { bytes: Buffer.byteLength(text), postlint: await timeDocument(`postlint ${label}`, () => lint(text, SETTINGS), { budgetMs: quick ? 200 : 1000, minRuns: 5 }) };
    if (bytes <= 50 * KB) {
      entry.markdownlint = await timeDocument(`markdownlint ${label}`, () => peers.markdownlint(text), { budgetMs: 500, minRuns: 3 });
      entry.textlint = await timeDocument(`textlint ${label}`, () => peers.textlint(text), { budgetMs: 500, minRuns: 3 });
    }
    documents[label] = entry;
    const peersNote = entry.markdownlint ? `   markdownlint ${describeDocument(entry.markdownlint)}   textlint ${describeDocument(entry.textlint)}` : '';
    log(`  ${label.padEnd(7)} postlint ${describeDocument(entry.postlint)}${peersNote}`);
  }

  const child = await bundleChild(repoRoot, bundles);
  const megabyteFile = join(scratch, 'one-megabyte.post.md');
  writeFileSync(megabyteFile, texts.get('1 MB')!);
  const oneMegabyte: Results['oneMegabyte'] = {
    postlint: runChild(child, 'postlint', megabyteFile, prh.path, 120_000),
    markdownlint: runChild(child, 'markdownlint', megabyteFile, prh.path, 120_000),
    textlint: quick ? { timedOutAfterMs: 0 } : runChild(child, 'textlint', megabyteFile, prh.path, TEXTLINT_1MB_TIMEOUT_MS),
    nodeBaselineRssMb: (runChild(child, 'node', megabyteFile, prh.path, 10_000) as { maxRssMb: number }).maxRssMb,
  };
  log(`  1 MB, cold, fresh process (node alone: ${oneMegabyte.nodeBaselineRssMb.toFixed(0)} MB RSS):`);
  for (const name of ['postlint', 'markdownlint', 'textlint'] as const) log(`    ${name.padEnd(13)} ${describeChild(oneMegabyte[name])}`);
  log();

  // The server and the command as the extension ships them (`--production`), with the rule pages beside
  // them as in the package; dist/ is left as the tests use it.
  const shipped = join(scratch, 'shipped');
  mkdirSync(shipped);
  symlinkSync(join(repoRoot, 'docs'), join(shipped, 'docs'));
  const sizes = measureSizes(repoRoot, join(shipped, 'dist'));
  const shippedServer = join(shipped, 'dist', 'server.js');

  log('Language server over stdio (debounceMs: 0), the production server.js');
  const lspPost = buildDocument(posts, 10 * KB);
  const lsp: Results['lsp'] = {
    roundTrips: await timeRoundTrips(shippedServer, lspPost, quick ? 50 : 200, scratch),
    postBytes: Buffer.byteLength(lspPost),
    serverStart: await timeServerStart(shippedServer, posts[0], quick ? 3 : 7, scratch),
    openPosts: await measureOpenPosts(shippedServer, posts, OPEN_POSTS),
  };
  log(`  didChange → publishDiagnostics, ${formatBytes(lsp.postBytes)} post: ${describe(lsp.roundTrips.wall)}; server CPU ${formatMs(lsp.roundTrips.serverCpuMsPerEdit)} per edit`);
  log(`  server start → first diagnostics: ${formatMs(lsp.serverStart.wallMs)} (server CPU ${formatMs(lsp.serverStart.cpuMs)} through shutdown)`);
  const open = lsp.openPosts;
  log(`  ${open.posts} posts open in one folder: RSS ${open.rssMb?.toFixed(0) ?? '?'} MB (peak ${open.peakRssMb?.toFixed(0) ?? '?'} MB), last diagnostics after ${formatMs(open.lastDiagnosticsMs)}`);
  log();

  log('Feed preview (model from the lint, and the HTML of the cards)');
  const preview = timePreview(createRequire(__filename)(await bundlePreview(repoRoot, bundles)), lspPost, quick ? 50 : 200);
  log(`  ${formatBytes(lsp.postBytes)} post, one card (X): ${describe(preview.modelAndHtml)}`);
  log(`  the same post on all nine platforms: ${describe(preview.ninePlatforms)}`);
  log(`  lint, model and HTML together: ${describe(preview.withLint)}`);
  log();

  log(`CLI, whole process, the production cli.js (median; CPU time and peak RSS of the process itself)`);
  const workspace = writeWorkspace(join(scratch, 'cli'), posts, posts[0], prh.path);
  const commands = cliCommands(repoRoot, workspace, join(shipped, 'dist', 'cli.js'));
  const runs = quick ? 3 : 7;
  const folderRuns = quick ? 1 : 3;
  const cli: Results['cli'] = {
    shortFile: {
      postlint: timeProcess(commands.postlint('short.post.md'), runs, scratch),
      markdownlint: timeProcess(commands.markdownlint('short.post.md'), runs, scratch),
      textlint: timeProcess(commands.textlint('short.post.md'), runs, scratch),
    },
    folder: {
      files: posts.length,
      postlint: timeProcess(commands.postlint('posts'), folderRuns, scratch),
      postlintJson: timeProcess(commands.postlintJson('posts'), folderRuns, scratch),
      markdownlint: timeProcess(commands.markdownlint('posts'), folderRuns, scratch),
      // textlint takes tens of seconds on the folder: two runs, not three.
      textlint: timeProcess(commands.textlint('posts'), Math.min(folderRuns, 2), scratch),
    },
  };
  log(`  one short file   postlint ${describeProcess(cli.shortFile.postlint)}   markdownlint-cli2 ${describeProcess(cli.shortFile.markdownlint)}   textlint ${describeProcess(cli.shortFile.textlint)}`);
  log(`  ${`${posts.length} posts`.padEnd(16)} postlint ${describeProcess(cli.folder.postlint)}   markdownlint-cli2 ${describeProcess(cli.folder.markdownlint)}`);
  log(`  ${''.padEnd(16)} postlint --format json ${describeProcess(cli.folder.postlintJson)}   textlint --format json ${describeProcess(cli.folder.textlint)}`);
  log(`  (markdownlint-cli2 ${packageVersion('markdownlint-cli2')}, textlint ${packageVersion('textlint')} with textlint-rule-prh only)`);
  log();

  log('Bundles');
  log(`  server (server.js and the postlint-server.js it runs) ${formatBytes(sizes.productionServerBytes)} production (${formatBytes(sizes.developmentServerBytes)} as npm run build leaves it); client.js ${formatBytes(sizes.productionClientBytes)}; cli.js ${formatBytes(sizes.productionCliBytes)}`);
  log(`  web (browser entry): client.js ${formatBytes(sizes.productionWebClientBytes)} + server.js ${formatBytes(sizes.productionWebServerBytes)} = ${formatBytes(sizes.productionWebClientBytes + sizes.productionWebServerBytes)} production`);
  log(`  server.js by origin: ${sizes.serverComposition.slice(0, 6).map((c) => `${c.origin} ${formatBytes(c.bytes)}`).join(', ')}`);
  log(`  .vsix: ${sizes.vsix ? `${formatBytes(sizes.vsix.bytes)} (${sizes.vsix.file}, built ${sizes.vsix.modified.toISOString()})` : 'not built'}`);
  log();

  const load = runLoad.read();
  log(`during the run: ${describeLoad(load)}`);
  log();

  const results: Results = { perPost, documents, oneMegabyte, lsp, preview, cli, sizes, busy: load.busy };
  const checks = checkBudgets(results);
  log('Budgets');
  for (const c of checks) log(`  ${c.verdict.padEnd(4)}  ${c.budget.padEnd(58)} ${c.measured}`);
  log();
  log(headline(results));
  if (jsonOut) writeFileSync(resolve(jsonOut), JSON.stringify({ date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, origin, results, checks }, null, 2));
}

/**
 * Each post linted once, in order, after the JIT has warmed up on generated posts: what a post costs
 * the first time postlint sees it (the CLI's case), with nothing of it in postlint's caches yet.
 */
function firstSight(posts: readonly string[]): Distribution {
  timePerInputSync(generatePosts(500), (text) => lint(text, SETTINGS), { repeats: 1, warmups: 3 });
  return timePerInputSync(posts, (text) => lint(text, SETTINGS), { repeats: 1, warmups: 0 });
}

function sum(posts: readonly string[], count: (post: string) => number): number {
  return posts.reduce((total, post) => total + count(post), 0);
}

async function sumAsync(posts: readonly string[], count: (post: string) => number | Promise<number>): Promise<number> {
  let total = 0;
  for (const post of posts) total += await count(post);
  return total;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
