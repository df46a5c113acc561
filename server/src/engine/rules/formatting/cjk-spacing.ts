import { isAsciiDigit, isAsciiLetter, isHan } from '../../chars';
import { docsUrl, type Rule } from '../../rule';
import { CODE, HASHTAG, MENTION, proseIndex, toSourceEdit, toSourceSpan } from './prose';

// URLs are ASCII runs, so no boundary falls inside one; the edge of a URL is checked like any Latin text,
// which also keeps platforms from running the following Chinese into the link.
const SKIPPED = CODE | MENTION | HASHTAG;

const ANY_HAN = /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud87e]/;
const OTHER = 0;
const HAN = 1;
const LATIN = 2;

function classify(code: number, digits: boolean): number {
  if (code < 128) return isAsciiLetter(code) || (digits && isAsciiDigit(code)) ? LATIN : OTHER;
  return isHan(code) ? HAN : OTHER;
}

export const cjkSpacingRule: Rule = {
  meta: {
    id: 'formatting/cjk-spacing',
    family: 'formatting',
    defaultSeverity: 'hint',
    description: {
      en: 'No space between Chinese characters and Latin letters or digits.',
      zh: '中文与英文字母、数字之间没有空格。',
    },
    rationale: {
      en: 'A space between Chinese and Latin text ("用 VS Code 写") keeps each word readable at a glance. Teams disagree on this convention, so it is a hint: turn it off or raise it in settings.',
      zh: '中英文之间加空格（“用 VS Code 写”），词与词一眼就能分开。各团队对此习惯不一，所以默认只是提示，可在设置里关掉或调高。',
    },
    docs: docsUrl('formatting/cjk-spacing'),
    fixable: true,
    options: {
      digits: {
        type: 'boolean',
        default: true,
        description: { en: 'Also ask for a space between Chinese and digits ("共 3 个").', zh: '中文与数字之间也要求空格（“共 3 个”）。' },
      },
    },
  },
  check(context) {
    const { post, t } = context;
    const { text, mask } = proseIndex(post);
    if (!ANY_HAN.test(text)) return;
    const digits = context.options.digits as boolean;
    let previous = OTHER;
    let previousAt = -1;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      const at = i;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = text.codePointAt(i++)!;
      const kind = (mask[at] & SKIPPED) !== 0 ? OTHER : classify(code, digits);
      if (kind !== OTHER && previous !== OTHER && kind !== previous) {
        const pair = text.slice(previousAt, i + 1);
        const more = context.report({
          ...toSourceSpan(post, previousAt, i + 1),
          message: t({
            en: `"${pair}": Chinese run into Latin letters or digits reads as one clump, so put a space between them.`,
            zh: `“${pair}”：中文和英文、数字挤在一起不好认，中间加一个空格。`,
          }),
          // Built when read: a Chinese post can have dozens of these, and most runs never ask for their fixes.
          fixes: () => [{ title: t({ en: 'Insert a space', zh: '插入空格' }), edits: [toSourceEdit(post, at, at, ' ')] }],
        });
        if (!more) return;
      }
      previous = kind;
      previousAt = at;
    }
  },
};
