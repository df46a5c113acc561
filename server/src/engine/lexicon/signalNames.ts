import type { Localized } from '../types';

/** What a message calls each kind of signal: "a deadline: …", "一个倒计时：…". */
const SIGNAL_NAMES: Record<string, Localized> = {
  'call-to-buy': { en: 'a call to buy', zh: '催单' },
  urgency: { en: 'urgency', zh: '制造紧迫' },
  deadline: { en: 'a deadline', zh: '截止时间' },
  price: { en: 'price pushing', zh: '推价格' },
  discount: { en: 'a saving in numbers', zh: '折扣数字' },
  'price-anchor': { en: 'a price anchor', zh: '原价对比' },
  scarcity: { en: 'scarcity', zh: '稀缺施压' },
  drop: { en: 'drop or livestream selling', zh: '直播喊单' },
  hype: { en: 'hype', zh: '夸大吹嘘' },
  prize: { en: 'prize bait', zh: '中奖诱饵' },
  'easy-money': { en: 'an easy-money claim', zh: '轻松赚钱的许诺' },
  'self-promotion': { en: 'self-promotion', zh: '求关注' },
  'fine-print': { en: 'fine print', zh: '小字条款' },
  newsroom: { en: 'newsroom voice', zh: '新闻稿用语' },
  dateline: { en: 'a dateline', zh: '电头' },
  officialese: { en: 'officialese', zh: '公文腔' },
  boilerplate: { en: 'boilerplate', zh: '通稿套话' },
  'self-reference': { en: 'an organisation naming itself', zh: '机构自称' },
  puffery: { en: 'puffery', zh: '自我吹捧' },
  custom: { en: "your team's word list", zh: '团队词表' },
};

export function signalName(signal: string): Localized {
  return SIGNAL_NAMES[signal] ?? { en: signal, zh: signal };
}
