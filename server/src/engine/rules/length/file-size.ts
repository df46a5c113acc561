import { exceedsFileSize, utf8Size } from '../../fileSize';
import { docsUrl, type Rule } from '../../rule';

const KB = 1024;
const MB = 1024 * KB;

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
    role: 'file-size',
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
