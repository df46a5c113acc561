// The preview's own words in both message languages, and each feed's label for its fold.
import type { Localized } from '../types';

export const PREVIEW_WORDS = {
  title: { en: 'postlint preview', zh: 'postlint 预览' },
  nothing: { en: 'Nothing to publish yet.', zh: '还没有要发布的内容。' },
  findings: (n: number): Localized => ({ en: n === 1 ? '1 finding' : `${n} findings`, zh: `${n} 个问题` }),
  count: (count: number, limit: number, unit: string): Localized => ({ en: `${count} / ${limit} ${unit}`, zh: `${count} / ${limit} ${unit}` }),
  over: (by: number): Localized => ({ en: `${by} over the limit`, zh: `超出 ${by}` }),
  part: (k: number, n: number): Localized => ({ en: `Post ${k} of ${n}`, zh: `第 ${k} 条，共 ${n} 条` }),
  missing: (src: string): Localized => ({ en: `Missing file: ${src}`, zh: `找不到文件：${src}` }),
  remote: (src: string): Localized => ({ en: `Not loaded in the preview: ${src}`, zh: `预览中不加载：${src}` }),
  video: { en: 'Video', zh: '视频' },
  more: (n: number): Localized => ({ en: `+${n}`, zh: `+${n}` }),
  notShown: (n: number): Localized => ({ en: `${n} more not shown in the feed`, zh: `另有 ${n} 张不在信息流中显示` }),
  unmarked: { en: 'Not in the published text:', zh: '不在发布的正文中：' },
  avatar: { en: 'Avatar', zh: '头像' },
} as const;

/** What each feed writes where it folds a long post (notes on feed display); absent: the feed does not fold. */
export const FOLD_LABELS: Record<string, Localized> = {
  weibo: { en: '…展开全文', zh: '…展开全文' },
  linkedin: { en: '…see more', zh: '…展开' },
  instagram: { en: '… more', zh: '… 更多' },
  facebook: { en: '… See more', zh: '… 展开' },
  x: { en: 'Show more', zh: '显示更多' },
  threads: { en: 'Read more', zh: '阅读更多' },
  mastodon: { en: 'Show more', zh: '显示更多' },
  bluesky: { en: 'Show more', zh: '显示更多' },
  xiaohongshu: { en: '…展开', zh: '…展开' },
};
