import { findPhrases } from '../../lexicon';
import { phraseFixes, quote, scoreOf } from '../../lexicon/findings';
import { docsUrl, type Rule } from '../../rule';

export const pressReleaseToneRule: Rule = {
  meta: {
    id: 'press-release-tone',
    family: 'press-release-tone',
    defaultSeverity: 'information',
    description: {
      en: 'The post reads like a press release or an official notice rather than people talking.',
      zh: '帖子读起来像新闻稿或公文，不像人在说话。',
    },
    rationale: {
      en: 'A feed is a conversation; newsroom and official phrasing ("is pleased to announce", datelines, boilerplate) tells readers the post was not written for them.',
      zh: '社交媒体是对话，要讲“人话”，别弄得像新闻联播；“本公司”“隆重”“据悉”这类公文腔告诉读者，这条帖子不是写给他们的。',
    },
    docs: docsUrl('press-release-tone'),
    fixable: true,
    options: {
      minScore: {
        type: 'number',
        default: 2,
        min: 1,
        description: {
          en: 'How much press-release language a post may carry before each phrase is flagged: a strong marker counts 2, a weak one 1, each phrase once.',
          zh: '新闻稿腔累计到多少分才逐个标出：强标志记 2 分，弱标志记 1 分，同一说法只算一次。',
        },
      },
    },
  },
  check(context) {
    const matches = findPhrases(context, 'press-release-tone');
    if (matches.length === 0) return;
    const minScore = context.options.minScore as number;
    const score = scoreOf(matches);
    if (score < minScore) return;
    // A post that is a release from top to bottom deserves more than a hint.
    const escalate = score >= 3 * minScore;
    for (const match of matches) {
      const more = context.report({
        start: match.start,
        end: match.end,
        phrase: match.text.toLowerCase(),
        escalate,
        fixes: phraseFixes(context, match),
        message: `${quote(context, match.text)}${context.t({ en: ': ', zh: '：' })}${context.t(match.entry.reason)}`,
      });
      if (!more) return;
    }
  },
};
