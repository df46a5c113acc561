/**
 * Inline directives in HTML comments, the innermost layer of configuration:
 *
 *     <!-- postlint-disable [rule…] [-- reason] -->            off from here on
 *     <!-- postlint-enable [rule…] -->                          on again from here
 *     <!-- postlint-disable-next-line [rule…] [-- reason] -->   off on the next line
 *     <!-- postlint-disable-file [rule…] [-- reason] -->        off in the whole post
 *
 * No rule named means every rule; a family id means its whole family. Between `disable` and
 * `enable`, the directive that most recently named a finding's rule, its family or "all" decides.
 * Findings about directives themselves (the rule with `role: 'directives'`, `formatting/directive`) are never silenced by directives,
 * so `postlint.requireDisableReason` cannot be switched off from inside the post it guards.
 */
import { derive, derivedKey, type ParsedPost } from './parse/post';
import { startingOutside } from './parse/spans';
import { rulesNamedBy, type RuleSet } from './ruleSet';
import type { Diagnostic } from './types';

export const DIRECTIVE_KINDS = ['disable', 'enable', 'disable-next-line', 'disable-file'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

export interface DirectiveTarget {
  id: string;
  start: number;
  end: number;
}

export interface Directive {
  kind: DirectiveKind;
  /** The comment's span in the source. */
  start: number;
  end: number;
  /** Known rule ids and families named; empty with `all` when none was written. */
  targets: DirectiveTarget[];
  all: boolean;
  reason?: string;
}

export type DirectiveProblem =
  | { kind: 'unknown-directive'; start: number; end: number; name: string }
  | { kind: 'unknown-rule'; start: number; end: number; id: string; suggestion?: string }
  | { kind: 'missing-reason'; start: number; end: number; directive: DirectiveKind };

export interface Directives {
  list: Directive[];
  problems: DirectiveProblem[];
}

/** `postlint-<word>` at the start of a comment; the rest holds rule ids and an optional `-- reason`. */
const DIRECTIVE = /^<!--\s*postlint-([A-Za-z-]*)/;
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
const ID = /[^\s,]+/g;

const DIRECTIVES = derivedKey<Directives>('directives');

/** The post's directives, parsed once per lint whoever asks first (the directive rule or `applyDirectives`). */
export function directivesOf(post: ParsedPost, set: RuleSet): Directives {
  return derive(post, DIRECTIVES, () => parseDirectives(post, set));
}

function parseDirectives(post: ParsedPost, set: RuleSet): Directives {
  const list: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  // A comment inside a code block is an example being shown, not an instruction. (One merge pass:
  // testing every comment against every code block was quadratic in a post full of both.)
  for (const comment of startingOutside(post.comments, post.codeBlocks)) {
    const source = post.text.slice(comment.start, comment.end);
    const head = DIRECTIVE.exec(source);
    if (!head) continue;
    const name = head[1];
    if (!(DIRECTIVE_KINDS as readonly string[]).includes(name)) {
      problems.push({ kind: 'unknown-directive', start: comment.start, end: comment.start + head[0].length, name: `postlint-${name}` });
      continue;
    }
    const kind = name as DirectiveKind;
    const bodyStart = head[0].length;
    const body = source.slice(bodyStart, source.length - 3);
    const separator = REASON_SEPARATOR.exec(body);
    const idsText = separator ? body.slice(0, separator.index) : body;
    const reason = separator ? body.slice(separator.index + separator[0].length).trim() : '';
    const directive: Directive = { kind, start: comment.start, end: comment.end, targets: [], all: true };
    if (reason) directive.reason = reason;
    for (const match of idsText.matchAll(ID)) {
      directive.all = false;
      const start = comment.start + bodyStart + match.index;
      const target = { id: match[0], start, end: start + match[0].length };
      if (rulesNamedBy(set, target.id).length > 0) directive.targets.push(target);
      else problems.push({ kind: 'unknown-rule', start: target.start, end: target.end, id: target.id, suggestion: closestRuleId(set, target.id) });
    }
    if (!reason && kind !== 'enable') problems.push({ kind: 'missing-reason', start: comment.start, end: comment.end, directive: kind });
    list.push(directive);
  }
  return { list, problems };
}

/** The findings that no directive silences, in their original order. */
export function applyDirectives(diagnostics: Diagnostic[], post: ParsedPost, set: RuleSet): Diagnostic[] {
  const { list } = directivesOf(post, set);
  if (list.length === 0 || diagnostics.length === 0) return diagnostics;

  const wholeFile = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const ranged: Directive[] = [];
  for (const directive of list) {
    if (directive.kind === 'disable-file') keysOf(directive).forEach((k) => wholeFile.add(k));
    else if (directive.kind === 'disable-next-line') {
      const line = post.lines.lineAt(directive.end - 1) + 1;
      const keys = byLine.get(line) ?? new Set<string>();
      keysOf(directive).forEach((k) => keys.add(k));
      byLine.set(line, keys);
    } else ranged.push(directive);
  }

  // Sweep findings in offset order against disable/enable in offset order: linear in both.
  const order = diagnostics.map((d, i) => i).sort((a, b) => diagnostics[a].start - diagnostics[b].start);
  const latest = new Map<string, { disabled: boolean; seq: number }>();
  const silenced = new Set<number>();
  let next = 0;
  for (const i of order) {
    const d = diagnostics[i];
    if (set.byId.get(d.rule)?.meta.role === 'directives') continue;
    while (next < ranged.length && ranged[next].end <= d.start) {
      const directive = ranged[next];
      for (const key of keysOf(directive)) latest.set(key, { disabled: directive.kind === 'disable', seq: next });
      next++;
    }
    const keys = [ALL, d.family, d.rule];
    const onLine = byLine.get(d.range.start.line);
    if (keys.some((k) => wholeFile.has(k) || onLine?.has(k))) {
      silenced.add(i);
      continue;
    }
    let decisive: { disabled: boolean; seq: number } | undefined;
    for (const key of keys) {
      const state = latest.get(key);
      if (state && (!decisive || state.seq > decisive.seq)) decisive = state;
    }
    if (decisive?.disabled) silenced.add(i);
  }
  return silenced.size === 0 ? diagnostics : diagnostics.filter((_, i) => !silenced.has(i));
}

const ALL = '*';

function keysOf(directive: Directive): string[] {
  return directive.all ? [ALL] : directive.targets.map((t) => t.id);
}

/** The rule id or family a misspelt id most likely meant, if one is close enough to suggest. */
function closestRuleId(set: RuleSet, id: string): string | undefined {
  const candidates = new Set<string>(set.rules.flatMap((r) => [r.meta.id, r.meta.family]));
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(id.toLowerCase(), candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up once it exceeds `bound` (ids are short; this runs only on typos). */
function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) >= bound) return bound;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= bound) return bound;
    previous = current;
  }
  return previous[b.length];
}
