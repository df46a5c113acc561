// The media a post attaches: `![alt](path)`, `<img>`/`<video>` tags, and video links the feeds turn into
// a video card. Pure: whether a local file exists is the caller's answer (`exists`), since the engine
// reads no files.
import type { ParsedPost } from '../parse/post';
import { DEFAULT_VIDEO_HOSTS, videoLinkMatcher } from '../rules/no-media/videoLinks';
import type { PreviewMedia } from './model';

/** Answers whether a local media path, as the draft writes it, names an existing file. */
export type MediaExists = (src: string) => boolean;

const IMAGE_SYNTAX = /^!\[([^\]]*)\]\(\s*<?([^\s)>]*)>?/;
const TAG_NAME = /^<(img|video|audio)\b/i;
const REMOTE = /^(?:https?:|data:|\/\/)/i;
const URL_IN_TEXT = /\bhttps?:\/\/[!-~]+/gi;

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : '';
}

function slot(src: string, alt: string, start: number, end: number, video: boolean, exists: MediaExists): PreviewMedia {
  const kind = video ? 'video' : REMOTE.test(src) ? 'remote' : src !== '' && exists(src) ? 'image' : 'missing';
  return { kind, src, alt, start, end };
}

/** Every media item of the post in source order. */
export function findMedia(post: ParsedPost, exists: MediaExists): PreviewMedia[] {
  const text = post.text;
  const media: PreviewMedia[] = [];
  for (const span of post.images) {
    const match = IMAGE_SYNTAX.exec(text.slice(span.start, span.end));
    if (match) media.push(slot(match[2], match[1], span.start, span.end, false, exists));
  }
  for (const span of post.mediaTags) {
    const tag = text.slice(span.start, span.end);
    const name = TAG_NAME.exec(tag)?.[1].toLowerCase();
    const src = attribute(tag, 'src');
    media.push(slot(src, attribute(tag, 'alt') || attribute(tag, 'title'), span.start, span.end, name !== 'img', exists));
  }
  const isVideo = videoLinkMatcher(DEFAULT_VIDEO_HOSTS);
  const published = post.published;
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(published.text); m !== null; m = URL_IN_TEXT.exec(published.text)) {
    const url = m[0].replace(/[.,;:!?'")\]}>*_]+$/, '');
    if (!isVideo(url)) continue;
    media.push({ kind: 'video', src: url, alt: '', start: published.toSource(m.index), end: published.toSource(m.index + url.length, 'end') });
  }
  return media.sort((a, b) => a.start - b.start);
}

/** How many media items each feed shows with a post (the rest are not shown or become "+N"). */
export const MEDIA_SHOWN: Record<string, number> = {
  x: 4,
  weibo: 9,
  threads: 10,
  mastodon: 4,
  bluesky: 4,
  linkedin: 9,
  instagram: 10,
  facebook: 5,
  xiaohongshu: 9,
};
