import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePosts } from './generate';
import { seededRandom, shuffle } from './random';

export interface PostSet {
  posts: string[];
  /** Where the posts came from, printed with the results. */
  origin: string;
  /** Whether these are real posts (false: generated because the shared corpus is absent). */
  real: boolean;
}

/** Posts the length of a typical draft, the size the per-post budget is about. */
const MIN_CHARS = 100;
const MAX_CHARS = 600;

/**
 * `count` posts of 100–600 characters, half Chinese and half English, sampled with a fixed seed
 * from the shared corpus at `../shared/corpus` beside the repository. Generated posts stand in
 * where the corpus is absent, and the origin says so.
 */
export function loadPosts(repoRoot: string, count: number): PostSet {
  const dir = join(repoRoot, '..', 'shared', 'corpus');
  if (!existsSync(dir)) {
    return { posts: generatePosts(count), origin: `${count} generated zh/en posts (../shared/corpus is absent)`, real: false };
  }
  const byLang: Record<'zh' | 'en', string[][]> = { zh: [], en: [] };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const texts: Record<string, string[]> = { zh: [], en: [] };
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { lang?: string; text?: string };
      if (typeof record.text !== 'string' || record.text.length < MIN_CHARS || record.text.length > MAX_CHARS) continue;
      if (record.lang === 'zh' || record.lang === 'en') texts[record.lang].push(record.text);
    }
    for (const lang of ['zh', 'en'] as const) if (texts[lang].length > 0) byLang[lang].push(texts[lang]);
  }
  const random = seededRandom(20240601);
  const posts: string[] = [];
  for (const lang of ['zh', 'en'] as const) posts.push(...roundRobin(byLang[lang].map((list) => shuffle(list, random)), count / 2));
  if (posts.length < count) {
    posts.push(...generatePosts(count - posts.length));
    return { posts: shuffle(posts, random), origin: `corpus posts topped up with generated ones to ${count}`, real: false };
  }
  return { posts: shuffle(posts, random), origin: `${count} corpus posts of ${MIN_CHARS}–${MAX_CHARS} characters from ../shared/corpus, half zh, half en`, real: true };
}

/** Takes from each source in turn so that no one source dominates the sample. */
function roundRobin(lists: string[][], count: number): string[] {
  const taken: string[] = [];
  for (let i = 0; taken.length < count; i++) {
    let any = false;
    for (const list of lists) {
      if (i < list.length && taken.length < count) {
        taken.push(list[i]);
        any = true;
      }
    }
    if (!any) break;
  }
  return taken;
}

/**
 * A document of at most `bytes` UTF-8 bytes (and within a post of it): posts as paragraphs, in order,
 * repeated as needed. Staying under the size keeps "1 MB" under the default `postlint.maxFileSize`
 * (1 MiB), past which the engine skips a file rather than lint it.
 */
export function buildDocument(posts: readonly string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const paragraph = posts[i % posts.length];
    const added = Buffer.byteLength(paragraph) + (parts.length > 0 ? 2 : 0);
    if (size + added > bytes) break;
    parts.push(paragraph);
    size += added;
  }
  return parts.join('\n\n');
}
