import { LEXICON_FILES } from '../server/src/engine';
import { pick, seededRandom } from './random';

// Stand-in posts for machines without the shared corpus: the same mix a real draft has
// (prose, emoji, a link, hashtags, now and then a phrase from postlint's own lexicons) so
// that every rule has work to do. Written here, not taken from any corpus.
const ZH_CLAUSES = [
  '周末带孩子去了城郊的果园',
  '新版本把导出速度提高了一倍',
  '我们团队花了三个月重写了搜索',
  '今天的咖啡拉花终于成功了',
  '这家小店的牛肉面汤头很浓',
  '开会前五分钟才想起来要准备材料',
  '雨后的山路有点滑，大家注意安全',
  '第一次尝试用胶片相机拍夜景',
  '读完这本书最大的感受是要慢下来',
  '用户反馈说新界面更容易找到设置',
];
const EN_CLAUSES = [
  'we spent the weekend rebuilding the search index',
  'the new release exports twice as fast',
  'our support queue dropped by a third after the redesign',
  'I finally got the sourdough starter to behave',
  'three things I learned shipping a side project',
  'the conference talk is up if you missed it',
  'rain again, so the hike moved to Sunday',
  'small teams ship faster when reviews are short',
  'here is what changed in the billing page',
  'thanks to everyone who sent feedback last week',
];
const EMOJI = ['🎉', '👍', '🚀', '☕', '👨‍👩‍👧', '🌧️', '📷'];
const URLS = ['https://example.com/blog/launch', 'https://example.org/notes?id=42', 'www.example.net/news'];
const TAGS_ZH = ['#日常#', '#产品更新#', '#读书#'];
const TAGS_EN = ['#buildinpublic', '#release', '#weekend'];

const PHRASES = { zh: lexiconPhrases('zh'), en: lexiconPhrases('en') };

function lexiconPhrases(lang: 'zh' | 'en'): string[] {
  const phrases: string[] = [];
  for (const file of Object.values(LEXICON_FILES)) {
    if (file.lang !== lang) continue;
    for (const entry of file.entries) if (entry.phrase) phrases.push(entry.phrase);
  }
  return phrases.length > 0 ? phrases : [lang === 'zh' ? '欢迎留言' : 'let us know'];
}

/** `count` posts of roughly 100–600 characters, alternating Chinese and English. */
export function generatePosts(count: number): string[] {
  const random = seededRandom(7);
  const posts: string[] = [];
  for (let i = 0; i < count; i++) posts.push(i % 2 === 0 ? generateOne('zh', random) : generateOne('en', random));
  return posts;
}

function generateOne(lang: 'zh' | 'en', random: () => number): string {
  const zh = lang === 'zh';
  const target = 100 + Math.floor(random() * 500);
  const sentences: string[] = [];
  let length = 0;
  while (length < target) {
    let sentence = pick(zh ? ZH_CLAUSES : EN_CLAUSES, random);
    if (random() < 0.3) sentence += zh ? `，${pick(PHRASES.zh, random)}` : `, ${pick(PHRASES.en, random)}`;
    if (random() < 0.2) sentence += ` ${pick(EMOJI, random)}`;
    sentence = zh ? `${sentence}。` : `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
    sentences.push(sentence);
    length += sentence.length + 1;
    if (random() < 0.15) {
      sentences.push('\n\n');
      length += 2;
    }
  }
  let post = sentences.join(zh ? '' : ' ').trim();
  if (random() < 0.5) post += `\n\n${pick(URLS, random)}`;
  if (random() < 0.5) post += ` ${pick(zh ? TAGS_ZH : TAGS_EN, random)}`;
  return post;
}
