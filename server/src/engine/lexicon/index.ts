/**
 * Phrase lists as data, matched once per post. Rules ask for the hits of their own list:
 *
 *     for (const hit of findPhrases(context, 'no-hook')) { hit.start, hit.end, hit.entry.signal, hit.rewrites }
 *
 * Lists are compiled once per settings object (built-in entries plus `postlint.words.*`; the built-in ones
 * alone once per rule set), matched against the published text, and returned in source offsets, minus anything `postlint.words.allow` covers.
 */
import type { RuleConfig, RuleContext, RuleSet } from '../rule';
import { allowEntries, builtInEntries, customEntries } from './entries';
import { compileMatcher, compileMatchers, type Matcher, type MultiMatcher, type RawMatch } from './matcher';
import { signalEntries } from './signals';
import type { LexiconRule, PhraseMatch } from './types';
import { derivedKey, type ParsedPost } from '../parse/post';

export type { CompiledEntry, LexiconEntry, LexiconFile, LexiconRule, PhraseFamily, PhraseMatch } from './types';

/** Every family's lexicon in one matcher, so a post is walked once for all of them. */
function lexiconsMatcher(config: RuleConfig): MultiMatcher {
  return config.memo('lexicon:all', () => {
    const families = config.ruleSet.phraseFamilies;
    const custom = families.map((family) => customEntries(config.settings, family));
    if (custom.every((entries) => entries.length === 0)) return builtInMatcher(config.ruleSet);
    return compileMatchers(families.map((family, i) => [...custom[i], ...builtInEntries(family), ...signalEntries(family)]));
  });
}

const builtInMatchers = new WeakMap<RuleSet, MultiMatcher>();

/**
 * The built-in lists alone, compiled once per rule set: settings without words of their own (most of them,
 * and every `lint(text)` without settings, whose `{}` is a new object each call) share it instead of
 * compiling the same automaton again, which costs some 25 ms.
 */
function builtInMatcher(set: RuleSet): MultiMatcher {
  let matcher = builtInMatchers.get(set);
  if (!matcher) builtInMatchers.set(set, (matcher = compileMatchers(set.phraseFamilies.map((family) => [...builtInEntries(family), ...signalEntries(family)]))));
  return matcher;
}

function allowMatcher(config: RuleConfig): Matcher | undefined {
  if (config.allow.length === 0) return undefined;
  return config.memo('lexicon:allow', () => compileMatcher(allowEntries(config.allow)));
}

interface PostHits {
  config: RuleConfig;
  /** By index in the config's phrase families, in published offsets. */
  hits: RawMatch[][];
  allowed: RawMatch[];
}

/** The lexicon rules of one lint share one pass over the post. */
const POST_HITS = derivedKey<PostHits>('lexicon hits');

function hitsOf(post: ParsedPost, config: RuleConfig): PostHits {
  let cached = post.derived.get(POST_HITS) as PostHits | undefined;
  // The same parsed post linted under other settings gets hits of its own.
  if (cached?.config !== config) {
    const text = post.published.text;
    const hits = lexiconsMatcher(config).findAll(text);
    const any = hits.some((list) => list.length > 0);
    cached = { config, hits, allowed: (any && allowMatcher(config)?.find(text)) || [] };
    post.derived.set(POST_HITS, cached);
  }
  return cached;
}

/**
 * A pointer ("link in the comments", "recipe link in bio", 链接在评论区) is matched only to claim its words:
 * the longer phrase that starts first wins, so the "in the comments" or "link in bio" inside it is not read as
 * an invitation or a call to buy. It is never a signal of its own, so no rule sees it.
 */
const POINTER_SIGNAL = 'pointer';

/** Every hit of `rule`'s lexicon in the post, in source offsets, sorted, not overlapping; pointers left out. */
export function findPhrases(context: Pick<RuleContext, 'post' | 'config'>, rule: LexiconRule): PhraseMatch[] {
  const { post, config } = context;
  const published = post.published;
  const { hits: all, allowed } = hitsOf(post, config);
  const hits = all[config.ruleSet.phraseFamilies.findIndex((family) => family.id === rule)];
  // A family the rule set does not carry (a rule run on its own in its tests) has no hits.
  if (!hits || hits.length === 0) return [];
  const matches: PhraseMatch[] = [];
  for (const hit of hits) {
    if (hit.entry.signal === POINTER_SIGNAL || allowed.some((a) => hit.start >= a.start && hit.end <= a.end)) continue;
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
