/**
 * The team's own regular expressions (`postlint.patterns`). A workspace may come from a stranger,
 * so patterns run on RE2 (`re2js`): matching is linear in the post whatever the pattern, and a
 * pattern RE2 cannot run in linear time (lookahead, backreferences) is rejected with a message.
 *
 * Patterns are compiled once per settings object. Per lint, one automaton over all of them tells
 * in a single pass which ones match at all; only those are asked where.
 *
 * Linear is not yet cheap: RE2 steps through the whole compiled program for each character, so a
 * pattern such as `[\p{L}]{1000}` costs a thousand steps a character. Three bounds keep the editor
 * answering: a pattern whose program is larger than `MAX_PATTERN_PROGRAM` is refused; a pattern is
 * not run on a post where program × length exceeds `MAX_PATTERN_WORK`; and when the patterns of one
 * lint take more than `PATTERN_BUDGET_MS`, the slowest is switched off for these settings. Each says
 * so with a message naming the pattern.
 */
import type { RE2JS, RE2Set } from 're2js';
import { re2Module } from './onDemand';
import type { RuleContext } from './rule';
import { isFamily, rulesNamedBy, ruleWithRole, type RuleSet } from './ruleSet';
import { isRecord, shown, type ProblemLog } from './settings/problems';
import { unknownRuleMessage } from './settings/ruleLevels';
import type { ConfigProblem, Localized } from './types';

export const MAX_PATTERNS = 200;
export const MAX_PATTERN_LENGTH = 1000;
/** A pattern such as `a` on a long post would otherwise produce one finding per character. */
export const MAX_FINDINGS_PER_PATTERN = 100;
/** RE2's program size (about one instruction per character class or repetition); `\d+% off` is 9. */
export const MAX_PATTERN_PROGRAM = 400;
/** Program size × characters one pattern may be run over in one lint: 10 ms to 1 s, however bad the pattern. */
export const MAX_PATTERN_WORK = 10_000_000;
/** Time the patterns of one lint may take together before the slowest is switched off. */
export const PATTERN_BUDGET_MS = 250;

let clock: () => number = () => performance.now();
/** Test-only: a clock for the pattern budget, so a test can make a pattern slow without being slow. */
export function setPatternClock(now?: () => number): void {
  clock = now ?? (() => performance.now());
}

/** Linear-time lookbehind is allowed; `^`/`$` are whole-text anchors unless the pattern says `(?m)`. */
const flags = (): number => re2Module().RE2JS.LOOKBEHINDS;

export interface UserPattern {
  /** Index in `postlint.patterns`, for messages. */
  index: number;
  regex: RE2JS;
  /** The rule id the findings are filed under. */
  rule: string;
  message: Localized;
  /** Replacement text; `$1`, `$<name>` and `$$` refer to the match as in JavaScript. */
  rewrite?: string;
  /** RE2's program size, the cost of each character matched. */
  size: number;
}

export class UserPatterns {
  private readonly byRule = new Map<string, UserPattern[]>();
  private readonly set: RE2Set | undefined;
  private readonly setSize: number;
  private lastText: string | undefined;
  private lastMatching = new Set<UserPattern>();
  /** Patterns switched off or skipped for these settings, with the reason, for the settings problems. */
  private readonly notices = new Map<string, { key: string; message: Localized }>();
  /** The lint being timed (its post), the time its patterns took so far, and each pattern's share. */
  private timedLint: object | undefined;
  private spentMs = 0;
  private readonly spentBy = new Map<UserPattern, number>();

  constructor(readonly list: readonly UserPattern[]) {
    for (const pattern of list) {
      const filed = this.byRule.get(pattern.rule);
      if (filed) filed.push(pattern);
      else this.byRule.set(pattern.rule, [pattern]);
    }
    this.setSize = list.reduce((sum, p) => sum + p.size, 0);
    if (list.length === 0) return;
    try {
      const { RE2Set } = re2Module();
      const set = new RE2Set(RE2Set.UNANCHORED, flags());
      for (const pattern of list) set.add(pattern.regex.pattern());
      set.compile();
      this.set = set;
    } catch {
      // Each pattern compiled on its own; if together they exceed the set's memory bound, test them one by one.
      this.set = undefined;
    }
  }

  filedUnder(rule: string): readonly UserPattern[] {
    return this.byRule.get(rule) ?? [];
  }

  /**
   * Whether `pattern` may match `text`; one pass over the text for all patterns, remembered for the next
   * rule. Where that one pass would cost more than a pattern may, every pattern is asked on its own.
   */
  matches(pattern: UserPattern, text: string): boolean {
    if (text !== this.lastText) {
      this.lastText = text;
      this.lastMatching = this.set && this.setSize * text.length <= MAX_PATTERN_WORK ? new Set(this.set.match(text).map((id) => this.list[id])) : new Set(this.list);
    }
    return this.lastMatching.has(pattern);
  }

  /** Whether `pattern` may run on `text` in the lint of `post`; says why not, once per pattern and reason. */
  mayRun(pattern: UserPattern, post: object, text: string): boolean {
    if (post !== this.timedLint) {
      this.timedLint = post;
      this.spentMs = 0;
      this.spentBy.clear();
    }
    if (this.notices.has(`off:${pattern.index}`)) return false;
    if (pattern.size * text.length > MAX_PATTERN_WORK) {
      const most = Math.floor(MAX_PATTERN_WORK / pattern.size);
      this.notify(`long:${pattern.index}`, pattern, {
        en: `is not run on posts longer than ${most} characters: its program has ${pattern.size} steps, each taken for every character. Shorten its repetitions to run it on them.`,
        zh: `不会在超过 ${most} 个字符的帖子上运行：它编译后有 ${pattern.size} 步，每个字符都要走一遍。缩短其中的重复次数即可。`,
      });
      return false;
    }
    return true;
  }

  /** Records how long `pattern` took; past the lint's budget, the slowest pattern so far is switched off. */
  ran(pattern: UserPattern, ms: number): void {
    this.spentMs += ms;
    this.spentBy.set(pattern, (this.spentBy.get(pattern) ?? 0) + ms);
    if (this.spentMs <= PATTERN_BUDGET_MS) return;
    let slowest = pattern;
    for (const [p, spent] of this.spentBy) if (spent > this.spentBy.get(slowest)!) slowest = p;
    const took = Math.round(this.spentBy.get(slowest)!);
    this.spentBy.delete(slowest);
    this.spentMs -= took;
    this.notify(`off:${slowest.index}`, slowest, {
      en: `took ${took} ms on one post, more than the ${PATTERN_BUDGET_MS} ms all patterns may take together; it is switched off until the settings change.`,
      zh: `在一篇帖子上用了 ${took} 毫秒，超过所有正则合计可用的 ${PATTERN_BUDGET_MS} 毫秒；在设置改动之前已停用。`,
    });
  }

  private notify(id: string, pattern: UserPattern, message: Localized): void {
    if (!this.notices.has(id)) this.notices.set(id, { key: `postlint.patterns[${pattern.index}].pattern`, message });
  }

  /** What the patterns had to skip so far, as settings problems. */
  problems(t: (message: Localized) => string): ConfigProblem[] {
    return [...this.notices.values()].map(({ key, message }) => ({ key, message: t(message) }));
  }
}

export const NO_PATTERNS = new UserPatterns([]);

/** Validates `postlint.patterns` and compiles each valid one; a bad pattern is reported and skipped. */
export function compileUserPatterns(input: unknown, log: ProblemLog, set: RuleSet): UserPatterns {
  if (input === undefined || input === null) return NO_PATTERNS;
  if (!Array.isArray(input)) {
    log.add('postlint.patterns', { en: 'must be a list of { "pattern", "message", "rule"?, "rewrite"? } objects.', zh: '应为 { "pattern", "message", "rule"?, "rewrite"? } 对象的列表。' });
    return NO_PATTERNS;
  }
  if (input.length > MAX_PATTERNS) {
    log.add('postlint.patterns', { en: `holds ${input.length} patterns; only the first ${MAX_PATTERNS} are used.`, zh: `共 ${input.length} 个正则；只使用前 ${MAX_PATTERNS} 个。` });
  }
  const list: UserPattern[] = [];
  input.slice(0, MAX_PATTERNS).forEach((item, index) => {
    const compiled = compileOne(item, `postlint.patterns[${index}]`, index, log, set);
    if (compiled) list.push(compiled);
  });
  return new UserPatterns(list);
}

function compileOne(item: unknown, key: string, index: number, log: ProblemLog, set: RuleSet): UserPattern | undefined {
  if (!isRecord(item)) {
    log.add(key, { en: `must be an object such as { "pattern": "\\\\d+% off", "message": "…" }, not ${shown(item)}.`, zh: `应为对象，例如 { "pattern": "\\\\d+% off", "message": "…" }，而不是 ${shown(item)}。` });
    return undefined;
  }
  for (const field of Object.keys(item)) {
    if (!['pattern', 'message', 'rule', 'rewrite'].includes(field)) {
      log.add(`${key}.${field}`, { en: 'is not a field of a pattern; use pattern, message, rule or rewrite.', zh: '不是正则条目的字段；可用 pattern、message、rule、rewrite。' });
    }
  }
  const regex = compileRegex(item.pattern, `${key}.pattern`, log);
  const message = toMessage(item.message, `${key}.message`, log);
  const rule = resolveRule(item.rule, `${key}.rule`, log, set);
  let rewrite: string | undefined;
  if (typeof item.rewrite === 'string') rewrite = item.rewrite;
  else if (item.rewrite !== undefined) log.add(`${key}.rewrite`, { en: 'must be a string: the replacement to offer as a fix.', zh: '应为字符串：作为修复建议的替换文字。' });
  if (!regex || !message || !rule) return undefined;
  return { index, regex, rule, message, size: regex.programSize(), ...(rewrite !== undefined ? { rewrite } : {}) };
}

function compileRegex(source: unknown, key: string, log: ProblemLog): RE2JS | undefined {
  if (typeof source !== 'string' || source === '') {
    log.add(key, { en: 'is required: a regular expression in RE2 syntax, as a non-empty string.', zh: '必填：RE2 语法的正则表达式（非空字符串）。' });
    return undefined;
  }
  if (source.length > MAX_PATTERN_LENGTH) {
    log.add(key, { en: `is ${source.length} characters long; a pattern may have at most ${MAX_PATTERN_LENGTH}.`, zh: `长 ${source.length} 个字符；一个正则最多 ${MAX_PATTERN_LENGTH} 个字符。` });
    return undefined;
  }
  try {
    const regex = re2Module().RE2JS.compile(source, flags());
    const size = regex.programSize();
    if (size > MAX_PATTERN_PROGRAM) {
      log.add(key, {
        en: `compiles to a program of ${size} steps, and each is taken for every character of a post; a pattern may have at most ${MAX_PATTERN_PROGRAM}. Shorten long repetitions such as {1000} or chains of optional parts.`,
        zh: `编译后有 ${size} 步，每个字符都要走一遍；一个正则最多 ${MAX_PATTERN_PROGRAM} 步。请缩短 {1000} 这样的长重复或一长串可选部分。`,
      });
      return undefined;
    }
    return regex;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    log.add(key, {
      en: `cannot be used: ${reason}. Patterns use RE2 syntax, which has no lookahead or backreferences so that no pattern can freeze the editor.`,
      zh: `无法使用：${reason}。正则采用 RE2 语法，不支持前瞻和反向引用，这样任何正则都不会卡住编辑器。`,
    });
    return undefined;
  }
}

function toMessage(value: unknown, key: string, log: ProblemLog): Localized | undefined {
  if (typeof value === 'string' && value.trim()) return { en: value, zh: value };
  if (isRecord(value) && typeof value.en === 'string' && typeof value.zh === 'string') return { en: value.en, zh: value.zh };
  log.add(key, { en: 'is required: one sentence telling the writer what to do instead (a string, or { "en", "zh" }).', zh: '必填：一句话告诉作者该怎么改（字符串，或 { "en", "zh" }）。' });
  return undefined;
}

/**
 * A rule id files findings under that rule; no rule, or a family without a rule of its own name but with the
 * patterns' home rule (`formatting`), means that home rule (`formatting/pattern`, whose meta has `role: 'patterns'`).
 */
function resolveRule(value: unknown, key: string, log: ProblemLog, set: RuleSet): string | undefined {
  const home = ruleWithRole(set, 'patterns');
  if (value === undefined) return home?.meta.id;
  if (typeof value !== 'string') {
    log.add(key, { en: `must be a rule id or family such as "hard-selling", not ${shown(value)}.`, zh: `应为规则 id 或规则族，例如 "hard-selling"，而不是 ${shown(value)}。` });
    return undefined;
  }
  const named = rulesNamedBy(set, value);
  if (named.some((r) => r.meta.id === value)) return value;
  if (home && isFamily(value) && named.includes(home)) return home.meta.id;
  log.add(key, unknownRuleMessage(set, value));
  return undefined;
}

/** Reports the matches of the patterns filed under the rule being run, at that rule's severity. */
export function reportUserPatterns(context: RuleContext, rule: string, patterns: UserPatterns): void {
  const filed = patterns.filedUnder(rule);
  if (filed.length === 0) return;
  const { post, t } = context;
  const published = post.published;
  for (const pattern of filed) {
    if (!patterns.mayRun(pattern, post, published.text)) continue;
    const started = clock();
    const spans: [number, number][] = patterns.matches(pattern, published.text) ? (pattern.regex.re2().findAllIndex(published.text, MAX_FINDINGS_PER_PATTERN) ?? []) : [];
    patterns.ran(pattern, clock() - started);
    for (const [from, to] of spans) {
      if (to === from) continue;
      const start = published.toSource(from, 'start');
      const end = published.toSource(to, 'end');
      const message = t(pattern.message);
      // A match that spans hidden text (a comment) gets no fix: replacing it would delete what the reader never saw.
      if (pattern.rewrite === undefined || end - start !== to - from) {
        context.report({ start, end, message });
        continue;
      }
      const newText = expandRewrite(pattern, published.text, from, pattern.rewrite);
      const title = newText === '' ? t({ en: `Remove '${post.text.slice(start, end)}'`, zh: `删除“${post.text.slice(start, end)}”` }) : t({ en: `Replace with '${newText}'`, zh: `替换为“${newText}”` });
      context.report({ start, end, message, fixes: [{ title, edits: [{ start, end, newText }], preferred: true }] });
    }
  }
}

/** `$1`, `$<name>` and `$$` in a rewrite, as `String.prototype.replace` reads them. */
function expandRewrite(pattern: UserPattern, text: string, from: number, rewrite: string): string {
  if (!rewrite.includes('$')) return rewrite;
  const matcher = pattern.regex.matcher(text);
  if (!matcher.find(from)) return rewrite;
  return rewrite.replace(/\$(\$|\d{1,2}|<([^>]+)>)/g, (whole, ref: string, name: string | undefined) => {
    if (ref === '$') return '$';
    try {
      return matcher.group(name ?? Number(ref)) ?? '';
    } catch {
      return whole;
    }
  });
}
