import { docsUrl, type Rule } from '../../rule';

const KB = 1024;
const MB = 1024 * KB;

/**
 * Whether `text` takes more than `maxBytes` in UTF-8, without encoding it: a UTF-16 code unit is
 * one to three bytes, so only sizes between `maxBytes / 3` and `maxBytes` units need counting.
 */
export function exceedsFileSize(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Size(text) > maxBytes;
}

/**
 * UTF-8 size of `text`; a lone surrogate counts as U+FFFD (3 bytes), as it would be written. Counted
 * by hand because the engine also runs in a browser worker, where Node's `Buffer` does not exist.
 */
export function utf8Size(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      bytes += 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two units, four bytes.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  const trim = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= MB) return `${trim(bytes / MB)} MB`;
  if (bytes >= KB) return `${trim(bytes / KB)} KB`;
  return `${bytes} B`;
}

/**
 * A guard for the editor and CI rather than advice about the post: `lint` runs only this rule on a
 * file bigger than `postlint.maxFileSize`, so a pasted log or a stray binary never stalls typing.
 */
export const fileSizeRule: Rule = {
  meta: {
    id: 'length/file-size',
    family: 'length',
    defaultSeverity: 'information',
    description: { en: 'The file is too big to check as a post, so postlint skips it.', zh: '文件太大，不像一篇帖子，postlint 跳过不查。' },
    rationale: {
      en: 'No platform takes a post anywhere near this size; checking it on every keystroke would only slow the editor down.',
      zh: '没有哪个平台能发这么长的帖子；每敲一个字都检查一遍，只会拖慢编辑器。',
    },
    docs: docsUrl('length/file-size'),
    fixable: false,
  },
  check(context) {
    const { text } = context.post;
    const max = context.config.maxFileSize;
    if (!exceedsFileSize(text, max)) return;
    // Point at the first visible character: a squiggle over megabytes of text helps no one.
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const code = text.codePointAt(start) ?? 0;
    const size = formatBytes(utf8Size(text));
    const limit = formatBytes(max);
    context.report({
      start,
      end: Math.min(text.length, start + (code > 0xffff ? 2 : 1)),
      message: context.t({
        en: `This file is ${size}, over postlint.maxFileSize (${limit}), so it was not checked: split it into separate posts or raise the setting.`,
        zh: `这个文件有 ${size}，超过了 postlint.maxFileSize（${limit}），所以没有检查：请拆成单独的帖子，或调大这个设置。`,
      }),
    });
  },
};
