import { isAsciiDigit, isAsciiLetter, isCjkPunctuation, isHan, isHorizontalSpace, isLineBreak } from '../../chars';
import { docsUrl, type Rule, type RuleContext } from '../../rule';
import { codePointBefore, proseIndex, toSourceEdit, toSourceSpan } from './prose';

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', '?': '？', '!': '！', ':': '：', ';': '；', '(': '（', ')': '）' };
const IS_MARK = new Uint8Array(128);
for (const mark of Object.keys(FULL_WIDTH)) IS_MARK[mark.charCodeAt(0)] = 1;
const QUESTION = new Set([...'?？']);
const FULL_WIDTH_MARK = new Set([...'！？']);
// :) ;-) :D :P and friends after Chinese text are emoticons, not colons.
const EMOTICON = /[:;][-'^]?[()DPpOo3|\\/*[\]](?![A-Za-z])/y;
const MAX_PAREN_CONTENT = 100;

export const punctuationRule: Rule = {
  meta: {
    id: 'formatting/punctuation',
    family: 'formatting',
    defaultSeverity: 'warning',
    description: {
      en: 'Half-width punctuation in Chinese text, and runs like "!!" or "?!".',
      zh: '中文里的半角标点，以及“！！”“？！”这样的连用标点。',
    },
    rationale: {
      en: 'Half-width commas and periods squeeze Chinese sentences together and make a post look copied from somewhere careless; stacked "!!!" reads as shouting.',
      zh: '中文里夹着半角逗号、句号，句子挤成一团，显得不用心，看起来也吃力；连用的“！！！”像在喊叫。',
    },
    docs: docsUrl('formatting/punctuation'),
    fixable: true,
    options: {
      repeatedMarks: {
        type: 'boolean',
        default: true,
        description: { en: 'Also flag runs of "!" and "?" such as "!!", "？？" and "?!".', zh: '同时检查“!!”“？？”“?!”这样的连用标点。' },
      },
    },
  },
  check(context) {
    const { text, mask } = proseIndex(context.post);
    const repeatedMarks = context.options.repeatedMarks as boolean;
    let pairedClose = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Most characters are letters or Han: one comparison each keeps the scan cheap.
      if ((code >= 128 || !IS_MARK[code]) && code !== 0xff01 && code !== 0xff1f) continue;
      if (mask[i] !== 0) continue;
      if (isRepeatable(code) && isRepeatable(text.charCodeAt(i + 1)) && mask[i + 1] === 0) {
        let end = i + 2;
        while (end < text.length && isRepeatable(text.charCodeAt(end)) && mask[end] === 0) end++;
        if (repeatedMarks && !reportRun(context, text, i, end)) return;
        i = end - 1;
        continue;
      }
      const char = text[i];
      if (!(char in FULL_WIDTH) || i === pairedClose) continue;
      // A `)` closing Chinese parentheses is about to become `）`, so what follows it is in Chinese text.
      const before = i - 1 === pairedClose ? 0xff09 : mask[i - 1] ? -1 : codePointBefore(text, i);
      if (char === '(') {
        const close = closingParen(text, mask, i);
        if (close > 0) {
          if (!reportParens(context, i, close)) return;
          pairedClose = close;
        }
        continue;
      }
      if (char === ')' || !needsFullWidth(text, mask, i, before)) continue;
      if (!reportMark(context, text, i)) return;
    }
  },
};

function isRepeatable(code: number): boolean {
  return code === 33 || code === 63 || code === 0xff01 || code === 0xff1f;
}

/** Whether the half-width mark at `at` sits in Chinese text. */
function needsFullWidth(text: string, mask: Uint8Array, at: number, before: number): boolean {
  const char = text[at];
  const after = mask[at + 1] ? -2 : (text.codePointAt(at + 1) ?? -1);
  const chineseBefore = isHan(before) || isCjkPunctuation(before);
  const chineseAfter = isHan(after) || isCjkPunctuation(after);
  switch (char) {
    case '.':
      // Decimals, domains and "..." are not sentence ends; only a period closing Chinese text is.
      return isHan(before) && (chineseAfter || after === -1 || isHorizontalSpace(after) || isLineBreak(after));
    case ':':
    case ';':
      if (chineseBefore) {
        EMOTICON.lastIndex = at;
        return !EMOTICON.test(text);
      }
      return isAsciiLetter(before) && isHan(after);
    default:
      return chineseBefore || ((isAsciiLetter(before) || isAsciiDigit(before)) && isHan(after));
  }
}

function reportMark(context: RuleContext, text: string, at: number): boolean {
  const { post, t } = context;
  const mark = text[at];
  const fullWidth = FULL_WIDTH[mark];
  // A full-width mark carries its own spacing, so the spaces typed after the half-width one go too.
  let end = at + 1;
  while (end < text.length && isHorizontalSpace(text.charCodeAt(end))) end++;
  if (end >= text.length || isLineBreak(text.charCodeAt(end))) end = at + 1;
  const edit = toSourceEdit(post, at, end, fullWidth);
  return context.report({
    start: edit.start,
    end: edit.end,
    message: t({
      en: `Half-width "${mark}" in Chinese text looks cramped and out of place: use the full-width "${fullWidth}".`,
      zh: `中文里用了半角的“${mark}”，显得拥挤、不协调：请改用全角的“${fullWidth}”。`,
    }),
    fixes: [{ title: t({ en: `Use "${fullWidth}"`, zh: `改为“${fullWidth}”` }), edits: [edit] }],
  });
}

/** The `)` closing the `(` at `open` on the same line, when the text between them starts or ends in Chinese. */
function closingParen(text: string, mask: Uint8Array, open: number): number {
  if (text[open - 1] === ']') return -1;
  const limit = Math.min(text.length, open + 1 + MAX_PAREN_CONTENT);
  for (let j = open + 1; j < limit; j++) {
    const c = text[j];
    if (c === '(' || c === '（' || c === '）' || isLineBreak(text.charCodeAt(j))) return -1;
    if (c !== ')') continue;
    if (j === open + 1 || mask[j] !== 0) return -1;
    const first = mask[open + 1] ? -1 : (text.codePointAt(open + 1) ?? -1);
    const last = mask[j - 1] ? -1 : codePointBefore(text, j);
    return isHan(first) || isHan(last) ? j : -1;
  }
  return -1;
}

function reportParens(context: RuleContext, open: number, close: number): boolean {
  const { post, t } = context;
  const edits = [toSourceEdit(post, open, open + 1, '（'), toSourceEdit(post, close, close + 1, '）')];
  return context.report({
    ...toSourceSpan(post, open, close + 1),
    message: t({
      en: 'Half-width parentheses around Chinese text look cramped: use the full-width "（）".',
      zh: '中文内容用了半角括号，显得拥挤：请改用全角的“（）”。',
    }),
    fixes: [{ title: t({ en: 'Use "（）"', zh: '改为“（）”' }), edits }],
  });
}

function reportRun(context: RuleContext, text: string, start: number, end: number): boolean {
  const { post, t } = context;
  const run = text.slice(start, end);
  const before = codePointBefore(text, start);
  const chinese = [...run].some((c) => FULL_WIDTH_MARK.has(c)) || isHan(before) || isCjkPunctuation(before);
  const question = [...run].some((c) => QUESTION.has(c));
  const single = question ? (chinese ? '？' : '?') : chinese ? '！' : '!';
  const edit = toSourceEdit(post, start, end, single);
  return context.report({
    start: edit.start,
    end: edit.end,
    message: t({
      en: `"${run}" reads as shouting and weakens the point: one "${single}" is enough.`,
      zh: `“${run}”像在喊叫，反而削弱了语气：一个“${single}”就够了。`,
    }),
    fixes: [{ title: t({ en: `Use one "${single}"`, zh: `只留一个“${single}”` }), edits: [edit] }],
  });
}
