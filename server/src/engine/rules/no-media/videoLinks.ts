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
  'v.qq.com',
  'channels.weixin.qq.com',
  'youku.com',
  'iqiyi.com',
  'ixigua.com',
  'kuaishou.com',
  'fb.watch',
  'twitch.tv',
  'dailymotion.com',
  'loom.com',
];

export type VideoLinkMatcher = (text: string) => boolean;

/**
 * One regular expression for the whole list, compiled once per list. A rule's options keep their arrays
 * for as long as their settings stand, so the list itself is the key: a key built from its contents
 * cost a join and a string hash on every lint.
 */
const matchers = new WeakMap<readonly string[], VideoLinkMatcher>();

export function videoLinkMatcher(hosts: readonly string[]): VideoLinkMatcher {
  let matcher = matchers.get(hosts);
  if (matcher === undefined) {
    matcher = compileVideoLinkMatcher(hosts);
    matchers.set(hosts, matcher);
  }
  return matcher;
}

export function compileVideoLinkMatcher(hosts: readonly string[]): VideoLinkMatcher {
  const alternatives = hosts
    .map((entry) => entry.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/+$/, ''))
    .filter((entry) => entry.length > 0)
    .map(escapeRegExp);
  if (alternatives.length === 0) return () => false;
  // The host or path must end where the entry does, so `youtube.com.example.org` and `weibo.com/tvshow`
  // are not video. Starting the pattern with the hosts themselves, rather than a look-behind, lets the
  // regex engine skip ahead between candidates; the start is checked by hand below.
  const pattern = new RegExp(`(?:${alternatives.join('|')})(?![\\w-]|\\.[\\w-])`, 'gi');
  return (text) => {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      // A subdomain (`www.`, `m.`, `v.`) may come before the host; a longer name may not (`notyoutube.com`).
      if (match.index === 0 || !isHostCharacter(text.charCodeAt(match.index - 1))) return true;
    }
    return false;
  };
}

function isHostCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
