import { hasCjk } from '../chars';
import { extraPrefixKeys, phraseTokens, prefixKey, stemOf, TokenReader } from './english';
import { anchoredGroup, anchoredScan, findAnchored, type AnchoredGroup } from './anchored';
import { countGroups } from './patternGroups';
import { gateSource } from './templates';
import type { CompiledEntry, RawMatch } from './types';

export type { RawMatch } from './types';


export interface Matcher {
  /** Leftmost-longest, non-overlapping hits, sorted by offset. */
  find(text: string): RawMatch[];
}

/** Several lists matched in one pass over the text; each list's hits are resolved on their own. */
export interface MultiMatcher {
  /** One list of hits per list of entries, in the order the lists were given. */
  findAll(text: string): RawMatch[][];
}

interface CharNode {
  next: Map<number, CharNode>;
  /** By list index: the phrase of that list that ends here. */
  entries: (CompiledEntry | undefined)[];
}

interface WordNode {
  /** Children by stem, and by the word as written for phrases that do not inflect. */
  stems: Map<string, WordNode>;
  words: Map<string, WordNode>;
  entry?: CompiledEntry;
}

interface PatternSet {
  regex: RegExp;
  /** For each capture group index, the entry whose pattern it wraps. */
  groups: (CompiledEntry | undefined)[];
}

/**
 * Compiles a list of entries into one matcher: a character trie for Chinese phrases (no word breaks
 * needed), a word trie over stems for English phrases (word boundaries and inflections for free), and
 * one alternation per case mode for patterns. Built once per settings object, then linear per post.
 */
export function compileMatcher(entries: readonly CompiledEntry[]): Matcher {
  const multi = compileMatchers([entries]);
  return { find: (text) => multi.findAll(text)[0] };
}

/**
 * Compiles several lists at once. Their Chinese phrases share one character trie, so a post is walked
 * once for all of them (the walk is most of a lexicon's cost on Chinese text); each list keeps its own
 * word trie and patterns, and its hits are exactly those `compileMatcher` would find for it alone.
 */
export function compileMatchers(lists: readonly (readonly CompiledEntry[])[]): MultiMatcher {
  const chars: CharNode = { next: new Map(), entries: [] };
  const perList = lists.map((entries, index) => compileList(chars, entries, index));
  const hasChars = chars.next.size > 0;
  const starts = startFilter(chars);
  const anchored = perList.flatMap((list) => list.anchored);
  const scan = anchored.length > 0 ? anchoredScan(anchored) : undefined;
  return {
    findAll(text) {
      const hits = lists.map((): RawMatch[] => []);
      if (hasChars) findChars(chars, starts, text, hits);
      if (perList.some((list) => list.hasWords)) findWords(perList, text, hits);
      perList.forEach((list, index) => {
        for (const set of list.patternSets) findPatterns(set, text, hits[index]);
      });
      if (scan) findAnchored(scan, text, hits);
      return hits.map(resolveOverlaps);
    },
  };
}

interface CompiledList {
  words: WordNode;
  /** `prefixKey` of every word that can start one of the list's phrases. */
  firstWords: Set<number>;
  hasWords: boolean;
  patternSets: PatternSet[];
  /** Templates that run only where they can start (`anchored.ts`). */
  anchored: AnchoredGroup[];
}

function compileList(chars: CharNode, entries: readonly CompiledEntry[], index: number): CompiledList {
  const words: WordNode = { stems: new Map(), words: new Map() };
  const patternsByFlags = new Map<string, CompiledEntry[]>();
  for (const entry of entries) {
    if (entry.pattern !== undefined) {
      const flags = patternGroup(entry);
      const list = patternsByFlags.get(flags);
      if (list) list.push(entry);
      else patternsByFlags.set(flags, [entry]);
    } else if (entry.phrase !== undefined) {
      // A phrase that is not a run of words ("T&Cs", "#ad") is matched literally, like Chinese.
      if (hasCjk(entry.phrase) || !addWords(words, entry)) addChars(chars, entry, index);
    }
  }
  const patternSets: PatternSet[] = [];
  const anchored: AnchoredGroup[] = [];
  for (const [group, list] of patternsByFlags) {
    const flags = group.split(' ')[0];
    for (const chunk of chunksOfSource(list)) {
      if (chunk.every((entry) => entry.gate?.start !== undefined)) {
        anchored.push(anchoredGroup(index, flags, chunk));
        continue;
      }
      const set = compilePatterns(chunk, group);
      if (set) patternSets.push(set);
    }
  }
  return { words, firstWords: firstWordKeys(words), hasWords: words.stems.size > 0 || words.words.size > 0, patternSets, anchored };
}

function firstWordKeys(root: WordNode): Set<number> {
  const keys = new Set<number>();
  for (const word of root.words.keys()) keys.add(prefixKey(word));
  for (const stem of root.stems.keys()) {
    keys.add(prefixKey(stem));
    for (const key of extraPrefixKeys(stem)) keys.add(key);
  }
  return keys;
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The first entry for a phrase wins in its list; team entries come first, so they override a built-in one. */
function addChars(root: CharNode, entry: CompiledEntry, list: number): void {
  let node = root;
  const phrase = entry.phrase!;
  for (let i = 0; i < phrase.length; i++) {
    const c = lowerCode(phrase.charCodeAt(i));
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { next: new Map(), entries: [] }));
    node = child;
  }
  node.entries[list] ??= entry;
}

/** False when the phrase is not a run of words and so cannot go into the word trie. */
function addWords(root: WordNode, entry: CompiledEntry): boolean {
  const tokens = phraseTokens(entry.phrase!);
  if (!tokens || tokens[0].start !== 0 || tokens[tokens.length - 1].end !== entry.phrase!.length) return false;
  let node = root;
  for (const token of tokens) {
    const children = entry.inflect ? node.stems : node.words;
    const key = entry.inflect ? stemOf(token) : token.word;
    let child = children.get(key);
    if (!child) children.set(key, (child = { stems: new Map(), words: new Map() }));
    node = child;
  }
  node.entry ??= entry;
  return true;
}

/**
 * One byte per UTF-16 unit: 1 where some phrase starts with that unit (either case of a letter). The scan
 * tests this before touching the trie, so text that starts no phrase costs an array read per character.
 */
function startFilter(root: CharNode): Uint8Array {
  const starts = new Uint8Array(0x10000);
  for (const c of root.next.keys()) {
    starts[c] = 1;
    if (c >= 97 && c <= 122) starts[c - 32] = 1;
  }
  return starts;
}

/** At each start, the longest phrase of each list: a list's hit is where its own entry last ended. */
function findChars(root: CharNode, starts: Uint8Array, text: string, hits: RawMatch[][]): void {
  const lists = hits.length;
  const best: (RawMatch | undefined)[] = new Array<RawMatch | undefined>(lists);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (starts[c] === 0) continue;
    let node = root.next.get(lowerCode(c));
    if (!node) continue;
    best.fill(undefined);
    for (let j = i + 1; node; j++) {
      const entries = node.entries;
      for (let l = 0; l < entries.length; l++) {
        const entry = entries[l];
        if (entry) best[l] = { start: i, end: j, entry };
      }
      if (j >= text.length) break;
      node = node.next.get(lowerCode(text.charCodeAt(j)));
    }
    for (let l = 0; l < lists; l++) {
      const hit = best[l];
      if (hit) hits[l].push(hit);
    }
  }
}

/**
 * A text's words, kept for the next lint of the same text when it is short (a post linted again unchanged
 * skips reading and stemming them); a long text's words are read as the lookup goes and forgotten, since
 * holding all of a megabyte's at once was some 7 MB of the lint's peak memory.
 */
const KEEP_WORDS_UP_TO = 100_000;
let lastWords: TokenReader | undefined;
function wordsOf(text: string): TokenReader {
  if (text.length > KEEP_WORDS_UP_TO) return new TokenReader(text);
  if (lastWords?.text !== text) lastWords = new TokenReader(text, true);
  return lastWords;
}

/** Every list's phrases of words, in one reading of the text's words. */
function findWords(lists: readonly CompiledList[], text: string, hits: RawMatch[][]): void {
  const tokens = wordsOf(text);
  for (let i = 0, token = tokens.at(0); token; token = tokens.at(++i)) {
    const key = prefixKey(token.word);
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l];
      if (!list.hasWords || !list.firstWords.has(key)) continue;
      const best = longestFrom(list.words, tokens, i);
      if (best) hits[l].push({ start: token.start, end: tokens.at(best.last)!.end, entry: best.entry });
    }
    tokens.release(i);
  }
}

interface WordHit {
  last: number;
  entry: CompiledEntry;
}

/**
 * The longest phrase continuing from `node` at token `j`. A word continues a phrase by its stem or,
 * for phrases that do not inflect, as written; both branches are followed (phrases are a few words).
 */
function longestFrom(node: WordNode, tokens: TokenReader, j: number): WordHit | undefined {
  const token = tokens.at(j)!;
  const byStem = node.stems.size > 0 ? longestVia(node.stems.get(stemOf(token)), tokens, j) : undefined;
  const asWritten = longestVia(node.words.get(token.word), tokens, j);
  if (!byStem) return asWritten;
  return asWritten && asWritten.last > byStem.last ? asWritten : byStem;
}

function longestVia(child: WordNode | undefined, tokens: TokenReader, j: number): WordHit | undefined {
  if (!child) return undefined;
  const here = child.entry ? { last: j, entry: child.entry } : undefined;
  if (!tokens.at(j)!.joinsNext || tokens.at(j + 1) === undefined || (child.stems.size === 0 && child.words.size === 0)) return here;
  return longestFrom(child, tokens, j + 1) ?? here;
}

/**
 * One regex per flag set. Case-insensitive matching in unicode mode is several times slower in V8, so
 * only patterns that need it (`\p{…}`, `\u{…}`) get the `u` flag.
 */
function patternFlags(entry: CompiledEntry): string {
  return `gm${entry.matchCase ? '' : 'i'}${/\\[pPu]\{/.test(entry.pattern!) ? 'u' : ''}`;
}

/**
 * Patterns group by flags and, for signal templates, by the boundary they start at: a group is one regex
 * whose shared gate (the boundary, then the characters its templates can start with) fails most positions
 * of a post in one test, instead of every template trying every position.
 */
function patternGroup(entry: CompiledEntry): string {
  const flags = patternFlags(entry);
  return entry.gate ? `${flags} gated` : flags;
}

/**
 * Past a size (near 25,000 characters of source here), V8 stops optimising a regular expression, and one
 * alternation of every template then costs several times what its parts would. A group's patterns are
 * split into regexes of at most this much source each; overlaps between them resolve as between groups.
 */
const MAX_PATTERN_SOURCE = 12000;

function chunksOfSource(entries: CompiledEntry[]): CompiledEntry[][] {
  const chunks: CompiledEntry[][] = [];
  let size = Infinity;
  for (const entry of entries) {
    const length = entry.pattern!.length + (entry.gate?.boundary.length ?? 0);
    if (size + length > MAX_PATTERN_SOURCE) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1].push(entry);
    size += length;
  }
  return chunks;
}

function compilePatterns(entries: CompiledEntry[], group: string): PatternSet | undefined {
  const flags = group.split(' ')[0];
  const gated = entries.every((e) => e.gate);
  // Gated templates go in one regex: the union of their first characters first, then per boundary an alternation.
  const byBoundary = new Map<string, CompiledEntry[]>();
  for (const entry of entries) {
    const boundary = gated ? entry.gate!.boundary : '';
    const list = byBoundary.get(boundary);
    if (list) list.push(entry);
    else byBoundary.set(boundary, [entry]);
  }
  const groups: (CompiledEntry | undefined)[] = [undefined];
  const branches: string[] = [];
  for (const [boundary, list] of byBoundary) {
    const sources: string[] = [];
    for (const entry of list) {
      const inner = countGroups(entry, flags);
      if (inner === undefined) continue;
      sources.push(`(${entry.pattern})`);
      groups.push(entry);
      for (let k = 0; k < inner; k++) groups.push(undefined);
    }
    if (sources.length > 0) branches.push(boundary ? `${boundary}(?:${sources.join('|')})` : sources.join('|'));
  }
  if (branches.length === 0) return undefined;
  const gate = gated ? gateSource(entries.map((e) => ({ ...e.gate!, boundary: '' }))) : '';
  return { regex: new RegExp(`${gate}(?:${branches.join('|')})`, flags), groups };
}

function findPatterns(set: PatternSet, text: string, hits: RawMatch[]): void {
  const regex = set.regex;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (match[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    for (let g = 1; g < match.length; g++) {
      const entry = set.groups[g];
      if (entry && match[g] !== undefined) {
        hits.push({ start: match.index, end: match.index + match[0].length, entry });
        break;
      }
    }
  }
}

/** Leftmost first; at one start the team's own entry wins over a longer built-in one, then the longest. */
function resolveOverlaps(hits: RawMatch[]): RawMatch[] {
  hits.sort((a, b) => a.start - b.start || Number(b.entry.custom) - Number(a.entry.custom) || b.end - a.end);
  const kept: RawMatch[] = [];
  let reach = -1;
  for (const hit of hits) {
    if (hit.start < reach) continue;
    kept.push(hit);
    reach = hit.end;
  }
  return kept;
}
