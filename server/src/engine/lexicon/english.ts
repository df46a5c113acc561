/**
 * English words for phrase matching. Phrases and post text go through the same tokenizer and stemmer,
 * so "order now" also finds "Ordering now" and "is pleased to announce" finds "are pleased to announce".
 * The stemmer is deliberately crude: it only needs to map a word's inflections to one key, and it runs
 * on every keystroke, so it is a few string checks per word.
 */
import { isSpaceLike } from '../chars';

export interface Token {
  /** Offsets in the tokenized text. */
  start: number;
  end: number;
  /** The word in lower case, for phrases that match only as written. */
  word: string;
  /** Filled in by `stemOf` when a phrase lookup first needs it: most words start no phrase. */
  stem: string | undefined;
  /** Whether only a space or a hyphen separates this token from the next, so a phrase may continue. */
  joinsNext: boolean;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been']);

/**
 * Stems by word. A post is re-linted on every keystroke with almost all of its words unchanged, so
 * most lookups hit; the cache is dropped whole when it grows past a few thousand words.
 */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 5000;

/** The token's stem, computed on first use. */
export function stemOf(token: Token): string {
  return (token.stem ??= stem(token.word));
}

/**
 * The two code units a word's stem starts with, as one number: stemming only cuts endings off words
 * of four letters or more and leaves shorter ones alone, so a word and its stem share this key, but
 * for the forms of "be". A phrase lookup can therefore rule out most words before stemming them.
 */
export function prefixKey(word: string): number {
  return word.charCodeAt(0) * 0x10000 + (word.length > 1 ? word.charCodeAt(1) : 0);
}

/** Prefix keys of the words that stem to `key`, beyond the key's own. */
export function extraPrefixKeys(key: string): number[] {
  return key === 'be' ? [...BE_FORMS].map(prefixKey) : [];
}

/** The matching key of a lower-case word: inflections of a word share it. */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    cached = computeStem(word);
    stemCache.set(word, cached);
  }
  return cached;
}

function computeStem(word: string): string {
  if (BE_FORMS.has(word)) return 'be';
  if (word.length < 4) return word;
  let w = word;
  const n = w.length;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (n > 4 && (w.endsWith('ies') || w.endsWith('ied'))) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('es') && (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('sses') || w[n - 3] === 'x' || w[n - 3] === 'z')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !'suio\''.includes(w[n - 2])) w = w.slice(0, -1);
  else if (n >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (n >= 5 && w.endsWith('ed')) w = w.slice(0, -2);
  // "shopping" → "shopp" → "shop"; "announce"/"announced" → "announc".
  if (w.length >= 4 && w[w.length - 1] === w[w.length - 2] && !'aeiouls'.includes(w[w.length - 1])) w = w.slice(0, -1);
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Whether a URL starts at `i` (http://, https://, www.), in any case, without slicing the text. */
function isUrlAt(text: string, i: number): boolean {
  return startsWithFolded(text, i, 'http://') || startsWithFolded(text, i, 'https://') || startsWithFolded(text, i, 'www.');
}

function startsWithFolded(text: string, at: number, prefix: string): boolean {
  if (at + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    const c = text.charCodeAt(at + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Splits text into Latin words (letters, digits, inner apostrophes), skipping URLs so that
 * `shop.example/buy-now` is not read as prose. Linear in the text.
 */
export function tokenize(text: string): Token[] {
  const reader = new TokenReader(text);
  const tokens: Token[] = [];
  for (let token = reader.at(0); token; token = reader.at(tokens.length)) tokens.push(token);
  return tokens;
}

/**
 * The words `tokenize` lists, read as they are asked for and forgotten once released: a phrase lookup
 * only ever looks a few words ahead, and a long post's words held all at once were megabytes of its lint.
 */
export class TokenReader {
  /** Tokens from index `base` on that are not released yet. */
  private buffer: Token[] = [];
  private base = 0;
  /** Where reading goes on in the text. */
  private offset = 0;

  /** `keep`: nothing is released, so the same text can be read again (see `wordsOf` in `matcher.ts`). */
  constructor(
    readonly text: string,
    private readonly keep = false,
  ) {}

  /** Token `j`, with `joinsNext` settled (the token after it has been read), or undefined past the last. */
  at(j: number): Token | undefined {
    while (this.base + this.buffer.length <= j + 1 && this.readOne());
    return this.buffer[j - this.base];
  }

  /** Tokens before `j` are not asked for again. */
  release(j: number): void {
    if (this.keep) return;
    const done = j - this.base;
    // Dropped in batches, so that releasing costs nothing per token.
    if (done >= 256) {
      this.buffer = this.buffer.slice(done);
      this.base = j;
    }
  }

  private readOne(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.offset;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      if ((c === 104 || c === 72 || c === 119 || c === 87) && isUrlAt(text, i)) {
        while (i < n && !isSpaceLike(text.charCodeAt(i))) i++;
        continue;
      }
      const start = i;
      let curly = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isWordChar(d)) i++;
        else if (isApostrophe(d) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
          curly ||= d !== 39;
          i++;
        } else break;
      }
      const lower = text.slice(start, i).toLowerCase();
      const word = curly ? lower.replace(/\u2019/g, "'") : lower;
      const previous = this.buffer[this.buffer.length - 1];
      if (previous) previous.joinsNext = joins(text, previous.end, start);
      this.buffer.push({ start, end: i, word, stem: undefined, joinsNext: false });
      this.offset = i;
      return true;
    }
    this.offset = n;
    return false;
  }
}

/** Words of a phrase continue across spaces and one hyphen ("industry-leading"), not across punctuation. */
function joins(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  let hyphens = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 0x2010 || c === 0x2011) hyphens++;
    else if (c !== 32 && c !== 0xa0) return false;
  }
  return hyphens <= 1;
}

/** The words of a phrase, or undefined when the tokenizer would not see it as one run of words. */
export function phraseTokens(phrase: string): Token[] | undefined {
  const tokens = tokenize(phrase);
  if (tokens.length === 0) return undefined;
  for (let i = 0; i < tokens.length - 1; i++) if (!tokens[i].joinsNext) return undefined;
  return tokens;
}
