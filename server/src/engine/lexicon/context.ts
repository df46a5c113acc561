/**
 * Where a signal sits, as an editor reads it: in words the post quotes (often to criticise them), after a
 * negation ("not a sale", 不是广告), in the opening line. Rules weigh a signal by these before deciding.
 */
import type { ParsedPost } from '../parse/post';
import { derive, derivedKey } from '../parse/post';
import type { PhraseMatch } from './types';

/** Quotation marks that open and close quoted words; 《》 are titles and stay the writer's own. */
const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"', '‘': '’' };
/** A quotation longer than this is not a quote the writer holds up: more likely a stray mark. */
const MAX_QUOTE = 400;
const OPENS = new Uint8Array(0x10000);
for (const open of Object.keys(PAIRS)) OPENS[open.charCodeAt(0)] = 1;

export interface Span {
  start: number;
  end: number;
}

const QUOTED = derivedKey<Span[]>('quoted spans');

/**
 * Plain single quotes, as British English quotes ('Everything must go'): the opening one follows a space,
 * a bracket or a dash and comes before a letter, the closing one ends a word; an apostrophe inside
 * (`don't`) is part of the quote, one that ends a word without a quote open (`kids'`) opens nothing.
 */
const SINGLE_QUOTED = /(?<=^|[\s([:—–-])'(?=[\p{L}\p{N}])(?:[^'\n]|'(?=\p{L}))*?[^\s']'(?![\p{L}\p{N}])/uy;

/**
 * Spans of the source text the writer quotes: block quotes, and words inside quotation marks on one
 * paragraph. An apostrophe (`don't`) is not a quotation mark: `‘` and `'` open only after a space or line start.
 */
export function quotedSpans(post: ParsedPost): Span[] {
  return derive(post, QUOTED, () => {
    const spans: Span[] = [];
    for (const block of post.blocks) if (block.inQuote || block.kind === 'blockquote') spans.push({ start: block.start, end: block.end });
    const text = post.text;
    for (let i = 0; i < text.length; i++) {
      if (!OPENS[text.charCodeAt(i)]) continue;
      const open = text[i];
      if ((open === '‘' || open === '"') && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
      // Only as far as a quote may run: searching the rest of a long post from every stray mark would be quadratic.
      const end = text.slice(i + 1, i + MAX_QUOTE + 1).indexOf(PAIRS[open]) + i + 1;
      if (end === i || text.slice(i, end).includes('\n\n')) continue;
      spans.push({ start: i, end: end + 1 });
      i = end;
    }
    // A single quote opens only at an apostrophe: the pattern runs there alone, not from every character.
    for (let i = text.indexOf("'"); i >= 0; i = text.indexOf("'", i + 1)) {
      SINGLE_QUOTED.lastIndex = i;
      const m = SINGLE_QUOTED.exec(text);
      if (!m) continue;
      if (m[0].length <= MAX_QUOTE) spans.push({ start: i, end: i + m[0].length });
      i += m[0].length - 1;
    }
    return spans;
  });
}

export function isQuoted(post: ParsedPost, match: Pick<PhraseMatch, 'start' | 'end'>): boolean {
  return quotedSpans(post).some((s) => match.start >= s.start && match.end <= s.end);
}

/**
 * Words the writer first quotes and then repeats in their own voice are an echo, held up to mock: a notice
 * quoted as “…will be restored in due course.”, then "In due course. It has been nine days." The echo is as
 * much someone else's words as the quote.
 */
export function isEcho(post: ParsedPost, match: Pick<PhraseMatch, 'start' | 'end' | 'text'>): boolean {
  // Only quotes shortly before: an echo answers a quote the reader has just read, and a long document has thousands.
  const spans = derive(post, QUOTED_BY_END, () => [...quotedSpans(post)].sort((a, b) => a.end - b.end));
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end < match.start - ECHO_REACH) lo = mid + 1;
    else hi = mid;
  }
  const words = match.text.toLowerCase();
  for (let i = lo; i < spans.length && spans[i].end <= match.start; i++) {
    if (post.text.slice(spans[i].start, spans[i].end).toLowerCase().includes(words)) return true;
  }
  return false;
}

const QUOTED_BY_END = derivedKey<Span[]>('quoted spans by end');

/** How far back (in characters) an echo's quote may end. */
const ECHO_REACH = 600;

const EN_HOURS_BEFORE = /\b(?:open|opens|opening|stays open|stay open|closes|close|closing|hours)\s+(?:\w+\s+)?$/i;

/** A time after "open" or "closes" is opening hours ("opens at 9:00", "stays open until 8pm"), not a deadline. */
export function isOpeningHours(text: string, match: Pick<PhraseMatch, 'start'>): boolean {
  return EN_HOURS_BEFORE.test(text.slice(Math.max(0, match.start - 24), match.start));
}

const EN_NEGATION = /\b(?:not|no|never|without|isn't|aren't|wasn't|don't|doesn't|won't|nothing|zero|nor)\s+(?:\w+\s+)?$/i;
const ZH_NEGATION = /(?:不是|并非|没有|从不|绝不|无需|不用|不搞|不做|拒绝|没|不)$/;

/** A signal right after a negation is the writer saying what the post is not: "no countdown, no '50% off'". */
export function isNegated(text: string, match: Pick<PhraseMatch, 'start'>): boolean {
  const before = text.slice(Math.max(0, match.start - 24), match.start);
  return EN_NEGATION.test(before) || ZH_NEGATION.test(before.trimEnd());
}

/** Where the opening line ends: what a reader meets before deciding whether to read on. */
export function openingLineEnd(post: ParsedPost): number {
  const text = post.published.text;
  let i = 0;
  while (i < text.length && /\s/.test(text[i])) i++;
  const end = text.indexOf('\n', i);
  return post.published.toSource(end < 0 ? text.length : end, 'end');
}

const ZH_HEDGE_BEFORE = /(?:算是|也算|总算|勉强|基本|差不多)$/;
const ZH_HEDGE_AFTER = /^(?:吧|啦|了吧|哈|嘿|嘛|～|~|😂|🤣|😅|\(bushi|（bushi)/u;
const EN_HEDGE_AFTER = /^[\s,.!]*(?:lol|lmao|haha|ish\b|i guess|i suppose|😂|🤣|😅)/iu;

/**
 * A set phrase the writer hedges or laughs at (算是圆满成功吧哈哈, "a resounding success, I guess") is used
 * literally or in jest: a person talking, not an institution's voice.
 */
export function isHedged(text: string, match: Pick<PhraseMatch, 'start' | 'end'>): boolean {
  const before = text.slice(Math.max(0, match.start - 4), match.start);
  const after = text.slice(match.end, match.end + 16);
  return ZH_HEDGE_BEFORE.test(before) || ZH_HEDGE_AFTER.test(after) || EN_HEDGE_AFTER.test(after);
}

const EN_BOUGHT_BEFORE = /(?:\b(?:bought|paid|picked up|snagged)|\b(?:i|we|my \w+)\s+(?:\w+\s+)?(?:got|scored|found))\b[^.!?\n]{0,60}$/i;
const ZH_BOUGHT = /(?:买的|买了|买到|入的|入手的|淘的|淘到|抢到|捡漏|当时|那时)/;
const SENTENCE_MARK = /[。！？!?\n]/;

/**
 * A price that changed, told in the past: "the fee went from £0 to £6 a month", "rent rose to £900". The verb
 * sits right before the price, or before the "from … to" that leads to it: a "went" earlier in the sentence
 * ("Prices went crazy, but ours are only $12") is no change of this price.
 */
const EN_CHANGED_BEFORE = /\b(?:went|jumped|rose|climbed|increased|shot|doubled|tripled|was raised|were raised)(?:\s+up)?(?:\s+(?:from|to)\b[^.!?\n]{0,30})?\s+$/i;

/**
 * A price or saving in the writer's own past purchase (“bought these boots half price years ago”,
 * 五年前半价买的, 当时原价 599 活动价 399), or a price change told in the past ("my gym went from £25 to £32 a
 * month"), tells a story; it pushes nothing on the reader.
 */
export function isPastPurchase(text: string, match: Pick<PhraseMatch, 'start' | 'end'>): boolean {
  const before = text.slice(Math.max(0, match.start - 80), match.start);
  if (EN_BOUGHT_BEFORE.test(before) || EN_CHANGED_BEFORE.test(before)) return true;
  const clauseBefore = before.split(SENTENCE_MARK).pop() ?? '';
  const after = text.slice(match.end, match.end + 12).split(SENTENCE_MARK)[0];
  return ZH_BOUGHT.test(clauseBefore.slice(-12)) || ZH_BOUGHT.test(after);
}

const EN_PAST_BEFORE = /\b(?:was|were|had)\s+(?:\w+\s+)?$/i;
const ZH_PAST_BEFORE = /(?:当时|那时|那会儿?|上次|去年)[^。！？!?\n]{0,6}$/;

/**
 * A count or a deadline told in the past tense ("there were only 3 left when we got there", 当时只剩两件)
 * is a story about what happened, not pressure on the reader now.
 */
export function isPastTense(text: string, match: Pick<PhraseMatch, 'start'>): boolean {
  const before = text.slice(Math.max(0, match.start - 24), match.start);
  return EN_PAST_BEFORE.test(before) || ZH_PAST_BEFORE.test(before);
}
