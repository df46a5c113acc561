/**
 * Phrase lists as data, matched once per post. Rules ask for the hits of their own list:
 *
 *     for (const hit of findPhrases(context, 'no-hook')) { hit.start, hit.end, hit.entry.signal, hit.rewrites }
 *
 * Lists are compiled once per settings object (built-in entries plus `postlint.words.*`), matched
 * against the published text, and returned in source offsets, minus anything `postlint.words.allow` covers.
 */
import type { Config } from '../config';
import type { RuleContext } from '../rule';
import { allowEntries, builtInEntries, customEntries } from './entries';
import { compileMatcher, type Matcher } from './matcher';
import type { LexiconRule, PhraseMatch } from './types';

export { LEXICON_RULES, type CompiledEntry, type LexiconEntry, type LexiconFile, type LexiconRule, type PhraseMatch } from './types';
export { LEXICON_FILES } from './entries';

export function lexiconMatcher(config: Config, rule: LexiconRule): Matcher {
  return config.memo(`lexicon:${rule}`, () => compileMatcher([...customEntries(config.settings, rule), ...builtInEntries(rule)]));
}

function allowMatcher(config: Config): Matcher | undefined {
  if (config.allow.length === 0) return undefined;
  return config.memo('lexicon:allow', () => compileMatcher(allowEntries(config.allow)));
}

/** Every hit of `rule`'s lexicon in the post, in source offsets, sorted, not overlapping. */
export function findPhrases(context: Pick<RuleContext, 'post' | 'config'>, rule: LexiconRule): PhraseMatch[] {
  const { post, config } = context;
  const published = post.published;
  const hits = lexiconMatcher(config, rule).find(published.text);
  if (hits.length === 0) return [];
  const allowed = allowMatcher(config)?.find(published.text) ?? [];
  const matches: PhraseMatch[] = [];
  for (const hit of hits) {
    if (allowed.some((a) => hit.start >= a.start && hit.end <= a.end)) continue;
    const start = published.toSource(hit.start, 'start');
    const end = published.toSource(hit.end, 'end');
    const text = post.text.slice(start, end);
    matches.push({ start, end, text, entry: hit.entry, rewrites: hit.entry.rewrites.map((r) => fitCase(r, text)) });
  }
  return matches;
}

/** "Buy now" at the start of a sentence becomes "Shop" rather than "shop". */
function fitCase(rewrite: string, matched: string): string {
  const first = matched.charCodeAt(0);
  const capitalised = first >= 65 && first <= 90;
  if (!capitalised || rewrite.length === 0) return rewrite;
  return rewrite[0].toUpperCase() + rewrite.slice(1);
}
