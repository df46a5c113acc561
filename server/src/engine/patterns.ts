/**
 * The team's own regular expressions (`postlint.patterns`). A workspace may come from a stranger,
 * so patterns run on RE2 (`re2js`): matching is linear in the post whatever the pattern, and a
 * pattern RE2 cannot run in linear time (lookahead, backreferences) is rejected with a message.
 *
 * Patterns are compiled once per settings object. Per lint, one automaton over all of them tells
 * in a single pass which ones match at all; only those are asked where.
 */
import { RE2JS, RE2Set } from 're2js';
import type { RuleContext } from './rule';
import { isFamily, rulesNamedBy, ruleWithRole, type RuleSet } from './ruleSet';
import { isRecord, shown, type ProblemLog } from './settings/problems';
import { unknownRuleMessage } from './settings/ruleLevels';
import type { Localized } from './types';

export const MAX_PATTERNS = 200;
export const MAX_PATTERN_LENGTH = 1000;
/** A pattern such as `a` on a long post would otherwise produce one finding per character. */
export const MAX_FINDINGS_PER_PATTERN = 100;

/** Linear-time lookbehind is allowed; `^`/`$` are whole-text anchors unless the pattern says `(?m)`. */
const FLAGS = RE2JS.LOOKBEHINDS;

export interface UserPattern {
  /** Index in `postlint.patterns`, for messages. */
  index: number;
  regex: RE2JS;
  /** The rule id the findings are filed under. */
  rule: string;
  message: Localized;
  /** Replacement text; `$1`, `$<name>` and `$$` refer to the match as in JavaScript. */
  rewrite?: string;
}

export class UserPatterns {
  private readonly byRule = new Map<string, UserPattern[]>();
  private readonly set: RE2Set | undefined;
  private lastText: string | undefined;
  private lastMatching = new Set<UserPattern>();

  constructor(readonly list: readonly UserPattern[]) {
    for (const pattern of list) {
      const filed = this.byRule.get(pattern.rule);
      if (filed) filed.push(pattern);
      else this.byRule.set(pattern.rule, [pattern]);
    }
    if (list.length === 0) return;
    try {
      const set = new RE2Set(RE2Set.UNANCHORED, FLAGS);
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

  /** Whether `pattern` matches `text` anywhere; one pass over the text for all patterns, remembered for the next rule. */
  matches(pattern: UserPattern, text: string): boolean {
    if (text !== this.lastText) {
      this.lastText = text;
      const ids: number[] = this.set ? this.set.match(text) : this.list.flatMap((p, id) => (p.regex.test(text) ? [id] : []));
      this.lastMatching = new Set(ids.map((id) => this.list[id]));
    }
    return this.lastMatching.has(pattern);
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
  return { index, regex, rule, message, ...(rewrite !== undefined ? { rewrite } : {}) };
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
    return RE2JS.compile(source, FLAGS);
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
    if (!patterns.matches(pattern, published.text)) continue;
    const spans: [number, number][] = pattern.regex.re2().findAllIndex(published.text, MAX_FINDINGS_PER_PATTERN) ?? [];
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
