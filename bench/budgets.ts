import type { OpenPosts, ServerStart, RoundTrips } from './lsp';
import type { PreviewTimings } from './preview';
import type { ChildOutcome, ProcessTiming } from './processes';
import type { BundleSizes } from './size';
import { formatBytes, formatMs, type DocumentTiming, type Distribution } from './timing';

/** Everything one run measured; `index.ts` fills it in, `checkBudgets` judges it. */
export interface Results {
  perPost: { postlint: Distribution; markdownlint: Distribution; textlint: Distribution };
  /** One warm lint per document size, per linter (peers only on the smaller sizes). */
  documents: Record<string, { bytes: number; postlint: DocumentTiming; markdownlint?: DocumentTiming; textlint?: DocumentTiming }>;
  /** One cold lint of the 1 MB document in a fresh process. */
  oneMegabyte: { postlint: ChildOutcome; markdownlint: ChildOutcome; textlint: ChildOutcome; nodeBaselineRssMb: number };
  lsp: { roundTrips: RoundTrips; postBytes: number; serverStart: ServerStart; openPosts: OpenPosts };
  /** The feed preview of the LSP's post: model and HTML per keystroke. */
  preview: PreviewTimings;
  cli: {
    shortFile: { postlint: ProcessTiming; markdownlint: ProcessTiming; textlint: ProcessTiming };
    /** `postlint` is its default output, set beside markdownlint-cli2's; `postlintJson` beside textlint's JSON. */
    folder: { files: number; postlint: ProcessTiming; postlintJson: ProcessTiming; markdownlint: ProcessTiming; textlint: ProcessTiming };
  };
  sizes: BundleSizes;
  /** Whether other work took a share of the cores during the run (see `machine.ts`). */
  busy: boolean;
}

export type Verdict = 'PASS' | 'FAIL' | 'SKIP';

export interface BudgetCheck {
  budget: string;
  measured: string;
  verdict: Verdict;
}

const MB = 1000 * 1000;

function verdict(pass: boolean | undefined): Verdict {
  return pass === undefined ? 'SKIP' : pass ? 'PASS' : 'FAIL';
}

/**
 * A time budget. On a busy machine wall-clock time mostly measures the other work, so where the
 * process's own CPU time was measured the verdict goes by it, and the line says so.
 */
function timed(budget: string, wallMs: number, cpuMs: number | undefined, busy: boolean, pass: (ms: number) => boolean, format: (ms: number) => string = formatMs): BudgetCheck {
  const byCpu = busy && cpuMs !== undefined;
  const cpuNote = cpuMs === undefined ? '' : `; CPU ${format(cpuMs)}`;
  const measured = `${format(wallMs)} wall${cpuNote}${byCpu ? ' — judged on CPU time (busy machine)' : ''}`;
  return { budget, measured, verdict: verdict(pass(byCpu ? cpuMs : wallMs)) };
}

const times = (x: number) => `${x.toFixed(1)}×`;
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The budgets of the performance issue, in its order. */
export function checkBudgets(r: Results): BudgetCheck[] {
  const { postlint, markdownlint, textlint } = r.perPost;
  const { busy } = r;
  const doc = r.documents;
  const cpuOf = (d: Distribution, key: 'p50' | 'p95') => d.cpu?.[key];
  const ratio = (peer: Distribution, key: 'cpu' | 'wall') => (key === 'cpu' ? peer.cpu!.p50 / postlint.cpu!.p50 : peer.p50 / postlint.p50);
  const growth = (small: string, large: string, key: 'wallMs' | 'cpuMs') => doc[large].postlint[key] / doc[small].postlint[key];
  const rss = r.oneMegabyte.postlint;
  const vsix = r.sizes.vsix;
  const webBytes = r.sizes.productionWebClientBytes + r.sizes.productionWebServerBytes;
  const { shortFile, folder } = r.cli;
  const share = (own: ProcessTiming, peer: ProcessTiming, key: 'wallMs' | 'cpuMs') => own[key] / peer[key];
  return [
    timed('engine per post p50 ≤ 0.1 ms', postlint.p50, cpuOf(postlint, 'p50'), busy, (ms) => ms <= 0.1),
    timed('engine per post p95 ≤ 0.3 ms', postlint.p95, cpuOf(postlint, 'p95'), busy, (ms) => ms <= 0.3),
    timed('≥ 10× faster than markdownlint per post (p50)', ratio(markdownlint, 'wall'), ratio(markdownlint, 'cpu'), busy, (x) => x >= 10, times),
    timed('≥ 18× faster than textlint per post (p50)', ratio(textlint, 'wall'), ratio(textlint, 'cpu'), busy, (x) => x >= 18, times),
    timed('1 MB document ≤ 100 ms', doc['1 MB'].postlint.wallMs, doc['1 MB'].postlint.cpuMs, busy, (ms) => ms <= 100),
    timed('10× input ≤ 12× time (5 KB → 50 KB)', growth('5 KB', '50 KB', 'wallMs'), growth('5 KB', '50 KB', 'cpuMs'), busy, (x) => x <= 12, times),
    timed('10× input ≤ 12× time (100 KB → 1 MB)', growth('100 KB', '1 MB', 'wallMs'), growth('100 KB', '1 MB', 'cpuMs'), busy, (x) => x <= 12, times),
    'maxRssMb' in rss
      ? { budget: 'peak RSS linting a 1 MB post ≤ 100 MB', measured: `${rss.maxRssMb.toFixed(0)} MB`, verdict: verdict(rss.maxRssMb <= 100) }
      : { budget: 'peak RSS linting a 1 MB post ≤ 100 MB', measured: 'timed out', verdict: 'FAIL' },
    // The round trip spans two processes and the pipes between them: it is judged on wall time always.
    {
      budget: `LSP didChange → publishDiagnostics p95 ≤ 10 ms (${formatBytes(r.lsp.postBytes)} post)`,
      measured: `p95 ${formatMs(r.lsp.roundTrips.wall.p95)} wall (p50 ${formatMs(r.lsp.roundTrips.wall.p50)}); server CPU ${formatMs(r.lsp.roundTrips.serverCpuMsPerEdit)} per edit`,
      verdict: verdict(r.lsp.roundTrips.wall.p95 <= 10),
    },
    r.lsp.openPosts.rssMb === undefined
      ? { budget: `server RSS with ${r.lsp.openPosts.posts} open posts < 300 MB`, measured: 'not measured (no /proc)', verdict: 'SKIP' }
      : { budget: `server RSS with ${r.lsp.openPosts.posts} open posts < 300 MB`, measured: `${r.lsp.openPosts.rssMb.toFixed(0)} MB (peak ${r.lsp.openPosts.peakRssMb?.toFixed(0)} MB)`, verdict: verdict(r.lsp.openPosts.rssMb < 300) },
    timed(`feed preview, model + HTML p95 ≤ 10 ms (${formatBytes(r.lsp.postBytes)} post)`, r.preview.modelAndHtml.p95, r.preview.modelAndHtml.cpu?.p95, busy, (ms) => ms <= 10),
    timed('server start to first diagnostics ≤ 300 ms', r.lsp.serverStart.wallMs, r.lsp.serverStart.cpuMs, busy, (ms) => ms <= 300),
    timed('CLI, one short file, whole process ≤ 150 ms', shortFile.postlint.wallMs, shortFile.postlint.cpuMs, busy, (ms) => ms <= 150),
    timed(`CLI, ${folder.files} posts ≤ 25% of markdownlint-cli2 (default output each)`, share(folder.postlint, folder.markdownlint, 'wallMs'), share(folder.postlint, folder.markdownlint, 'cpuMs'), busy, (x) => x <= 0.25, percent),
    timed(`CLI, ${folder.files} posts ≤ 15% of textlint (JSON each)`, share(folder.postlintJson, folder.textlint, 'wallMs'), share(folder.postlintJson, folder.textlint, 'cpuMs'), busy, (x) => x <= 0.15, percent),
    { budget: 'server bundle (production) ≤ 1.5 MB', measured: formatBytes(r.sizes.productionServerBytes), verdict: verdict(r.sizes.productionServerBytes <= 1.5 * MB) },
    {
      budget: 'web client + server worker (production) ≤ 1.3 MB',
      measured: `${formatBytes(webBytes)} (client ${formatBytes(r.sizes.productionWebClientBytes)} + server ${formatBytes(r.sizes.productionWebServerBytes)})`,
      verdict: verdict(webBytes <= 1.3 * MB),
    },
    vsix
      ? { budget: '.vsix ≤ 1 MB', measured: `${formatBytes(vsix.bytes)} (${vsix.file})`, verdict: verdict(vsix.bytes <= MB) }
      : { budget: '.vsix ≤ 1 MB', measured: 'not built (npm run package)', verdict: 'SKIP' },
  ];
}

/** The README's one line. */
export function headline(r: Results): string {
  const { postlint, markdownlint, textlint } = r.perPost;
  const key = r.busy && postlint.cpu && markdownlint.cpu && textlint.cpu ? 'cpu' : 'wall';
  const p50 = (d: Distribution) => (key === 'cpu' ? d.cpu!.p50 : d.p50);
  const note = key === 'cpu' ? ' (CPU time)' : '';
  return `postlint lints a post in ${formatMs(p50(postlint))}${note} (median), ${(p50(markdownlint) / p50(postlint)).toFixed(0)}× faster than markdownlint and ${(p50(textlint) / p50(postlint)).toFixed(0)}× faster than textlint on the same posts.`;
}
