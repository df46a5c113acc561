import { closingMarksAt } from '../../edits/repair';
import { lineBreakOf } from '../../postEdits';
import { isHan, isHorizontalSpace, isLineBreak } from '../../chars';
import type { Block } from '../../parse/markdown';
import type { ParsedPost } from '../../parse/post';
import { isCjk } from '../../chars';
import { docsUrl, type FixSpec, type Rule } from '../../rule';
import type { Localized, OffsetEdit } from '../../types';
import { URL_TEXT, proseIndex, toSourceEdit, toSourceSpan } from './prose';

export const wallOfTextRule: Rule = {
  meta: {
    id: 'formatting/wall-of-text',
    family: 'formatting',
    defaultSeverity: 'warning',
    description: { en: 'A paragraph too long to take in at once.', zh: '一段话太长，读者没法一眼看完。' },
    rationale: {
      en: 'Readers of a feed scan, they do not read: a block of text with no break looks like work, and they scroll past it. Short paragraphs get read.',
      zh: '用户是不会逐字阅读的，他们只会扫读：一大段不分段的文字看起来就费劲，读者会直接划过去。排版很重要，短段落才会被读完。',
    },
    docs: docsUrl('formatting/wall-of-text'),
    fixable: true,
    options: {
      maxCjkChars: {
        type: 'number',
        default: 180,
        min: 20,
        description: { en: 'Longest paragraph in Chinese characters.', zh: '一段中文最多多少字。' },
      },
      maxCjkRunOn: {
        type: 'number',
        default: 150,
        min: 20,
        description: {
          en: 'Longest Chinese paragraph with no sentence end inside it (one breath held together by commas).',
          zh: '中间没有句号（只用逗号连着）的一段中文最多多少字。',
        },
      },
      maxChars: {
        type: 'number',
        default: 280,
        min: 40,
        description: { en: 'Longest paragraph in Latin characters (spaces included).', zh: '一段西文最多多少个字符（含空格）。' },
      },
    },
  },
  check(context) {
    const { post, t } = context;
    const maxCjk = context.options.maxCjkChars as number;
    const maxChars = context.options.maxChars as number;
    // A Chinese paragraph with no sentence end inside gives the eye nowhere to rest: a wall sooner.
    const maxRunOn = Math.min(context.options.maxCjkRunOn as number, maxCjk);
    // Weighted so that both limits meet: a CJK character weighs maxChars, any other maxCjk, and a
    // paragraph fits while its weight is at most maxChars × maxCjk. Mixed text is weighed character by character.
    const weights = { cjk: maxChars, other: maxCjk, limit: maxChars * maxCjk };
    const runOnLimit = maxChars * maxRunOn;
    // Too short to pass either limit whatever its characters: no need to weigh it.
    const surelyFits = (from: number, to: number) => (to - from) * Math.max(maxChars, maxCjk) <= Math.min(weights.limit, runOnLimit);
    const listItemLines = new Set(post.blocks.filter((b) => b.kind === 'list_item').map((b) => b.startLine));
    for (const block of post.blocks) {
      if (block.kind !== 'paragraph') continue;
      const blockFrom = post.published.toPublished(contentStart(post, block, listItemLines));
      const blockTo = post.published.toPublished(block.end);
      if (surelyFits(blockFrom, blockTo)) continue;
      for (const [from, to] of lineRuns(post.published.text, blockFrom, blockTo)) {
        if (surelyFits(from, to)) continue;
        const paragraph = measureParagraph(proseIndex(post), from, to, weights);
        const mostlyCjk = paragraph.cjk >= paragraph.other;
        const runOn = mostlyCjk && paragraph.candidates.length === 0;
        const kind: WallKind = runOn ? 'runOn' : mostlyCjk ? 'cjk' : 'latin';
        const limit = runOn ? runOnLimit : weights.limit;
        if (paragraph.weight <= limit) continue;
        const size = Math.round(paragraph.weight / (mostlyCjk ? maxChars : maxCjk));
        // Built when a host asks: choosing the breaks of a long paragraph costs more than the finding.
        const fixes = (): FixSpec[] => {
          const { breaks, complete } = chooseBreaks(paragraph.candidates, paragraph.weight, limit);
          if (breaks.length === 0) return [];
          return [
            {
              title: t(
                complete
                  ? { en: `Break the paragraph at ${breaks.length} sentence end${breaks.length > 1 ? 's' : ''}`, zh: `在 ${breaks.length} 处句末分段` }
                  : { en: `Break the paragraph at ${breaks.length} sentence end${breaks.length > 1 ? 's' : ''} (part stays long)`, zh: `在 ${breaks.length} 处句末分段（仍有一段偏长）` },
              ),
              edits: breaks.map((c) => breakEdit(post, block, c, listItemLines)),
              // Fix-all applies only breaks that settle the finding; a partial split is offered by hand.
              preferred: complete,
            },
          ];
        };
        const span = toSourceSpan(post, from, to);
        const more = context.report({
          ...span,
          message: t(WALL_MESSAGES[kind](size, kind === 'runOn' ? maxRunOn : kind === 'cjk' ? maxCjk : maxChars)),
          fixes,
        });
        if (!more) return;
      }
    }
  },
};

/**
 * The lines of a paragraph, as ranges of the published text. Every platform shows a line break as one, so
 * a paragraph of short lines (a notice, a list without markers) is no wall: each line is weighed alone.
 */
function lineRuns(text: string, from: number, to: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (!isLineBreak(text.charCodeAt(i))) continue;
    if (i > start) runs.push([start, i]);
    start = i + 1;
  }
  if (to > start) runs.push([start, to]);
  return runs;
}

type WallKind = 'runOn' | 'cjk' | 'latin';

const WALL_MESSAGES: Record<WallKind, (size: number, comfortable: number) => Localized> = {
  runOn: (size, comfortable) => ({
    en: `This paragraph runs ${size} Chinese characters in one breath, with no sentence end (comfortable: ${comfortable}): readers find nowhere to pause, so end a sentence or two and break it up.`,
    zh: `这一段连续 ${size} 字，中间没有一个句号（建议不超过 ${comfortable} 字）：读者找不到停顿的地方，断成几句、分成几段吧。`,
  }),
  cjk: (size, comfortable) => ({
    en: `This paragraph runs ${size} Chinese characters without a line break (comfortable: ${comfortable}): on a phone it fills the screen and readers skim past, so break it up.`,
    zh: `这一段连续 ${size} 字没有换行（建议不超过 ${comfortable} 字）：在手机上满屏都是字，读者会直接划过去，拆成几段吧。`,
  }),
  latin: (size, comfortable) => ({
    en: `This paragraph runs ${size} characters without a line break (comfortable: ${comfortable}): on a phone it fills the screen and readers skim past, so break it up.`,
    zh: `这一段连续 ${size} 个字符没有换行（建议不超过 ${comfortable}）：在手机上满屏都是字，读者会直接划过去，拆成几段吧。`,
  }),
};

interface Weights {
  cjk: number;
  other: number;
  limit: number;
}

/** A place to break: the published offset after a sentence end, and the spaces that follow it. */
interface Candidate {
  at: number;
  spaces: number;
  /** The sentence end is the last thing on its line: the break only needs a blank line added. */
  atLineEnd: boolean;
  /** Weight of the paragraph before `at`. */
  weight: number;
}

interface ParagraphMeasure {
  weight: number;
  cjk: number;
  other: number;
  candidates: Candidate[];
}

const CLOSERS = new Set([...'"\'”’」』）)》】]']);

function measureParagraph({ text, mask }: { text: string; mask: Uint8Array }, from: number, to: number, weights: Weights): ParagraphMeasure {
  let weight = 0;
  let cjk = 0;
  let other = 0;
  const candidates: Candidate[] = [];
  const count = (code: number) => {
    if (isLineBreak(code)) return;
    if (isWide(code)) {
      cjk++;
      weight += weights.cjk;
    } else {
      other++;
      weight += weights.other;
    }
  };
  for (let i = from; i < to; ) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    count(code);
    i += size;
    if (!isSentenceEnd(text, i - size, code) || mask[i - size] & URL_TEXT) continue;
    // A break goes after every mark that closes the sentence (`！？`, `。”`), as the fix's repair puts it;
    // a comma after them means the "end" was an abbreviation, and no break belongs there.
    const closing = closingMarksAt(text, i);
    if (closing === null) continue;
    for (const stop = Math.min(i + closing, to); i < stop; ) count(text.charCodeAt(i++));
    const at = i;
    let after = at;
    while (after < to && isHorizontalSpace(text.charCodeAt(after))) after++;
    if (after >= to) continue;
    candidates.push({ at, spaces: after - at, atLineEnd: isLineBreak(text.charCodeAt(after)), weight });
  }
  return { weight, cjk, other, candidates };
}

function isWide(code: number): boolean {
  return isCjk(code) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af);
}

/** `。！？` always end a sentence; `.!?` when a space, a line break or CJK follows; `…` at the end of its run. */
function isSentenceEnd(text: string, at: number, code: number): boolean {
  const next = text.charCodeAt(at + 1);
  switch (code) {
    case 0x3002:
    case 0xff01:
    case 0xff1f:
      return next !== code;
    case 0x2026:
      return next !== 0x2026;
    case 46:
    case 33:
    case 63:
      return Number.isNaN(next) || isHorizontalSpace(next) || isLineBreak(next) || isHan(next) || CLOSERS.has(text[at + 1]);
    default:
      return false;
  }
}

/**
 * Splits at the sentence end nearest the middle, then splits each half the same way until every piece fits.
 * `complete` is false when some piece has no sentence end left to break at.
 */
function chooseBreaks(candidates: Candidate[], total: number, limit: number): { breaks: Candidate[]; complete: boolean } {
  const chosen: Candidate[] = [];
  let complete = true;
  const pieces: Array<[startWeight: number, endWeight: number, lo: number, hi: number]> = [[0, total, 0, candidates.length]];
  while (pieces.length > 0) {
    const [startWeight, endWeight, lo, hi] = pieces.pop()!;
    if (endWeight - startWeight <= limit) continue;
    if (lo >= hi) {
      complete = false;
      continue;
    }
    const k = nearest(candidates, lo, hi, (startWeight + endWeight) / 2);
    chosen.push(candidates[k]);
    pieces.push([startWeight, candidates[k].weight, lo, k], [candidates[k].weight, endWeight, k + 1, hi]);
  }
  chosen.sort((a, b) => a.at - b.at);
  return { breaks: chosen, complete };
}

function nearest(candidates: Candidate[], lo: number, hi: number, weight: number): number {
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (candidates[mid].weight < weight) a = mid + 1;
    else b = mid;
  }
  if (a > lo && weight - candidates[a - 1].weight <= candidates[a].weight - weight) return a - 1;
  return a;
}

const QUOTE_PREFIX = /(?: {0,3}>[ \t]?)*/y;
const LIST_MARKER = /[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/y;
const INDENT = /[ \t]*/y;

/** A blank line at the break, carrying the quote markers and list indentation the paragraph lives in. */
/**
 * Where a paragraph's own text starts: after a list marker on its first line, whose "1." is no sentence
 * end to break at (breaking there leaves an empty item and the paragraph as long as before).
 */
function contentStart(post: ParsedPost, block: Block, listItemLines: Set<number>): number {
  if (!listItemLines.has(block.startLine)) return block.start;
  QUOTE_PREFIX.lastIndex = block.start;
  const quote = QUOTE_PREFIX.exec(post.text)![0];
  LIST_MARKER.lastIndex = block.start + quote.length;
  return block.start + quote.length + (LIST_MARKER.exec(post.text)?.[0].length ?? 0);
}

function breakEdit(post: ParsedPost, block: Block, candidate: Candidate, listItemLines: Set<number>): OffsetEdit {
  const newline = lineBreakOf(post.text);
  const line = post.lines.lineAt(post.published.toSource(candidate.at, 'start'));
  const lineStart = post.lines.lineStarts[line];
  QUOTE_PREFIX.lastIndex = lineStart;
  const quote = QUOTE_PREFIX.exec(post.text)![0];
  const indentPattern = line === block.startLine && listItemLines.has(line) ? LIST_MARKER : INDENT;
  indentPattern.lastIndex = lineStart + quote.length;
  const indent = ' '.repeat(indentPattern.exec(post.text)?.[0].length ?? 0);
  const blankLine = newline + quote.trimEnd();
  const end = candidate.at + candidate.spaces;
  return toSourceEdit(post, candidate.at, end, candidate.atLineEnd ? blankLine : blankLine + newline + quote + indent);
}
