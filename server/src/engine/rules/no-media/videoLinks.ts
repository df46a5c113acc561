import type { Config } from '../../config';

/**
 * Sites whose links the platforms turn into a playable video card. An entry is a host, which also
 * covers its subdomains (`youtube.com` covers `m.youtube.com`), or a host with a path prefix when
 * only part of a site is video (`weibo.com/tv`).
 */
export const DEFAULT_VIDEO_HOSTS: readonly string[] = [
  'youtube.com',
  'youtu.be',
  'vimeo.com',
  'bilibili.com',
  'b23.tv',
  'weibo.com/tv',
  'video.weibo.com',
  'douyin.com',
  'tiktok.com',
];

export type VideoLinkMatcher = (text: string) => boolean;

/** One regular expression for the whole list, compiled once per settings object and list. */
export function videoLinkMatcher(config: Config, hosts: readonly string[]): VideoLinkMatcher {
  return config.memo(`no-media/video-hosts\u0000${hosts.join('\u0000')}`, () => compileVideoLinkMatcher(hosts));
}

export function compileVideoLinkMatcher(hosts: readonly string[]): VideoLinkMatcher {
  const alternatives = hosts
    .map((entry) => entry.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/+$/, ''))
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const slash = entry.indexOf('/');
      const host = slash < 0 ? entry : entry.slice(0, slash);
      const path = slash < 0 ? '' : entry.slice(slash);
      return escapeRegExp(host) + escapeRegExp(path);
    });
  if (alternatives.length === 0) return () => false;
  // Not preceded by a host character (so `notyoutube.com` is not YouTube), subdomains allowed,
  // and the host or path must end there (so `youtube.com.example.org` and `weibo.com/tvshow` are not video).
  const pattern = new RegExp(`(?<![\\w.-])(?:[a-z0-9-]+\\.)*(?:${alternatives.join('|')})(?![\\w-]|\\.[\\w-])`, 'i');
  return (text) => pattern.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
