import type { LexiconFile, PhraseFamily, SignalFile } from '../../lexicon/family';
import { docsUrl } from '../../rule';
import en from './no-hook.en.json';
import zh from './no-hook.zh.json';
import signalsEn from './no-hook.signals.en.json';
import signalsZh from './no-hook.signals.zh.json';

/**
 * The no-hook family's phrase lists: what `npm run manifest` turns into `postlint.words.hooks` (schema and
 * descriptions) and what the lexicon compiles. An entry's own `reason` overrides its signal's.
 */
export const noHookFamily: PhraseFamily = {
  id: 'no-hook',
  docs: docsUrl('no-hook'),
  settingsKey: 'hooks',
  data: [en as LexiconFile, zh as LexiconFile],
  signals: [signalsEn as SignalFile, signalsZh as SignalFile],
  reasons: {
    invitation: {
      en: 'Invites readers to answer in the comments.',
      zh: '邀请读者在评论区回应。',
    },
    question: {
      en: 'Asks readers directly for their view.',
      zh: '直接询问读者的看法。',
    },
    pointer: {
      en: 'Points readers to a link or the details ("link in the comments"); it asks for no answer, so it does not count as an invitation.',
      zh: '只是给读者指路（“链接在评论区”），没有请读者回应，不算邀请。',
    },
  },
  customReason: {
    en: "Your team's word list counts this as an invitation to respond.",
    zh: '团队词表把这个说法算作邀请读者回应。',
  },
  setting: {
    en: 'Extra phrases that count as inviting the reader to answer (for `no-hook`).',
    zh: '额外的互动用语（算作邀请读者回应，用于 `no-hook`）。',
  },
};
