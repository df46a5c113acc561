import { findPhrases } from '../../lexicon';
import { isNegated, isOpeningHours, isPastPurchase, isPastTense, isQuoted } from '../../lexicon/context';
import { phraseFixes, quote, scoreOf } from '../../lexicon/findings';
import { signalName } from '../../lexicon/signalNames';
import { STRONG } from '../../lexicon/types';
import { docsUrl, type Rule } from '../../rule';
import { firstSentenceEnd, weightedLength } from './opening';

/** One strong selling phrase per this many units (a text message's worth) makes a post a pitch. */
const UNITS_PER_STRONG_SIGNAL = 240;

export const SELLING_SIGNALS = ['call-to-buy', 'urgency', 'deadline', 'price', 'discount', 'price-anchor', 'scarcity', 'drop', 'hype', 'prize', 'easy-money', 'self-promotion', 'fine-print'] as const;

/** Kinds that are pressure on the reader; two different ones in one post make it a pitch. */
const PRESSURES = new Set(['call-to-buy', 'urgency', 'deadline', 'price', 'discount', 'price-anchor', 'scarcity', 'drop', 'prize', 'easy-money']);

/** Kinds that name a price or a saving: in a story of the writer's own past purchase they push nothing. */
const PRICE_SIGNALS = new Set(['price', 'discount', 'price-anchor']);

/** Kinds that press with a count or a clock: told in the past tense they are a story, not pressure. */
const COUNT_SIGNALS = new Set(['scarcity', 'deadline']);

/** Scarcity counts things; "only 5 months left" counts time, a countdown (the deadline signals catch one that sells). */
const TIME_LEFT = /\b(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|seconds?|sleeps|nights?)\s+(?:left|remaining)\b/i;

export const hardSellingRule: Rule = {
  meta: {
    id: 'hard-selling',
    family: 'hard-selling',
    defaultSeverity: 'warning',
    description: {
      en: 'The post pushes a sale: calls to buy, urgency, price pushing, hype.',
      zh: '帖子在硬推销：催下单、制造紧迫、推价格、夸大吹嘘。',
    },
    rationale: {
      en: 'Readers follow an account for what it gives them, not for ads; a post that opens with a pitch or piles up sales phrases gets scrolled past and unfollowed.',
      zh: '读者关注一个账号是为了有用、有趣的内容，不是为了看广告；一上来就推销、满篇促销话术的帖子只会被划走、被取关。',
    },
    docs: docsUrl('hard-selling'),
    fixable: true,
    options: {
      minScore: {
        type: 'number',
        default: 4,
        min: 1,
        description: {
          en: 'How much selling a post may carry before each phrase is flagged: a strong phrase counts 2, a weak one 1, each phrase once.',
          zh: '帖子里的推销话术累计到多少分才逐个标出：强信号记 2 分，弱信号记 1 分，同一说法只算一次。',
        },
      },
      opening: {
        type: 'boolean',
        default: true,
        description: {
          en: 'Flag a strong sales phrase in the first sentence even when the rest of the post is friendly.',
          zh: '第一句出现强推销话术时，即使后文很友好也标出。',
        },
      },
      signals: {
        type: 'string[]',
        default: SELLING_SIGNALS,
        description: {
          en: `Which kinds of selling to look for: ${SELLING_SIGNALS.join(', ')}. Phrases from postlint.words.hardSelling always count.`,
          zh: `检查哪些推销信号：${SELLING_SIGNALS.join('、')}。postlint.words.hardSelling 里的团队词条始终计入。`,
        },
      },
    },
  },
  check(context) {
    const signals = context.options.signals as readonly string[];
    const { post, t } = context;
    // Quoted words are someone else's voice; a negated signal is the writer saying what the post is not; a
    // price in the writer's own past purchase, or a count told in the past tense, is a story; a time after
    // "opens" or "stays open" is opening hours.
    const matches = findPhrases(context, 'hard-selling').filter(
      (m) =>
        (m.entry.custom || signals.includes(m.entry.signal)) &&
        !isQuoted(post, m) &&
        !isNegated(post.text, m) &&
        !(PRICE_SIGNALS.has(m.entry.signal) && isPastPurchase(post.text, m)) &&
        !(COUNT_SIGNALS.has(m.entry.signal) && isPastTense(post.text, m)) &&
        !(m.entry.signal === 'deadline' && isOpeningHours(post.text, m)) &&
        !(m.entry.signal === 'scarcity' && TIME_LEFT.test(m.text)),
    );
    if (matches.length === 0) return;
    const minScore = context.options.minScore as number;
    const score = scoreOf(matches);
    const openingEnd = post.published.toSource(firstSentenceEnd(post.published.text), 'end');
    const inOpening = matches.filter((m) => m.start < openingEnd);
    const pitchUpFront = (context.options.opening as boolean) && scoreOf(inOpening) >= STRONG;
    const pressures = new Set(matches.filter((m) => PRESSURES.has(m.entry.signal) || m.entry.custom).map((m) => m.entry.signal));
    // Two different pressures (a price and a deadline, a count and a call to buy) make a pitch, even when each alone would pass.
    const pileUp = pressures.size >= 2 && score >= STRONG + 1;
    // A short post with a strong pitch is mostly pitch, even below minScore.
    const wholePost = score >= minScore || pileUp || (score >= STRONG && (score / STRONG) * UNITS_PER_STRONG_SIGNAL >= weightedLength(post.published.text));
    if (!pitchUpFront && !wholePost) return;
    // Several kinds of pressure at once (price, urgency and a call to buy) is a flyer, not a post.
    const escalate = new Set(matches.map((m) => m.entry.signal)).size >= 3 || score >= 2 * minScore;

    for (const match of matches) {
      // By offset, not inOpening.includes(): a post that is one long opening sentence has every match in it.
      const opening = pitchUpFront && match.start < openingEnd;
      if (!opening && !wholePost) continue;
      const q = quote(context, match.text);
      const kind = t(signalName(match.entry.signal));
      const more = context.report({
        start: match.start,
        end: match.end,
        phrase: match.text.toLowerCase(),
        escalate,
        fixes: phraseFixes(context, match),
        message: opening
          ? t({
              en: `${kind} in the first sentence, ${q}, makes the post read as an ad before it offers the reader anything; open with what is in it for them.`,
              zh: `第一句就是${kind}：${q}，还没给读者任何东西就先像一则广告；开头先讲读者关心的事。`,
            })
          : `${kind}${t({ en: ': ', zh: '：' })}${q}${t({ en: '. ', zh: '。' })}${t(match.entry.reason)}`,
      });
      if (!more) return;
    }
  },
};
