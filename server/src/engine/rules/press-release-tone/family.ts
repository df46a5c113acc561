import type { LexiconFile, PhraseFamily, SignalFile } from '../../lexicon/family';
import { docsUrl } from '../../rule';
import en from './press-release-tone.en.json';
import zh from './press-release-tone.zh.json';
import signalsEn from './press-release-tone.signals.en.json';
import signalsZh from './press-release-tone.signals.zh.json';

/**
 * The press-release-tone family's phrase lists: what `npm run manifest` turns into `postlint.words.pressRelease` (schema and
 * descriptions) and what the lexicon compiles. An entry's own `reason` overrides its signal's.
 */
export const pressReleaseToneFamily: PhraseFamily = {
  id: 'press-release-tone',
  docs: docsUrl('press-release-tone'),
  settingsKey: 'pressRelease',
  data: [en as LexiconFile, zh as LexiconFile],
  signals: [signalsEn as SignalFile, signalsZh as SignalFile],
  reasons: {
    newsroom: {
      en: 'Newsroom phrasing reads like a wire story, not a post from people; tell it the way you would tell a friend.',
      zh: '新闻稿式的说法像通稿，不像人发的帖子；像跟朋友讲一样把事说出来。',
    },
    'self-reference': {
      en: 'A company naming itself by title sounds like a notice, not people talking; say "we".',
      zh: '企业自称“本公司”“我司”像公告，不像人在说话；直接说“我们”。',
    },
    boilerplate: {
      en: 'Press-release boilerplate is written for journalists and readers skip it; cut it, and link to the full release if needed.',
      zh: '新闻稿的固定格式是写给记者的，读者会跳过；删掉，需要的话附上原文链接。',
    },
    puffery: {
      en: 'Self-awarded titles like "industry-leading" are the first words readers skip; show the evidence instead.',
      zh: '“行业领先”“世界一流”这类自封的头衔，读者最先跳过；换成实际的证据。',
    },
    dateline: {
      en: 'A dateline marks a press release pasted as a post; start with the news itself.',
      zh: '电头说明这是原样贴上来的新闻稿；直接从事情本身说起。',
    },
    officialese: {
      en: 'Official set phrases put distance between you and the reader; say what happened in plain words.',
      zh: '公文套话拉开了你和读者的距离；用大白话说清楚发生了什么。',
    },
  },
  customReason: {
    en: "Your team's word list marks this as press-release language.",
    zh: '团队词表把这个说法列为新闻稿腔。',
  },
  setting: {
    en: 'Extra press-release phrases: strings, or `{ "phrase", "rewrite", "reason" }`.',
    zh: '额外的新闻稿腔用语：字符串，或 `{ "phrase", "rewrite", "reason" }`。',
  },
};
