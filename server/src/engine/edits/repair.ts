// Edits that leave well-formed copy. A rule says what to remove or rewrite; this settles what the change
// leaves around it, in Chinese and English: the punctuation on both sides of a removed phrase, the spaces,
// an emptied hashtag or bracket pair, a sentence that now starts in lower case, "a" before a vowel.
// Every fix and suggestion goes through it (`lint` applies it to each edit), so no rule repeats it.
import type { OffsetEdit } from '../types';
import { articleFor } from './article';

/** Clause marks, weakest first: when removing a phrase leaves two side by side, the stronger one stays. */
const STRENGTH: Record<string, number> = {
  '、': 1, '，': 2, ',': 2, '：': 3, ':': 3, '；': 4, ';': 4,
  '。': 5, '.': 5, '！': 5, '!': 5, '？': 5, '?': 5, '…': 5,
};
/** Marks that only join clauses: one left dangling at the end of a line says a clause is missing. */
const JOINERS = new Set(['、', '，', ',', '：', ':', '；', ';']);
const SENTENCE_ENDS = new Set(['。', '.', '！', '!', '？', '?', '…']);
/** Pairs that wrap a phrase: when the phrase goes, an empty pair would be left. */
const PAIRS: Record<string, string> = {
  '#': '#', '(': ')', '（': '）', '[': ']', '【': '】', '「': '」', '『': '』', '《': '》', '“': '”', '‘': '’', '"': '"', '〔': '〕',
};
/** What may stand at a line's start before its text: indentation, a list marker, a quote marker, a heading's hashes. */
const LINE_HEAD = /^[ \t]*(?:<!--.*?-->[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)]|>|#{1,6})[ \t]+)*$/;
const CONTENT = /[\p{L}\p{N}]/u;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Whether the edit takes out words (letters, digits, CJK), the only kind of edit whose surroundings need settling. */
export function removesContent(text: string, edit: OffsetEdit): boolean {
  return CONTENT.test(text.slice(edit.start, edit.end));
}

/**
 * `edit`, widened and adjusted so that applying it leaves well-formed copy; null when no well-formed version
 * exists (the fix should not be offered). Edits that cross a line, or take out no words, are returned as they
 * are: they are the layout and punctuation rules' own edits, which know their surroundings. A line break
 * inserted before closing marks moves after them. The result never reaches past the edit's line.
 */
export function repairEdit(text: string, edit: OffsetEdit): OffsetEdit | null {
  if (edit.newText.includes('\n')) return edit.start === edit.end && /^[ \t]*\r?\n/.test(edit.newText) ? breakAfterMarks(text, edit) : edit;
  if (!removesContent(text, edit)) return edit;
  // A lone CR ends a line too, as CommonMark reads it.
  const lineStart = Math.max(text.lastIndexOf('\n', edit.start - 1), text.lastIndexOf('\r', edit.start - 1)) + 1;
  let lineEnd = edit.end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  if (/[\r\n]/.test(text.slice(edit.start, edit.end))) return edit;

  const removed = text.slice(edit.start, edit.end);
  let left = text.slice(lineStart, edit.start);
  let mid = edit.newText;
  let right = text.slice(edit.end, lineEnd);
  if (mid === '') {
    for (let pass = 0; pass < 4; pass++) {
      const before = left + '\u0000' + right;
      [left, right] = unwrapEmptyPair(left, right);
      [left, right] = settleSpaces(left, right);
      [left, right] = settlePunctuation(left, right);
      if (left + '\u0000' + right === before) break;
    }
    right = capitalizeSentenceStart(left, removed, right);
  } else {
    // Only a rewrite of whole words takes the capital: a case change or an edit inside a word is the rule's own.
    const wholeWords = !/\p{L}/u.test(right[0] ?? '') && removed.toLowerCase() !== mid.toLowerCase();
    if (wholeWords) mid = capitalizeSentenceStart(left, removed, mid);
    if (isSpace(left[left.length - 1]) && isSpace(mid[0])) mid = mid.trimStart();
    if (isSpace(mid[mid.length - 1]) && (isSpace(right[0]) || right === '')) mid = mid.trimEnd();
  }
  left = agreeArticle(left, mid === '' ? right : mid);

  const line = text.slice(lineStart, lineEnd);
  const repaired = left + mid + right;
  // The smallest edit that turns the line into the repaired one, so the edit stays near the phrase.
  let a = 0;
  const max = Math.min(line.length, repaired.length);
  while (a < max && line[a] === repaired[a] && a < edit.start - lineStart) a++;
  let b = 0;
  while (b < max - a && line[line.length - 1 - b] === repaired[repaired.length - 1 - b] && line.length - b > edit.end - lineStart) b++;
  return { start: lineStart + a, end: lineStart + line.length - b, newText: repaired.slice(a, repaired.length - b) };
}

/** Marks that belong to the sentence before them: a line must not open with one. */
const TRAILING_MARKS = /^[，、；：。！？,;:!?.…)）\]】」』》”’"']+/;

/**
 * How many marks at `at` close the sentence before it (`？` after `！`, `。”`), which a break there
 * must go after; null when a comma or a semicolon is among them, so no break belongs there.
 */
export function closingMarksAt(text: string, at: number): number | null {
  const marks = TRAILING_MARKS.exec(text.slice(at, at + 16));
  if (!marks) return 0;
  return [...marks[0]].some((c) => JOINERS.has(c)) ? null : marks[0].length;
}

/**
 * A line break inserted after a sentence end (a paragraph break, a thread separator) goes after the marks
 * that close that sentence (`好吧？！`, `。”`), so the next line does not open with them. Null when a comma
 * or a semicolon follows: the "sentence end" was an abbreviation (`R-Ark.),`) and no break belongs there.
 */
function breakAfterMarks(text: string, edit: OffsetEdit): OffsetEdit | null {
  const marks = closingMarksAt(text, edit.start);
  if (marks === null) return null;
  if (marks === 0) return edit;
  const at = edit.start + marks;
  // The spaces that followed the marks belonged to the break being replaced.
  let end = at;
  while (isSpace(text[end])) end++;
  return { start: at, end, newText: edit.newText };
}

/** `#清仓#` with 清仓 removed, or `（限时）` with 限时 removed: the pair goes too. */
function unwrapEmptyPair(left: string, right: string): [string, string] {
  const open = left[left.length - 1];
  if (open !== undefined && PAIRS[open] !== undefined && right[0] === PAIRS[open]) {
    // A lone `#` after a word is a hashtag's end only when it closes one; `C#` is a word.
    return [left.slice(0, -1), right.slice(1)];
  }
  return [left, right];
}

/** One space between words, none at a line's start or end, none before punctuation. */
function settleSpaces(left: string, right: string): [string, string] {
  const leftTrimmed = left.replace(/[ \t]+$/, '');
  const rightTrimmed = right.replace(/^[ \t]+/, '');
  const leftSpaces = left.length - leftTrimmed.length;
  const rightSpaces = right.length - rightTrimmed.length;
  if (leftSpaces === 0 && rightSpaces === 0) return [left, right];
  if (LINE_HEAD.test(left)) return [left, rightTrimmed];
  if (rightTrimmed === '') return [leftTrimmed, ''];
  if (STRENGTH[rightTrimmed[0]] !== undefined || /^[)\]）】」』》”’]/.test(rightTrimmed)) return [leftTrimmed, rightTrimmed];
  if (/[([（【「『《“‘]$/.test(leftTrimmed)) return [leftTrimmed, rightTrimmed];
  if (leftSpaces > 0 && rightSpaces > 0) return [left, rightTrimmed];
  return [left, right];
}

/** No line opening with a clause mark, no two marks side by side, no joiner dangling at a line's end. */
function settlePunctuation(left: string, right: string): [string, string] {
  const p = left[left.length - 1];
  const q = right[0];
  const pStrength = p === undefined ? undefined : STRENGTH[p];
  const qStrength = q === undefined ? undefined : STRENGTH[q];
  // A heading or list item that held only the removed words: its marker goes too, not to stand empty.
  if (right.trim() === '' && /[^ \t]/.test(left) && LINE_HEAD.test(left)) return [left.replace(/[^ \t][\s\S]*$/, ''), ''];
  // `buy now#` without `buy now` would open the line with `#`: a heading of nothing.
  if (LINE_HEAD.test(left) && /^#{1,6}(?=[ \t]|$)/.test(right)) return [left, right.replace(/^#{1,6}[ \t]*/, '')];
  if ((qStrength !== undefined || /^[)）\]】」』》]/.test(right)) && LINE_HEAD.test(left)) {
    return [left, right.slice(1).replace(/^[ \t]+/, '')];
  }
  if (pStrength !== undefined && qStrength !== undefined) {
    // `……` and `...` are one mark, not two.
    if (p === q && (p === '…' || p === '.')) return [left, right];
    return qStrength > pStrength ? [left.slice(0, -1), right] : [left, right.slice(1)];
  }
  if (p !== undefined && JOINERS.has(p) && right.trim() === '') return [left.slice(0, -1), right];
  return [left, right];
}

/**
 * "Grab yours now, the offer…" without "Grab yours" starts with "now": when the removed words began a
 * sentence with a capital, the words that now begin it take the capital.
 */
function capitalizeSentenceStart(left: string, removed: string, next: string): string {
  const first = removed.match(/\p{L}/u)?.[0];
  if (!first || first === first.toLowerCase()) return next;
  const before = left.replace(/[ \t]+$/, '');
  const startsSentence = LINE_HEAD.test(before) || SENTENCE_ENDS.has(before[before.length - 1]);
  if (!startsSentence) return next;
  const at = next.search(/\p{L}/u);
  if (at < 0 || /[\p{L}\p{N}]/u.test(next.slice(0, at))) return next;
  const letter = next[at];
  if (letter === letter.toUpperCase() || !/[a-z]/.test(letter)) return next;
  return next.slice(0, at) + letter.toUpperCase() + next.slice(at + 1);
}

/** "a definitive agreement" without "definitive" is "an agreement". */
function agreeArticle(left: string, next: string): string {
  const match = /(^|[^\p{L}\p{N}'’])([Aa]n?)([ \t]+)$/u.exec(left);
  if (!match) return left;
  const word = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(next)?.[0];
  if (!word) return left;
  const article = articleFor(word);
  const current = match[2].toLowerCase();
  if (current === article) return left;
  const replaced = match[2][0] === 'A' ? article[0].toUpperCase() + article.slice(1) : article;
  return left.slice(0, left.length - match[2].length - match[3].length) + replaced + match[3];
}
