import { findPhrases } from '../../lexicon';
import { isQuoted } from '../../lexicon/context';
import { STRONG } from '../../lexicon/types';
import type { ParsedPost } from '../../parse/post';
import { docsUrl, type FixSpec, type Rule, type RuleContext } from '../../rule';
import { endsInOpenBlock, insertParagraph, sourceSpanOfPublished, type SourceSpan } from '../../postEdits';
import { isReplyOrRepost } from './conversation';
import { findReaderQuestion, ownProseRanges, type ProseRange } from './questions';
import { closingQuestions } from './templates';

export const noHookRule: Rule = {
  meta: {
    id: 'no-hook',
    family: 'no-hook',
    defaultSeverity: 'warning',
    description: { en: 'Nothing in the post invites the reader to answer.', zh: '帖子里没有任何邀请读者回应的内容。' },
    rationale: {
      en: 'Social media is a conversation, not a broadcast: a post that only announces gives readers nothing to reply to, so they read it, if at all, and move on.',
      zh: '社会化媒体是对话，不是广播：只发布、不提问的帖子让读者无从回应，看完（如果看了）就走了。要和用户对话。',
    },
    docs: docsUrl('no-hook'),
    fixable: true,
  },
  check(context) {
    const { post, t } = context;
    const published = post.published.text;
    if (published.length === 0 || isReplyOrRepost(published)) return;
    const prose = ownProseRanges(post);
    if (findReaderQuestion(published, prose) >= 0) return;
    if (invitationScore(context, prose) >= STRONG) return;

    const target = lastParagraph(post, prose);
    if (!target) return;
    context.report({
      ...target,
      // About the whole post: shown on the paragraph's last word, where a closing question would go.
      anchor: 'tail',
      message: t({
        en: 'Readers have nothing to answer, so they read and scroll on: end with a question or an invitation to reply.',
        zh: '读者找不到可以回应的地方，看完就划走了：在结尾向读者提个问题，或请大家留言。',
      }),
      fixes: () => closingQuestionFixes(context),
    });
  },
};

/**
 * How strongly the writer's own prose invites a reply, from the hooks lexicon (built-in lists plus
 * `postlint.words.hooks`): one strong phrase (欢迎留言, let us know) is enough, a weak one (投票) needs company.
 * Phrases inside block quotes or quotation marks are someone else's words and do not count: a shop's sign
 * reading “欢迎留言提意见”, a customer quoted saying “用户告诉我们…”.
 */
function invitationScore(context: RuleContext, prose: readonly ProseRange[]): number {
  let score = 0;
  let block = 0;
  for (const hit of findPhrases(context, 'no-hook')) {
    while (block < prose.length && prose[block].block.end < hit.start) block++;
    if (block === prose.length) break;
    if (hit.start < prose[block].block.start || isQuoted(context.post, hit)) continue;
    score += hit.entry.score;
    if (score >= STRONG) break;
  }
  return score;
}

/** The last paragraph the reader sees, where a closing question belongs; the last published line if none. */
function lastParagraph(post: ParsedPost, prose: readonly ProseRange[]): SourceSpan | null {
  for (let i = prose.length - 1; i >= 0; i--) {
    const span = sourceSpanOfPublished(post, prose[i].start, prose[i].end);
    if (span) return span;
  }
  const text = post.published.text;
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return sourceSpanOfPublished(post, lastBreak + 1, text.length);
}

/** Appended after the last published text, so trailing comments and blank lines stay where they are. */
function closingQuestionFixes(context: RuleContext): FixSpec[] {
  const { post, t } = context;
  if (endsInOpenBlock(post)) return [];
  const at = post.published.toSource(post.published.text.length, 'end');
  // Words the writer did not write: offered one by one, never added in bulk.
  return closingQuestions(post.published.text, post.lang).map(({ text }) => ({
    title: t({ en: `End with a question: “${text}”`, zh: `在结尾提问：“${text}”` }),
    edits: [insertParagraph(post, at, text)],
    kind: 'suggestion',
  }));
}
