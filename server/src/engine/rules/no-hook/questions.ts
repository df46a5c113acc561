import { isAsciiAlphanumeric } from '../../chars';
import type { Block } from '../../parse/markdown';
import type { ParsedPost } from '../../parse/post';

/** Blocks whose text is the writer's own prose; block quotes, code, tables and raw HTML are not. */
export function isOwnProse(block: Block): boolean {
  return (block.kind === 'paragraph' || block.kind === 'heading') && !block.inQuote;
}

/** A published-text range of one block. */
export interface ProseRange {
  block: Block;
  start: number;
  end: number;
}

/** The writer's own prose blocks, as ranges of the published text, in order; blocks that publish nothing are left out. */
export function ownProseRanges(post: ParsedPost): ProseRange[] {
  const ranges: ProseRange[] = [];
  for (const block of post.blocks) {
    if (!isOwnProse(block)) continue;
    const start = post.published.toPublished(block.start);
    const end = post.published.toPublished(block.end);
    if (end > start) ranges.push({ block, start, end });
  }
  return ranges;
}

const QUESTION = 0x3f; // ?
const FULL_WIDTH_QUESTION = 0xff1f; // ？
const STRAIGHT_QUOTE = 0x22; // "
/** “ 「 『 《 open a quotation (or a title), ” 」 』 》 close it. */
const OPENING_QUOTES = [0x201c, 0x300c, 0x300e, 0x300a];
const CLOSING_QUOTES = [0x201d, 0x300d, 0x300f, 0x300b];

/**
 * Where the writer asks the reader something: the first `?` or `？` in their own prose that is neither
 * quoted speech (“…？”, 「…？」, "…?", `> …`) nor part of a link (`?utm_source=…`); -1 when there is none.
 * One pass over each block, stopping at the first real question.
 */
export function findReaderQuestion(text: string, ranges: readonly ProseRange[]): number {
  for (const { start, end } of ranges) {
    let nested = 0;
    let inStraightQuote = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === QUESTION) {
        if (nested === 0 && !inStraightQuote && !isInLink(text, i, start) && !isAnswered(text, i)) return i;
      } else if (c === STRAIGHT_QUOTE) inStraightQuote = !inStraightQuote;
      else if (c >= 0x201c) {
        if (c === FULL_WIDTH_QUESTION) {
          if (nested === 0 && !inStraightQuote && !isAnswered(text, i)) return i;
        } else if (OPENING_QUOTES.includes(c)) nested++;
        else if (CLOSING_QUOTES.includes(c) && nested > 0) nested--;
      }
    }
  }
  return -1;
}

/**
 * How an answer starts, when the writer answers their own question: "Why …? Because …", "Is there
 * anything better? Didn't think so.", "Does it work?\n\nNo.", "Worth it? Honestly, no.", 为什么…？因为…, …是什么？当然是…;
 * a hedge may lead in ("Honestly, no.", 说实话，不值).
 */
const ANSWER_START =
  /^(?:(?:honestly|frankly|truthfully|well|sadly|surprisingly|personally|in short|short version|in my experience|for me|for us|hmm|说实话|老实说|坦白说|讲真|实话说)[,，:：—–-]?\s*)?(?:(?:no|nope|not for|not in|not worth|hardly|never|sometimes|mostly|only if|it depends|depends|yes|yep|yeah|not really|not quite|not always|not exactly|(?:i )?didn['’]t think so|of course|obviously|because|['’]?cause|turns out|it turns out|the answer|short answer|short version|long story short|in short|tl;dr|here['’]s why|here['’]s how|spoiler|simple|easy|exactly|absolutely|definitely|probably not|neither|nah)\b|(?:当然|因为|答案是|答案：|我的办法是|我的做法是|办法是|方法是|我的答案是|没错|是的|不是|其实|原因很简单|原因是|很简单|说白了|不会|不能|没有[，。！]|有的|对[，。！]|不[，。！]|就是|显然|不值|未必|并不|并没有|看情况|不一定))/i;

/**
 * An answer that names itself, maybe after a clause: "Want glowing skin? This serum is the answer.", "I asked the
 * baker, and the answer is butter", 想要瘦？这款代餐就是答案。, 我替大家排了一次，答案是：汤。
 */
const ANSWERED_BY = /^[^.!?。！？\n]{0,32}?(?:\bis (?:the|your) answer\b|\bhas (?:the|your) answer\b|\bthe (?:answer|reason|secret) (?:is|was)\b|就是答案|就是你要的答案|是答案|答案是|答案[：:]|答案就是|原因是|原因就是|秘诀是|秘诀就是)/i;

/** Whether the words right after a question (on its line or the next) answer it. */
function isAnswered(text: string, at: number): boolean {
  let i = at + 1;
  // More question marks, closing brackets and the space or line break before the answer.
  while (i < text.length && i - at < 8 && /[\s?？!！)）"”’」』]/.test(text[i])) i++;
  const next = text.slice(i, i + 24);
  return (
    ANSWER_START.test(next) ||
    ANSWERED_BY.test(text.slice(i, i + 48)) ||
    answersEitherOr(text, at, next) ||
    answersWhy(text, at, i) ||
    (!asksTheReader(text, at) && isFragmentAnswer(next))
  );
}

/** "Why …?", 为什么…？ ("why not" suggests rather than asks, and is left to the other tests). */
const WHY_QUESTION = /\b(?:why(?!\s+not\b)|how come)\b|为什么|为啥/i;
const NEXT_SENTENCE = /^[^.!?。！？\n]{4,200}[.!。！]/;

/**
 * A why-question that opens an explainer, answered by the next sentence when that sentence turns to no one:
 * "Why does your sourdough collapse? Nine times out of ten it's overproofing.", 为什么你的报表很慢？大多数是没走索引。
 * A question to the reader and an invitation after it ("Tell us your reason below.") stays a hook.
 */
function answersWhy(text: string, at: number, answerStart: number): boolean {
  if (!WHY_QUESTION.test(questionSentence(text, at))) return false;
  const sentence = NEXT_SENTENCE.exec(text.slice(answerStart, answerStart + 201));
  return sentence !== null && !TURNS_TO_READER.test(sentence[0]);
}

/** 值不值, 要不要, 有没有: a question that offers A or not-A. */
const A_NOT_A = /([\u4e00-\u9fff])[不没]\1/g;
const ENDS_ANSWER = /^[，。！!,.…\s]/;

/**
 * An A-not-A question answered with A or not-A and nothing more in that clause: 值不值？值。 要不要办？不要。
 * 好不好看？好看的话…… goes on past the echo, so it is a condition, not an answer.
 */
function answersEitherOr(text: string, at: number, next: string): boolean {
  const question = text.slice(Math.max(0, at - 40), at);
  for (const match of question.matchAll(A_NOT_A)) {
    const a = match[1];
    for (const answer of [a, `不${a}`, `没${a}`, `没有`]) {
      if (next.startsWith(answer) && ENDS_ANSWER.test(next.slice(answer.length))) return true;
    }
  }
  return false;
}

/**
 * A short fragment that ends its sentence right after a question is the writer's own answer: "Why does a
 * croissant cost more? Butter.", 冬天最治愈的是什么？一碗热汤面。 — unless it turns to the reader (you, 你,
 * an order such as "Tell me." or 说说。, a request for help such as 懂行的朋友教教我。 or 欢迎推荐。), which the hook
 * phrases weigh on their own. A question put to the reader (you, 你) is never answered by a fragment: what
 * follows it explains the ask ("想抄个作业。").
 */
const EN_FRAGMENT = /^([A-Za-z][\w'’-]*)(?:\s+[\w'’-]+)?[.!](?:\s|$)/;
const EN_NOT_ANSWER = /^(?:you|your|yours|anyone|anybody|someone|thoughts|let|tell|drop|comment|share|reply|send|dm|vote|guess|answer|leave|write|ask|asking|just|me|us|same|please|pls|go|discuss|curious|wrong|no|yes|asking for)$/i;
const ZH_FRAGMENT = /^[\u4e00-\u9fff\d]{2,10}[。！!]/;
const ZH_NOT_ANSWER = /[你您吗呢吧谁哪么评留告说聊晒猜想请要教帮求问]|就行|欢迎/;
const ASKS_READER = /\b(?:you|your|yours|u|ya)\b|[你您]|大家|各位/i;
/** A sentence that addresses the reader, or asks them to act: what a why-question's answer never does. */
const TURNS_TO_READER = new RegExp(`${ASKS_READER.source}|\\b(?:let us|let me|tell|share|comment|reply|drop|vote|guess|thoughts|anyone|anybody)\\b|说说|评论|留言|告诉|猜|欢迎|求`, 'i');

/** Whether the question (its sentence up to the mark) is put to the reader. */
function asksTheReader(text: string, at: number): boolean {
  return ASKS_READER.test(questionSentence(text, at));
}

/** The question's sentence up to its mark (at most 120 characters back). */
function questionSentence(text: string, at: number): string {
  let start = at;
  while (start > 0 && at - start < 120 && !/[.!?。！？\n]/.test(text[start - 1])) start--;
  return text.slice(start, at);
}

function isFragmentAnswer(next: string): boolean {
  const en = EN_FRAGMENT.exec(next);
  if (en) return !EN_NOT_ANSWER.test(en[1]);
  const zh = ZH_FRAGMENT.exec(next);
  return zh !== null && !ZH_NOT_ANSWER.test(zh[0]);
}

/** Characters that end a link in running text: whitespace, CJK and full-width punctuation, brackets. */
function endsLink(code: number): boolean {
  return code <= 32 || code === 0x3c /* < */ || code === 0x3e /* > */ || code === 0x22 /* " */ || code >= 0x2e80;
}

const LINK_START = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)+\/)/iy;
/** Links longer than this are not worth walking back over; their `?` counts as prose. */
const MAX_LINK_LENGTH = 2048;

/**
 * A `?` belongs to a link when the word it sits in starts like one (`https://`, `www.`, `host.tld/`)
 * and more of the link follows it. A `?` that ends the word (`…/docs?`) ends a sentence, as linkifiers agree.
 */
function isInLink(text: string, at: number, floor: number): boolean {
  if (at + 1 >= text.length || endsLink(text.charCodeAt(at + 1))) return false;
  let wordStart = at;
  const limit = Math.max(floor, at - MAX_LINK_LENGTH);
  while (wordStart > limit && !endsLink(text.charCodeAt(wordStart - 1))) wordStart--;
  for (let i = wordStart; i < at; i++) {
    // A link may start mid-word, after an opening bracket or a colon: `(https://…`, `see:www.…`.
    if (i > wordStart && isAsciiAlphanumeric(text.charCodeAt(i - 1))) continue;
    LINK_START.lastIndex = i;
    const match = LINK_START.exec(text);
    if (match && i + match[0].length <= at) return true;
  }
  return false;
}
