import { docsUrl, type Rule } from '../../rule';

export const frontMatterRule: Rule = {
  meta: {
    id: 'formatting/front-matter',
    family: 'formatting',
    defaultSeverity: 'error',
    description: { en: 'The front matter cannot be read.', zh: '文首的 front matter 无法解析。' },
    rationale: {
      en: 'postlint reads the platform and per-post settings from the front matter; while it is broken, the post is linted with the workspace defaults.',
      zh: 'postlint 从 front matter 读取平台和单篇设置；它有错时，这篇帖子只能按工作区的默认设置检查。',
    },
    docs: docsUrl('formatting/front-matter'),
    fixable: false,
  },
  check(context) {
    for (const problem of context.frontMatterProblems) {
      context.report({
        start: problem.start,
        end: problem.end,
        message: context.t({ en: `Front matter: ${problem.message}`, zh: `front matter 有误：${problem.message}` }),
      });
    }
  },
};
