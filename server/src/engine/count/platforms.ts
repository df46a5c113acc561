import { idTable, ownValue } from '../ids';
import type { Localized } from '../types';

export type CountingMethod = 'x' | 'weibo' | 'graphemes' | 'graphemes-url23';

export interface PlatformSpec {
  id: string;
  name: Localized;
  limit: number;
  /** Where the feed folds the post ("see more", 展开全文). */
  fold?: number;
  counting: CountingMethod;
  /** The unit a count is given in, as the platform's users say it. */
  unit: Localized;
  /** How many hashtags the platform's readers tolerate before a post reads as spam. */
  maxHashtags: number;
  /** Whether a long post can be split into a thread of replies. */
  threads: boolean;
}

const CHARACTERS: Localized = { en: 'characters', zh: '字符' };

export const PLATFORMS: Readonly<Record<string, PlatformSpec>> = idTable({
  x: { id: 'x', name: { en: 'X', zh: 'X' }, limit: 280, counting: 'x', unit: CHARACTERS, maxHashtags: 3, threads: true },
  weibo: {
    id: 'weibo',
    name: { en: 'Weibo', zh: '微博' },
    limit: 2000,
    fold: 140,
    counting: 'weibo',
    unit: { en: 'characters (字)', zh: '字' },
    maxHashtags: 3,
    threads: false,
  },
  threads: { id: 'threads', name: { en: 'Threads', zh: 'Threads' }, limit: 500, counting: 'graphemes', unit: CHARACTERS, maxHashtags: 3, threads: true },
  mastodon: { id: 'mastodon', name: { en: 'Mastodon', zh: 'Mastodon' }, limit: 500, counting: 'graphemes-url23', unit: CHARACTERS, maxHashtags: 3, threads: true },
  bluesky: { id: 'bluesky', name: { en: 'Bluesky', zh: 'Bluesky' }, limit: 300, counting: 'graphemes', unit: CHARACTERS, maxHashtags: 3, threads: true },
  linkedin: { id: 'linkedin', name: { en: 'LinkedIn', zh: '领英' }, limit: 3000, fold: 210, counting: 'graphemes', unit: CHARACTERS, maxHashtags: 3, threads: false },
  instagram: { id: 'instagram', name: { en: 'Instagram', zh: 'Instagram' }, limit: 2200, fold: 125, counting: 'graphemes', unit: CHARACTERS, maxHashtags: 10, threads: false },
  facebook: { id: 'facebook', name: { en: 'Facebook', zh: 'Facebook' }, limit: 63206, fold: 480, counting: 'graphemes', unit: CHARACTERS, maxHashtags: 3, threads: false },
  xiaohongshu: { id: 'xiaohongshu', name: { en: 'Xiaohongshu', zh: '小红书' }, limit: 1000, counting: 'graphemes', unit: CHARACTERS, maxHashtags: 3, threads: false },
});

export const PLATFORM_IDS = Object.keys(PLATFORMS);
export const DEFAULT_PLATFORM = 'x';

export interface PlatformOverride {
  limit?: number;
  fold?: number | null;
  maxHashtags?: number;
}

/** The built-in spec with a team's overrides (`postlint.platforms`) applied. */
export function resolvePlatform(id: string, override?: PlatformOverride): PlatformSpec | undefined {
  const base = ownValue(PLATFORMS, id);
  if (!base) return undefined;
  if (!override) return base;
  return {
    ...base,
    limit: override.limit ?? base.limit,
    fold: override.fold === null ? undefined : (override.fold ?? base.fold),
    maxHashtags: override.maxHashtags ?? base.maxHashtags,
  };
}
