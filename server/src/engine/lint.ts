import { resolveConfig, resolveRuleLevels, isRecord, unknownPlatformMessage, ProblemLog, type Config, type PostlintSettings, type RuleLevel } from './config';
import { applyDirectives } from './directives';
import { measure } from './count/measure';
import { PLATFORMS, resolvePlatform } from './count/platforms';
import type { FrontMatterProblem } from './parse/frontMatter';
import { detectLanguage, parsePost, type ParsedPost } from './parse/post';
import { LineIndex, snapToCodePoint } from './parse/lines';
import type { Finding, PlatformTarget, Rule, RuleContext } from './rule';
import { exceedsFileSize } from './fileSize';
import { partAt, partMeasures, threadParts } from './parse/thread';
import { reportUserPatterns } from './patterns';
import { defineLazyFixes } from './findingFixes';
import { placeAnchored, type Anchor } from './anchor';
import type { RuleSet } from './ruleSet';
import { inLocale, type ConfigProblem, type Diagnostic, type LintResult, type LintStats, type Localized, type PlatformStats, type Severity } from './types';

export interface RuleFailure {
  rule: string;
  error: string;
}

export interface LintOutput extends LintResult {
  /** Rules that threw; the others still reported. Hosts log these with the document's name. */
  ruleFailures: RuleFailure[];
  /** Settings problems that arose in this very lint (a team pattern switched off); also in `configProblems`. */
  newConfigProblems?: ConfigProblem[];
}

/**
 * Lints one post with the rules of `set`. Pure: no I/O, no editor. `engine/index.ts` binds the built-in
 * rules as `lint(text, settings)`, which the server, the CLI and the tests call. `settings` is the
 * `postlint.*` object; it is validated and compiled once per object identity.
 */
export function lintWith(set: RuleSet, text: string, settings: PostlintSettings = {}): LintOutput {
  const config = resolveConfig(settings, set);
  if (exceedsFileSize(text, config.maxFileSize)) return lintOversized(text, config);
  const post = parsePost(text);
  const setup = setUpPost(post, config);
  const targets: PlatformTarget[] = setup.platforms.map((id) => {
    const spec = resolvePlatform(id, config.platformOverrides[id])!;
    return { spec, measure: measure(post.published.text, spec) };
  });

  const reported = new Reported();
  const ruleFailures: RuleFailure[] = [];
  const problemsBefore = patternProblems(config).length;
  for (const rule of set.rules) {
    // The file-size rule reports only what is over the limit, and such a file took the branch above:
    // asking it here would count a long post's bytes a second time (7 ms on 1 MB).
    if (rule.meta.role === 'file-size') continue;
    const level = setup.levels.get(rule.meta.id);
    if (!level || level.severity === 'off') continue;
    try {
      runRule(rule, level, post, config, targets, setup.frontMatterProblems, reported);
    } catch (error) {
      ruleFailures.push(failureOf(rule, error));
    }
  }
  const diagnostics = reported.toDiagnostics(post, ruleFailures);
  diagnostics.sort(byPosition);
  // Inline directives are the innermost layer of configuration: they have the last word.
  const late = patternProblems(config);
  const configProblems = late.length === 0 ? config.problems : [...config.problems, ...late];
  const output: LintOutput = { diagnostics: applyDirectives(diagnostics, post, set), stats: statsOf(targets, post), configProblems, ruleFailures };
  if (late.length > problemsBefore) output.newConfigProblems = late.slice(problemsBefore);
  return output;
}

/** The patterns these settings had to switch off or skip so far (see `patterns.ts`). */
function patternProblems(config: Config): ConfigProblem[] {
  return config.patterns.problems((message) => inLocale(message, config.locale));
}

/**
 * A file over `postlint.maxFileSize` is not parsed or counted, so a pasted log never stalls the editor:
 * only the file-size rule (`role: 'file-size'`) runs, and the stats list no platform (the status bar shows no count).
 */
function lintOversized(text: string, config: Config): LintOutput {
  // The finding sits on the first characters, so only they need line positions: indexing megabytes
  // of line starts on every keystroke would cost more than the rest of this function.
  const post: ParsedPost = { ...parsePost(''), text, lines: new LineIndex(text.slice(0, 8)), lang: detectLanguage(text), derived: new Map() };
  const reported = new Reported();
  for (const rule of config.ruleSet.rules) {
    if (rule.meta.role !== 'file-size') continue;
    const level = config.rules.get(rule.meta.id);
    if (level && level.severity !== 'off') runRule(rule, level, post, config, [], [], reported);
  }
  const diagnostics = reported.toDiagnostics(post, []);
  const spec = resolvePlatform(config.platform, config.platformOverrides[config.platform])!;
  const primary: PlatformStats = { platform: spec.id, length: 0, limit: spec.limit };
  if (spec.fold !== undefined) primary.fold = spec.fold;
  return { diagnostics, stats: { ...primary, platforms: [], lang: post.lang }, configProblems: config.problems, ruleFailures: [] };
}

interface PostSetup {
  platforms: string[];
  levels: Map<string, RuleLevel>;
  frontMatterProblems: FrontMatterProblem[];
}

/** Front matter may pick platforms and tune rules for this post; settings fill in the rest. */
function setUpPost(post: ParsedPost, config: Config): PostSetup {
  const fm = post.frontMatter;
  const frontMatterProblems: FrontMatterProblem[] = fm ? [...fm.problems] : [];
  let platforms = [config.platform];
  let levels = config.rules;
  if (!fm) return { platforms, levels, frontMatterProblems };

  const keySpan = (key: string): { start: number; end: number } => {
    const match = new RegExp(`^${key}[ \\t]*:`, 'm').exec(post.text.slice(fm.contentStart, fm.contentEnd));
    if (!match) return { start: fm.start, end: fm.start + 3 };
    return { start: fm.contentStart + match.index, end: fm.contentStart + match.index + key.length };
  };

  const platformValue = fm.data.platform;
  if (platformValue !== undefined && platformValue !== null) {
    const requested = Array.isArray(platformValue) ? platformValue : [platformValue];
    const valid: string[] = [];
    for (const value of requested) {
      const id = typeof value === 'string' ? value.trim().toLowerCase() : value;
      if (typeof id === 'string' && PLATFORMS[id]) {
        if (!valid.includes(id)) valid.push(id);
      } else {
        frontMatterProblems.push({ ...keySpan('platform'), message: `platform: ${unknownPlatformMessage(value, config.locale)}` });
      }
    }
    if (valid.length > 0) platforms = valid;
  }

  const own = fm.data.postlint;
  if (own !== undefined && own !== null) {
    const problems = new ProblemLog(config.locale);
    if (isRecord(own)) {
      for (const key of Object.keys(own)) if (key !== 'rules') problems.add(`postlint.${key}`, { en: 'is not read from front matter; a post can only set postlint.rules.', zh: '不能写在 front matter 里；单篇帖子只能设置 postlint.rules。' });
      levels = resolveRuleLevels(own.rules, 'postlint.rules', problems, config.ruleSet, config.rules);
    } else problems.add('postlint', { en: 'must be a mapping such as { rules: { formatting: off } }.', zh: '应为映射，例如 { rules: { formatting: off } }。' });
    const span = keySpan('postlint');
    for (const p of problems.list()) frontMatterProblems.push({ ...span, message: `${p.key}: ${p.message}` });
  }
  return { platforms, levels, frontMatterProblems };
}

/**
 * A megabyte of "立即下单" is 250,000 findings: as LSP diagnostics, a message of some 80 MB that no editor
 * shows anyway. Past this many, a rule's findings are dropped; the first ones say what to fix.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

function failureOf(rule: Rule, error: unknown): RuleFailure {
  return { rule: rule.meta.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/**
 * Findings as the rules report them, made diagnostics once every rule has run. Made inside each rule's
 * call to `report`, the diagnostic-building code was compiled again into every rule's optimized code;
 * made here, it is compiled once (a sixth less optimizing-compiler time on a cold run over 2,000 posts).
 */
class Reported {
  private readonly rules: Rule[] = [];
  private readonly findings: Finding[] = [];
  private readonly severities: Severity[] = [];

  add(rule: Rule, finding: Finding, configured: Severity): void {
    this.rules.push(rule);
    this.findings.push(finding);
    this.severities.push(configured);
  }

  /** A finding that cannot be made a diagnostic counts as its rule failing, as a throw inside the rule would. */
  toDiagnostics(post: ParsedPost, ruleFailures: RuleFailure[]): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const anchors: (Anchor | undefined)[] = [];
    for (let i = 0; i < this.findings.length; i++) {
      const rule = this.rules[i];
      try {
        diagnostics.push(toDiagnostic(rule, this.findings[i], this.severities[i], post));
        anchors.push(this.findings[i].anchor);
      } catch (error) {
        if (!ruleFailures.some((failure) => failure.rule === rule.meta.id)) ruleFailures.push(failureOf(rule, error));
      }
    }
    placeAnchored(diagnostics, anchors, post);
    return diagnostics;
  }
}

function runRule(
  rule: Rule,
  level: RuleLevel,
  post: ParsedPost,
  config: Config,
  targets: PlatformTarget[],
  frontMatterProblems: FrontMatterProblem[],
  out: Reported,
): void {
  const locale = config.locale;
  const configured = level.severity as Severity;
  let reported = 0;
  const context: RuleContext = {
    post,
    config,
    targets,
    options: level.options,
    locale,
    frontMatterProblems,
    t: (text: Localized) => inLocale(text, locale),
    report: (finding: Finding) => {
      if (reported < MAX_FINDINGS_PER_RULE) out.add(rule, finding, configured);
      return ++reported < MAX_FINDINGS_PER_RULE;
    },
  };
  rule.check(context);
  // The team's patterns filed under this rule share its severity, and its on/off switch.
  reportUserPatterns(context, rule.meta.id, config.patterns);
}

const ESCALATION: Record<Severity, Severity> = { hint: 'information', information: 'warning', warning: 'error', error: 'error' };

/**
 * In source order; findings at the same place by rule id. Rule ids are ASCII, so code-unit order
 * serves: `localeCompare` would load ICU's collator on a process's first tie, some 5 ms.
 */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Every rule builds its findings its own way, so reading a finding's optional fields straight from it
 * is a megamorphic lookup, mostly of absent properties: the slowest kind, and the largest item of
 * `lint` in a profile. Copied onto one shape first (Object.assign walks the source without inline
 * caches), every read below is monomorphic.
 */
interface NormalizedFinding {
  start: number;
  end: number;
  message: string;
  fixes: Finding['fixes'];
  escalate: boolean | undefined;
  severity: Severity | undefined;
  platform: string | undefined;
  phrase: string | undefined;
}

function normalized(finding: Finding): NormalizedFinding {
  const shape: NormalizedFinding = { start: 0, end: 0, message: '', fixes: undefined, escalate: undefined, severity: undefined, platform: undefined, phrase: undefined };
  return Object.assign(shape, finding);
}

function toDiagnostic(rule: Rule, reported: Finding, configured: Severity, post: ParsedPost): Diagnostic {
  const finding = normalized(reported);
  const text = post.text;
  const start = snapToCodePoint(text, Math.max(0, Math.min(finding.start, text.length)));
  const end = snapToCodePoint(text, Math.max(start, Math.min(finding.end, text.length)));
  const severity = finding.severity ?? (finding.escalate ? ESCALATION[configured] : configured);
  const diagnostic = {
    rule: rule.meta.id,
    family: rule.meta.family,
    severity,
    message: finding.message,
    range: post.lines.rangeAt(start, end),
    start,
    end,
    docs: rule.meta.docs,
  } as Diagnostic;
  // Defined after `docs` either way, so lazy and eager diagnostics list their keys in one order.
  // Fixes given as data are converted on first read too: the CLI prints most findings without them.
  const fixes = finding.fixes;
  if (typeof fixes === 'function') defineLazyFixes(diagnostic, fixes, post, severity);
  else if (fixes !== undefined && fixes.length > 0) {
    // A malformed fix still fails its rule here, where the rule is known, not later in whoever reads it.
    for (const fix of fixes) if (!Array.isArray(fix.edits)) throw new TypeError(`fix "${fix.title}" has no edits`);
    defineLazyFixes(diagnostic, () => fixes, post, severity);
  } else diagnostic.fixes = [];
  if (finding.platform) diagnostic.platform = finding.platform;
  if (finding.phrase) diagnostic.phrase = finding.phrase;
  return diagnostic;
}

/**
 * How each target platform counted this post, for hovers; kept off the per-keystroke path.
 * For a thread, the count is the one of the part holding source offset `at` (the first part by default).
 */
export function explainCountWith(set: RuleSet, text: string, settings: PostlintSettings = {}, at = 0): PlatformStats[] {
  const config = resolveConfig(settings, set);
  const post = parsePost(text);
  const part = partAt(threadParts(post), post.published.toPublished(at));
  return setUpPost(post, config).platforms.map((id) => {
    const spec = resolvePlatform(id, config.platformOverrides[id])!;
    const m = partMeasures(post, spec)?.[part] ?? measure(post.published.text, spec);
    const stats: PlatformStats = { platform: id, length: m.length, limit: spec.limit, breakdown: m.breakdown(config.locale) };
    if (spec.fold !== undefined) stats.fold = spec.fold;
    return stats;
  });
}

function statsOf(targets: PlatformTarget[], post: ParsedPost): LintStats {
  const platforms = targets.map(({ spec, measure: m }) => {
    // A thread's parts are posted one by one: its length is its longest part's.
    const parts = partMeasures(post, spec);
    const length = parts ? Math.max(...parts.map((p) => p.length)) : m.length;
    const stats: PlatformStats = { platform: spec.id, length, limit: spec.limit };
    if (spec.fold !== undefined) stats.fold = spec.fold;
    if (parts) {
      stats.parts = parts.length;
      const starts = threadParts(post);
      stats.thread = parts.map((p, i) => ({ start: post.published.toSource(starts[i].start, 'start'), length: p.length }));
    }
    return stats;
  });
  // Field by field rather than a spread of the first platform's stats: a spread over stats of several
  // shapes (with and without a fold or parts) sent the optimized `lint` back to the interpreter.
  const primary = platforms[0];
  const summary: LintStats = { platform: primary.platform, length: primary.length, limit: primary.limit } as LintStats;
  if (primary.fold !== undefined) summary.fold = primary.fold;
  if (primary.parts !== undefined) summary.parts = primary.parts;
  summary.platforms = platforms;
  summary.lang = post.lang;
  return summary;
}
