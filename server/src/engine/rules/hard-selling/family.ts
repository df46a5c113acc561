import type { LexiconFile, PhraseFamily, SignalFile } from '../../lexicon/family';
import { docsUrl } from '../../rule';
import en from './hard-selling.en.json';
import zh from './hard-selling.zh.json';
import signalsEn from './hard-selling.signals.en.json';
import signalsZh from './hard-selling.signals.zh.json';

/**
 * The hard-selling family's phrase lists: what `npm run manifest` turns into `postlint.words.hardSelling` (schema and
 * descriptions) and what the lexicon compiles. An entry's own `reason` overrides its signal's.
 */
export const hardSellingFamily: PhraseFamily = {
  id: 'hard-selling',
  docs: docsUrl('hard-selling'),
  settingsKey: 'hardSelling',
  data: [en as LexiconFile, zh as LexiconFile],
  signals: [signalsEn as SignalFile, signalsZh as SignalFile],
  reasons: {
    'call-to-buy': {
      en: 'Readers scroll past a post that asks for the sale before giving them a reason to care; show what it does for them and let the link do the asking.',
      zh: '还没给读者关心的理由就催着买，读者只会划走；先讲清楚对他们有什么用，购买入口放在后面。',
    },
    'fine-print': {
      en: 'Promotion fine print (T&Cs, reply STOP) marks the post as a mass ad; link to the terms instead of pasting them.',
      zh: '促销细则（条款、回复退订）说明这是群发广告；附上条款链接，别把细则贴进帖子。',
    },
    urgency: {
      en: 'Manufactured urgency reads as an ad and makes readers distrust the rest; give the real date or reason, or leave it out.',
      zh: '人为制造的紧迫感像广告，读者会连带不信其余内容；有真实的截止日期就直说，没有就删掉。',
    },
    price: {
      en: 'Pushing the price turns the post into a flyer; say what the reader gets and keep the price for the product page.',
      zh: '一味推价格，帖子就成了促销传单；先说读者能得到什么，价格留给商品页。',
    },
    hype: {
      en: 'Superlatives claim instead of show, and readers discount them; replace the claim with one concrete detail.',
      zh: '“史上最”“最强”之类只是宣称，读者不会当真；换成一个具体的细节。',
    },
    prize: {
      en: 'Winner-and-claim bait reads as spam, and readers and filters treat it that way; say plainly what is on offer and how to take part.',
      zh: '中奖、领奖式的话术像垃圾信息，读者和平台都会这样对待；直接说清楚有什么活动、怎么参加。',
    },
    'easy-money': {
      en: 'A promise of easy money reads as a scam, and readers and filters treat it as one; say what the work or offer really is.',
      zh: '轻松赚钱的许诺读起来就是骗局，读者和平台都会这样对待；直说这份工作或活动到底是什么。',
    },
    'self-promotion': {
      en: 'Asking for follows, likes or subscribers before giving anything reads as self-promotion; share something worth following instead.',
      zh: '还没给读者任何东西就求关注、求点赞，只像在推销自己；先分享值得关注的内容。',
    },

    deadline: {
      en: "A countdown pushes readers to decide before they care; if the date matters, state it plainly once.",
      zh: "倒计时逼读者在还没兴趣时就做决定；日期确实重要，就平实地说一次。",
    },
    discount: {
      en: "A saving in numbers up front reads as a flyer; lead with the product, and put the offer in the link.",
      zh: "一上来就报折扣数字，读起来像传单；先讲产品本身，优惠放进链接。",
    },
    'price-anchor': {
      en: "A list price next to a cut price is a shop-window trick readers recognise; give the price once, with what it buys.",
      zh: "原价对比现价是橱窗促销的老套路，读者一眼看穿；价格说一次，讲清楚它值在哪。",
    },
    scarcity: {
      en: "Counting down stock pressures readers instead of interesting them; drop the count.",
      zh: "报库存倒数是在施压而不是吸引；去掉倒数。",
    },
    drop: {
      en: "Livestream shouting (go, grab it, don't wait) reads as an ad; talk to readers instead.",
      zh: "直播间式的喊单（冲、开抢、别等了）读起来就是广告；换成和读者说话的语气。",
    },  },
  customReason: {
    en: "Your team's word list marks this as a sales push.",
    zh: '团队词表把这个说法列为硬推销。',
  },
  setting: {
    en: 'Extra hard-selling phrases: strings, or `{ "phrase", "rewrite", "reason" }`.',
    zh: '额外的硬广用语：字符串，或 `{ "phrase", "rewrite", "reason" }`。',
  },
};
