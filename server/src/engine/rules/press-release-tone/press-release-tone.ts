import { findPhrases, type PhraseMatch } from '../../lexicon';
import { isEcho, isHedged, isNegated, isQuoted } from '../../lexicon/context';
import { isPrivatePost, leansPrivate } from '../../lexicon/register';
import { phraseFixes, quote } from '../../lexicon/findings';
import { signalName } from '../../lexicon/signalNames';
import { STRONG } from '../../lexicon/types';
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
    const { post, t } = context;
    // Officialese the post quotes (to mock it, to avoid it) or negates (不写“隆重召开”) is not its voice.
    const matches = findPhrases(context, 'press-release-tone').filter((m) => !isQuoted(post, m) && !isEcho(post, m) && !isNegated(post.text, m));
    if (matches.length === 0) return;
    // A private post (it laughs, or it is one person's remark about their own life) borrows the voice for a joke
    // or uses the set phrase literally, unless an institution names itself in it (我公司, the Company).
    if (!matches.some((m) => m.entry.signal === 'self-reference') && isPrivatePost(post)) return;
    const minScore = context.options.minScore as number;
    const score = voiceScore(matches, leansPrivate(post), (m) => isHedged(post.text, m));
    if (score < minScore) return;
    // Two kinds at once (a dateline and boilerplate, newsroom phrasing and officialese), or one kind laid on
    // thick, is a release pasted into the feed: more than a note.
    // A dateline, a boilerplate block or an office naming its principal by title is a release's furniture:
    // no one writes one in passing.
    const kinds = new Set(matches.map((m) => m.entry.signal));
    // An office naming its principal by title as the subject (a signal template) counts too; 我公司 alone does not.
    const furniture = matches.some((m) => m.entry.score >= STRONG && (INSTITUTIONAL.has(m.entry.signal) || (m.entry.signal === 'self-reference' && m.entry.gate !== undefined)));
    const escalate = score > minScore || kinds.size >= 2 || furniture;
    for (const match of matches) {
      const more = context.report({
        start: match.start,
        end: match.end,
        phrase: match.text.toLowerCase(),
        escalate,
        fixes: phraseFixes(context, match),
        message: `${t(signalName(match.entry.signal))}${t({ en: ': ', zh: '：' })}${quote(context, match.text)}${t({ en: '. ', zh: '。' })}${t(match.entry.reason)}`,
      });
      if (!more) return;
    }
  },
};

const INSTITUTIONAL = new Set(['dateline', 'boilerplate']);

/** Kinds a person may use literally or in jest; a dateline or boilerplate is an institution's whatever the pronoun. */
const SET_PHRASES = new Set(['officialese', 'newsroom', 'puffery']);

/**
 * Each distinct entry counts once. In a post that leans private (one person's voice with no institution in it,
 * or a post about one's family), set phrases count half: a son's school show that 圆满成功 is literal, not
 * officialese, unless the post piles them up. So does a set phrase the writer hedges or laughs at
 * (算是圆满成功吧哈哈), whoever writes.
 */
function voiceScore(matches: readonly PhraseMatch[], leansPrivate: boolean, hedged: (m: PhraseMatch) => boolean): number {
  const seen = new Set<PhraseMatch['entry']>();
  let score = 0;
  for (const m of matches) {
    if (seen.has(m.entry)) continue;
    seen.add(m.entry);
    score += (leansPrivate || hedged(m)) && SET_PHRASES.has(m.entry.signal) ? m.entry.score / 2 : m.entry.score;
  }
  return score;
}
