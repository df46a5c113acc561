/**
 * `npm run eval`: first the quality set (`test/quality/`, drafts labelled with the families an editor would
 * flag): per family precision and recall on its test half, and the share of drafts exactly right. Then the
 * real `lint()` over the shared corpora (`../shared/corpus/*.jsonl`, next to the repository, skipped with a
 * message where absent): per file and per label where the label matters, the share of posts each family
 * flags; then the goals the families are held to, PASS or MISS.
 *
 *   npm run eval                          quality (test half), then tables for every corpus file
 *   npm run eval -- --dev                 quality on the dev half, with every dev draft that came out wrong
 *   npm run eval -- --quality             the quality table only, without the corpus
 *   npm run eval -- --markdown            the quality and goals tables as Markdown, for the README
 *   npm run eval -- --show hard-selling:spam_en:ham [--misses] [--limit 20]
 *                                         sample posts the family flags (or misses), with what it flagged
 *   npm run eval -- --timing              per-post cost of each lexicon family on corpus posts (µs)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FAMILIES, lint, PHRASE_FAMILIES, type Family, type PostlintSettings, type Severity, type SeverityOrOff } from '../server/src/engine';
import { exactLine, flaggedFamilies, isExact, loadQualitySet, SCORE_HEADER, scoreResults, scoreRows, type DraftResult, type Split } from './quality';

interface CorpusRecord {
  text: string;
  label_if_any?: string;
}

interface Post {
  file: string;
  label: string | undefined;
  text: string;
  /** Families that reported at least one finding, with the phrases they flagged. */
  flagged: Map<Family, string[]>;
  /** The highest severity each flagged family reached. */
  severity: Map<Family, Severity>;
}

interface Goal {
  family: Family;
  file: string;
  label?: string;
  op: '>=' | '<=';
  target: number;
  /** Only findings at this severity or above count (default: any). */
  atLeast?: Severity;
}

const GOALS: Goal[] = [
  { family: 'press-release-tone', file: 'press_releases_en', op: '>=', target: 0.9, atLeast: 'warning' },
  { family: 'press-release-tone', file: 'officialese_zh_cctv', op: '>=', target: 0.9, atLeast: 'warning' },
  { family: 'press-release-tone', file: 'tweets_en_ordinary', op: '<=', target: 0.03, atLeast: 'warning' },
  { family: 'press-release-tone', file: 'weibo_zh_senti100k', op: '<=', target: 0.03, atLeast: 'warning' },
  { family: 'press-release-tone', file: 'weibo_zh_covid2020', op: '<=', target: 0.03, atLeast: 'warning' },
  { family: 'hard-selling', file: 'spam_en', label: 'spam', op: '>=', target: 0.7 },
  { family: 'hard-selling', file: 'spam_en', label: 'ham', op: '<=', target: 0.02 },
  { family: 'hard-selling', file: 'tweets_en_ordinary', op: '<=', target: 0.03 },
  { family: 'hard-selling', file: 'weibo_zh_senti100k', op: '<=', target: 0.03 },
  { family: 'hard-selling', file: 'weibo_zh_covid2020', op: '<=', target: 0.03 },
  { family: 'hard-selling', file: 'ads_zh', op: '<=', target: 0.1 },
];

/** Files whose `label_if_any` splits them into groups worth measuring apart. */
const LABEL_GROUPS: Record<string, (label: string) => string | undefined> = {
  spam_en: (label) => /=(spam|ham)\b/.exec(label)?.[1],
  tweets_en_brand_org: (label) => /category=(\w+)/.exec(label)?.[1] ?? (label.includes('politician') ? 'politician' : undefined),
};

const LEXICON_FAMILIES = PHRASE_FAMILIES.map((family) => family.id as Family);

function main(): void {
  const args = process.argv.slice(2);
  const repoRoot = join(__dirname, '..');
  const markdown = args.includes('--markdown');
  const show = valueOf(args, '--show');
  if (!show && !args.includes('--timing')) printQuality(join(repoRoot, 'test', 'quality'), args.includes('--dev') ? 'dev' : 'test', markdown);

  if (args.includes('--quality')) return;
  const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
  if (!existsSync(corpusDir)) {
    console.log(`\neval: no corpora at ${join('..', 'shared', 'corpus')} (relative to the repository); skipping the corpus rates.`);
    return;
  }
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl')).sort();
  const settings: PostlintSettings = {};
  const posts = files.flatMap((file) => readCorpus(join(corpusDir, file)).map((record) => lintRecord(basename(file, '.jsonl'), record, settings)));

  if (markdown) {
    console.log(`\n${goalsMarkdown(posts)}`);
    return;
  }
  if (show) {
    showSamples(posts, show, args.includes('--misses'), Number(valueOf(args, '--limit') ?? 20));
    return;
  }
  if (args.includes('--timing')) {
    printTiming(posts);
    return;
  }
  console.log('');
  printShares(posts);
  console.log('');
  printGoals(posts);
}

function valueOf(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function readCorpus(path: string): CorpusRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusRecord)
    .filter((r) => typeof r.text === 'string');
}

function lintRecord(file: string, record: CorpusRecord, settings: PostlintSettings): Post {
  const { diagnostics } = lint(record.text, settings);
  const flagged = new Map<Family, string[]>();
  const severity = new Map<Family, Severity>();
  for (const d of diagnostics) {
    const list = flagged.get(d.family) ?? [];
    list.push(d.phrase ?? record.text.slice(d.start, d.end));
    flagged.set(d.family, list);
    const before = severity.get(d.family);
    if (before === undefined || SEVERITY_RANK[d.severity] > SEVERITY_RANK[before]) severity.set(d.family, d.severity);
  }
  const group = Object.hasOwn(LABEL_GROUPS, file) ? LABEL_GROUPS[file] : undefined;
  return { file, label: group && record.label_if_any ? group(record.label_if_any) : undefined, text: record.text, flagged, severity };
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

function share(posts: Post[], family: Family, atLeast: Severity = 'hint'): number {
  const counts = (p: Post) => p.flagged.has(family) && SEVERITY_RANK[p.severity.get(family)!] >= SEVERITY_RANK[atLeast];
  return posts.length === 0 ? 0 : posts.filter(counts).length / posts.length;
}

/** Quality on one half of the set; on the dev half, every draft that came out wrong, to tune against. */
function printQuality(dir: string, split: Split, markdown: boolean): void {
  const drafts = loadQualitySet(dir).filter((d) => d.split === split);
  if (drafts.length === 0) {
    console.log(`eval: no ${split} drafts in test/quality; skipping the quality table.`);
    return;
  }
  const results: DraftResult[] = drafts.map((draft) => ({ draft, ...flaggedFamilies(lint(draft.text, {}).diagnostics, draft.text) }));
  const score = scoreResults(results);
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.log(`Quality set, ${split} half (${exactLine(score)}):\n`);
    console.log([line(SCORE_HEADER), line(SCORE_HEADER.map(() => '---')), ...scoreRows(score).map(line)].join('\n'));
    return;
  }
  console.log(`quality set, ${split} half: ${exactLine(score)}`);
  printTable(SCORE_HEADER, scoreRows(score));
  if (split !== 'dev') return;
  for (const result of results.filter((r) => !isExact(r))) {
    const { draft, got, evidence } = result;
    const missing = draft.expect.filter((f) => !got.includes(f));
    const extra = got.filter((f) => !draft.expect.includes(f));
    console.log(`\n- ${draft.id} (${draft.kind})${missing.length ? ` missed: ${missing.join(', ')}` : ''}${extra.length ? ` extra: ${extra.map((f) => `${f} [${[...new Set(evidence.get(f))].join(' | ')}]`).join(', ')}` : ''}`);
    console.log(`  why: ${draft.why}`);
  }
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function groups(posts: Post[]): { name: string; posts: Post[] }[] {
  const result: { name: string; posts: Post[] }[] = [];
  for (const file of [...new Set(posts.map((p) => p.file))]) {
    const inFile = posts.filter((p) => p.file === file);
    result.push({ name: file, posts: inFile });
    const labels = [...new Set(inFile.map((p) => p.label).filter((l): l is string => l !== undefined))].sort();
    for (const label of labels) result.push({ name: `  ${file}:${label}`, posts: inFile.filter((p) => p.label === label) });
  }
  return result;
}

function printShares(posts: Post[]): void {
  const rows = groups(posts).map((g) => [g.name, String(g.posts.length), ...FAMILIES.map((f) => percent(share(g.posts, f)))]);
  printTable(['corpus', 'posts', ...FAMILIES], rows);
}

function goalRows(posts: Post[]): string[][] {
  return GOALS.map((goal) => {
    const selected = posts.filter((p) => p.file === goal.file && (goal.label === undefined || p.label === goal.label));
    const actual = share(selected, goal.family, goal.atLeast);
    const met = selected.length > 0 && (goal.op === '>=' ? actual >= goal.target : actual <= goal.target);
    const where = `${goal.label ? `${goal.file} (${goal.label})` : goal.file}${goal.atLeast ? `, ${goal.atLeast}+` : ''}`;
    return [goal.family, where, `${goal.op === '>=' ? '≥' : '≤'} ${percent(goal.target)}`, selected.length ? percent(actual) : 'absent', met ? 'PASS' : 'MISS'];
  });
}

const GOAL_HEADER = ['family', 'corpus', 'goal', 'flagged', 'result'];

function printGoals(posts: Post[]): void {
  const rows = goalRows(posts);
  printTable(GOAL_HEADER, rows);
  const missed = rows.filter((r) => r[4] === 'MISS').length;
  console.log(missed ? `\n${missed} of ${rows.length} goals missed.` : `\nAll ${rows.length} goals pass.`);
}

function goalsMarkdown(posts: Post[]): string {
  const rows = goalRows(posts);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(GOAL_HEADER), line(GOAL_HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** `family:file[:label]`: prints flagged posts (or, with --misses, unflagged ones) to read by eye. */
function showSamples(posts: Post[], spec: string, misses: boolean, limit: number): void {
  const [family, file, label] = spec.split(':') as [Family, string, string | undefined];
  const selected = posts.filter((p) => p.file === file && (label === undefined || p.label === label) && p.flagged.has(family) !== misses);
  console.log(`${selected.length} posts ${misses ? 'not flagged' : 'flagged'} by ${family} in ${file}${label ? `:${label}` : ''}; showing ${Math.min(limit, selected.length)}`);
  for (const post of selected.slice(0, limit)) {
    const phrases = post.flagged.get(family);
    console.log(`\n- ${phrases ? `[${[...new Set(phrases)].join(' | ')}] ` : ''}${post.text.replace(/\s+/g, ' ').slice(0, 400)}`);
  }
}

/**
 * The cost of the lexicon families per post: lint with only them on, minus lint with every rule off
 * (parsing and counting). Each post's time is the fastest of a few passes over the whole corpus, so that
 * scheduling noise drops out while per-text caches (the English tokens) still start cold, as on a keystroke.
 */
function printTiming(posts: Post[]): void {
  const allOff: Record<string, SeverityOrOff> = Object.fromEntries(FAMILIES.map((f) => [f, 'off' as const]));
  const fastest = (settings: PostlintSettings): number[] => {
    const best = posts.map(() => Infinity);
    for (let pass = 0; pass < 5; pass++) {
      posts.forEach((post, i) => {
        const started = performance.now();
        lint(post.text, settings);
        best[i] = Math.min(best[i], (performance.now() - started) * 1000);
      });
    }
    return best;
  };
  const baseline = fastest({ rules: allOff });
  const rows: string[][] = [];
  // Each family alone, then all of them: together they share one tokenization of the post.
  for (const families of [...LEXICON_FAMILIES.map((f) => [f]), LEXICON_FAMILIES]) {
    const on = fastest({ rules: { ...allOff, ...Object.fromEntries(families.map((f) => [f, 'warning' as const])) } });
    const costs = on.map((t, i) => Math.max(0, t - baseline[i])).sort((a, b) => a - b);
    rows.push([families.join(' + '), String(costs.length), costs[Math.floor(costs.length / 2)].toFixed(1), costs[Math.floor(costs.length * 0.95)].toFixed(1)]);
  }
  printTable(['rules on', 'posts', 'median µs', 'p95 µs'], rows);
}

main();
