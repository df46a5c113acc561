/**
 * Signal templates run only where one can start. A group of templates used to be one alternation scanned
 * over the whole post; on a long post that was most of a lint, and compiling every alternation was most of
 * a process's first lint. Here each template is filed under the words and characters it can start with
 (`TemplateStart` in `templates.ts`); one walk over the post looks each word start and character up, and only there runs the
 * templates filed under it, as one sticky regular expression compiled the first time that start occurs.
 *
 * Within a group the result is what the alternation gave: at each position the first template (in the
 * alternation's order) that matches, and no match starting inside the previous one.
 *
 * What runs at a start is compiled in two steps (`Runner`). Templates that can start with exactly the same
 * words and characters form a start class (every `{buy} …` template, every `{NUMBER} …` one), and a start
 * first runs the expression of each class it holds: a class is compiled once, whichever of its words
 * occurs. A start met often (`HOT_RUNS`) then gets one expression for all its templates, one run instead of
 * several. Compiling an expression is what a process's first lints mostly pay for, and a template led by a
 * class of forty words used to be compiled into forty expressions; most starts of a short run never turn hot.
 */
import { countGroups } from './patternGroups';
import type { CompiledEntry, RawMatch } from './types';

interface Bucket {
  regex: RegExp;
  /** For each capture group index, the entry whose pattern it wraps. */
  groups: (CompiledEntry | undefined)[];
  /** For each capture group index that wraps an entry, the entry's place in the alternation's order. */
  ranks: number[];
}

/** What runs where one word or character starts templates of one group: see the module comment. */
interface Runner {
  /** Indices of the group's entries, ascending. */
  list: readonly number[];
  runs: number;
  /** One expression for the whole list, once the start is hot. */
  whole: Bucket | undefined;
  /** One expression per start class in the list, until then. */
  classes: Bucket[] | undefined;
}

/** Runs at one start after which it gets an expression of its own: rare starts never pay for one. */
const HOT_RUNS = 256;

interface AnchoredEntry {
  entry: CompiledEntry;
  boundary: string;
  /** Rank of the boundary among the group's, so a bucket keeps the alternation's order. */
  boundaryRank: number;
  /** Capture groups inside the pattern, counted when a bucket first needs the entry; null when the pattern is invalid. */
  captures: number | null | undefined;
}

/** One group of templates (one former alternation), filed by where they start. */
export interface AnchoredGroup {
  list: number;
  flags: string;
  entries: AnchoredEntry[];
  /** Lower-case run of ASCII letters → indices of the entries that can start with it (read as a prefix: see `WordNode`). */
  words: Map<string, number[]>;
  /** Character code → indices of the entries that can start with it. */
  chars: Map<number, number[]>;
  /**
   * Characters some entry can start with right after a letter or digit. Every other entry has a boundary
   * (a word or clause start) that a letter, digit, `_` or `$` before it fails, so inside a word or a number
   * it is not run at all: most digits of a post are inside a number or a link.
   */
  midWordChars: Set<number>;
  /** By the entries they hold: many words and characters start the same few entries, compiled once. */
  buckets: Map<string, Bucket>;
  /** By entry index: its start class, worked out when a runner first needs it. */
  classOf: number[];
  /** Start classes by their words and characters, and the entries of each. */
  classIds: Map<string, number>;
  classMembers: number[][];
}

export function anchoredGroup(list: number, flags: string, entries: readonly CompiledEntry[]): AnchoredGroup {
  const ranks = new Map<string, number>();
  const caseless = flags.includes('i');
  const group: AnchoredGroup = {
    list,
    flags: flags.replace('g', 'y'),
    entries: [],
    words: new Map(),
    chars: new Map(),
    midWordChars: new Set(),
    buckets: new Map(),
    classOf: [],
    classIds: new Map(),
    classMembers: [],
  };
  for (const entry of entries) {
    const boundary = entry.gate!.boundary;
    if (!ranks.has(boundary)) ranks.set(boundary, ranks.size);
    const index = group.entries.length;
    group.entries.push({ entry, boundary, boundaryRank: ranks.get(boundary)!, captures: undefined });
    const start = entry.gate!.start!;
    for (const word of start.words) file(group.words, word, index);
    for (const c of start.chars) {
      const codes = caseless && c.toLowerCase() !== c.toUpperCase() ? [c.toLowerCase().charCodeAt(0), c.toUpperCase().charCodeAt(0)] : [c.charCodeAt(0)];
      for (const code of codes) {
        file(group.chars, code, index);
        if (boundary === '') group.midWordChars.add(code);
      }
    }
  }
  return group;
}

function file<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

function compileBucket(group: AnchoredGroup, indices: readonly number[]): Bucket {
  const key = indices.join(',');
  let bucket = group.buckets.get(key);
  if (!bucket) group.buckets.set(key, (bucket = bucketOf(group, indices)));
  return bucket;
}

/** The entries in the order the alternation had them: by boundary, then as listed. */
function bucketOf(group: AnchoredGroup, indices: readonly number[]): Bucket {
  const ordered = [...indices].sort((a, b) => group.entries[a].boundaryRank - group.entries[b].boundaryRank || a - b);
  const groups: (CompiledEntry | undefined)[] = [undefined];
  const ranks: number[] = [-1];
  const branches: string[] = [];
  let boundary: string | undefined;
  let sources: string[] = [];
  const flush = () => {
    if (sources.length > 0) branches.push(boundary ? `${boundary}(?:${sources.join('|')})` : sources.join('|'));
    sources = [];
  };
  for (const index of ordered) {
    const anchored = group.entries[index];
    // Validated here, not when the matcher is built: most entries are never needed by a short post.
    const captures = (anchored.captures ??= countGroups(anchored.entry, group.flags) ?? null);
    if (captures === null) continue;
    const { entry, boundary: own } = anchored;
    if (own !== boundary) {
      flush();
      boundary = own;
    }
    sources.push(`(${entry.pattern})`);
    groups.push(entry);
    ranks.push(rankOf(group, index));
    for (let k = 0; k < captures; k++) {
      groups.push(undefined);
      ranks.push(-1);
    }
  }
  flush();
  if (branches.length === 0) return { regex: /(?!)/y, groups, ranks };
  return { regex: new RegExp(`(?:${branches.join('|')})`, group.flags), groups, ranks };
}

/** An entry's place in the alternation's order: by boundary, then as listed. */
function rankOf(group: AnchoredGroup, index: number): number {
  return group.entries[index].boundaryRank * group.entries.length + index;
}

/** The start classes among a list's entries, each compiled as one expression; a list holds whole classes. */
function classBuckets(group: AnchoredGroup, list: readonly number[]): Bucket[] {
  const classes: number[] = [];
  for (const index of list) {
    const id = classOfEntry(group, index);
    if (!classes.includes(id)) classes.push(id);
  }
  return classes.map((id) => compileBucket(group, group.classMembers[id]));
}

function classOfEntry(group: AnchoredGroup, index: number): number {
  const known = group.classOf[index];
  if (known !== undefined) return known;
  const start = group.entries[index].entry.gate!.start!;
  const key = `${[...start.words].sort().join(' ')}|${[...start.chars].sort().join('')}`;
  let id = group.classIds.get(key);
  if (id === undefined) {
    id = group.classMembers.length;
    group.classIds.set(key, id);
    group.classMembers.push([]);
  }
  group.classOf[index] = id;
  group.classMembers[id].push(index);
  return id;
}

function merged(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/**
 * A trie over the lower-case letters of every group's word keys. A key is read as a prefix of the word
 * in the text: `free {mobile-content}` joins its tokens with `\s*` and so matches "FreeMsg", whose word
 * is "freemsg". A word therefore starts the entries of every key along its path; the deepest node on the
 * path that holds a key of its own stands for them all, and works out their union the first time a post
 * reaches it.
 */
interface WordNode {
  id: number;
  parent: WordNode | undefined;
  next: (WordNode | undefined)[];
  /** By group: the entries whose key is this node's word. */
  own: (number[] | undefined)[];
  /** By group: the entries of this node's key and of every key above it; worked out on first use. */
  lists: (number[] | undefined)[] | undefined;
  runners: (Runner | undefined)[];
  /** Where a character starts entries of a group as well: by that character, then by group. */
  bothRunners: Map<number, (Runner | undefined)[]> | undefined;
}

function wordNode(id: number, parent: WordNode | undefined): WordNode {
  return { id, parent, next: new Array<WordNode | undefined>(26), own: [], lists: undefined, runners: [], bothRunners: undefined };
}

function listsOf(node: WordNode): (number[] | undefined)[] {
  if (node.lists) return node.lists;
  const above = node.parent ? listsOf(node.parent) : [];
  const lists: (number[] | undefined)[] = [];
  for (let g = 0; g < Math.max(above.length, node.own.length); g++) {
    const mine = node.own[g];
    lists[g] = above[g] && mine ? merged(above[g]!, mine) : (above[g] ?? mine);
  }
  return (node.lists = lists);
}

function wordTrie(groups: readonly AnchoredGroup[]): WordNode {
  let ids = 0;
  const root = wordNode(ids++, undefined);
  groups.forEach((group, g) => {
    for (const [word, indices] of group.words) {
      let node = root;
      for (let i = 0; i < word.length; i++) node = node.next[word.charCodeAt(i) - 97] ??= wordNode(ids++, node);
      node.own[g] = merged(node.own[g] ?? [], indices);
    }
  });
  return root;
}

const CHAR_KEY = 1;
const WORD_KEY = 2;
/** Some group files the character for an entry that may start inside a word. */
const MID_WORD_KEY = 4;

/**
 * What one character starts, in every group at once: the walk looks a character up once, not once per group.
 * `lists[g]` is what group g files under the character; `midWordLists[g]` the same, but only where the
 * group has an entry that may start inside a word.
 */
interface CharStart {
  lists: (number[] | undefined)[];
  midWordLists: (number[] | undefined)[];
  runners: (Runner | undefined)[];
}

/** Every anchored group of a matcher, walked together: one pass over the post for all of them. */
export interface AnchoredScan {
  groups: AnchoredGroup[];
  /** By character code: CHAR_KEY where some group files the character (MID_WORD_KEY as well where one may start inside a word), WORD_KEY where some word key starts with it. */
  starts: Uint8Array;
  chars: Map<number, CharStart>;
  words: WordNode;
}

function letterIndex(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : c >= 65 && c <= 90 ? c - 65 : -1;
}

export function anchoredScan(groups: AnchoredGroup[]): AnchoredScan {
  const starts = new Uint8Array(0x10000);
  const chars = new Map<number, CharStart>();
  groups.forEach((group, g) => {
    for (const [c, list] of group.chars) {
      starts[c] |= CHAR_KEY;
      let start = chars.get(c);
      if (!start) chars.set(c, (start = { lists: [], midWordLists: [], runners: [] }));
      start.lists[g] = list;
      if (group.midWordChars.has(c)) start.midWordLists[g] = list;
    }
    for (const c of group.midWordChars) starts[c] |= MID_WORD_KEY;
    for (const word of group.words.keys()) {
      starts[word.charCodeAt(0)] |= WORD_KEY;
      starts[word.charCodeAt(0) - 32] |= WORD_KEY;
    }
  });
  return { groups, starts, chars, words: wordTrie(groups) };
}

/** A letter, digit, `_` or `$` before a position: no English template starts there (their boundary says so). */
function continuesWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/** The deepest node holding a key of its own that the letters at `i` reach, or undefined when none does. */
function wordAt(root: WordNode, text: string, i: number): WordNode | undefined {
  let node = root;
  let keyed: WordNode | undefined;
  for (let j = i; j < text.length; j++) {
    const letter = letterIndex(text.charCodeAt(j));
    const child = letter < 0 ? undefined : node.next[letter];
    if (!child) break;
    node = child;
    if (node.own.length > 0) keyed = node;
  }
  return keyed;
}

/** The runner of group g at a word (or none) and a character (or none) that start its entries. */
function runnerAt(word: WordNode | undefined, byWord: number[] | undefined, start: CharStart | undefined, byChar: number[] | undefined, c: number, g: number): Runner {
  if (byWord && byChar) {
    const both = (word!.bothRunners ??= new Map());
    let runners = both.get(c);
    if (!runners) both.set(c, (runners = []));
    return (runners[g] ??= runnerOf(merged(byWord, byChar)));
  }
  if (byWord) return (word!.runners[g] ??= runnerOf(byWord));
  return (start!.runners[g] ??= runnerOf(byChar!));
}

function runnerOf(list: readonly number[]): Runner {
  return { list, runs: 0, whole: undefined, classes: undefined };
}

/** Where a bucket's run at `at` ends, and the entry (with its rank) that matched; rank -1 when nothing did. */
interface Outcome {
  rank: number;
  entry: CompiledEntry | undefined;
  end: number;
}

function runBucket(bucket: Bucket, text: string, at: number, outcome: Outcome): void {
  bucket.regex.lastIndex = at;
  const match = bucket.regex.exec(text);
  if (match === null) return;
  for (let k = 1; k < match.length; k++) {
    const entry = bucket.groups[k];
    if (entry && match[k] !== undefined) {
      if (outcome.rank < 0 || bucket.ranks[k] < outcome.rank) {
        outcome.rank = bucket.ranks[k];
        outcome.entry = entry;
        outcome.end = at + match[0].length;
      }
      return;
    }
  }
}

/** What the group's alternation would match at `at`: the first entry in its order, as one run or one per class. */
function run(group: AnchoredGroup, runner: Runner, text: string, at: number, outcome: Outcome): void {
  outcome.rank = -1;
  if (runner.whole === undefined && ++runner.runs > HOT_RUNS) runner.whole = compileBucket(group, runner.list);
  if (runner.whole !== undefined) return runBucket(runner.whole, text, at, outcome);
  const classes = (runner.classes ??= classBuckets(group, runner.list));
  for (let k = 0; k < classes.length; k++) runBucket(classes[k], text, at, outcome);
}

export function findAnchored(scan: AnchoredScan, text: string, hits: RawMatch[][]): void {
  const { groups, starts } = scan;
  const reach = new Array<number>(groups.length).fill(0);
  const outcome: Outcome = { rank: -1, entry: undefined, end: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = starts[c];
    if (kind === 0) continue;
    const midWord = i > 0 && continuesWord(text.charCodeAt(i - 1));
    if (midWord && (kind & MID_WORD_KEY) === 0) continue;
    const word = kind & WORD_KEY && !midWord ? wordAt(scan.words, text, i) : undefined;
    const start = kind & CHAR_KEY ? scan.chars.get(c) : undefined;
    if (word === undefined && start === undefined) continue;
    const wordLists = word ? listsOf(word) : undefined;
    const charLists = start ? (midWord ? start.midWordLists : start.lists) : undefined;
    for (let g = 0; g < groups.length; g++) {
      if (i < reach[g]) continue;
      const byWord = wordLists?.[g];
      const byChar = charLists?.[g];
      if (byWord === undefined && byChar === undefined) continue;
      const group = groups[g];
      run(group, runnerAt(word, byWord, start, byChar, c, g), text, i, outcome);
      if (outcome.rank < 0 || outcome.end === i) continue;
      hits[group.list].push({ start: i, end: outcome.end, entry: outcome.entry! });
      reach[g] = outcome.end;
    }
  }
}
