// How each feed displays a link in a post's text. Sources in the notes on feed display: X shows the host
// without `www.` and 15 characters of the rest, then "…"; Mastodon hides `https://www.` and shows 30
// characters; Bluesky shows host and path, a path over 15 characters as 13 and "..."; Weibo replaces
// every link with its short link, shown as 网页链接.

export interface LinkDisplay {
  text: string;
  /** Whether the link is clickable in that feed (Instagram captions leave URLs as plain text). */
  clickable: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function displayLink(url: string, platform: string): LinkDisplay {
  const bare = url.replace(SCHEME, '').replace(/^www\./i, '');
  const slash = bare.search(/[/?#]/);
  const host = slash < 0 ? bare : bare.slice(0, slash);
  const rest = slash < 0 ? '' : bare.slice(slash);
  switch (platform) {
    case 'x':
    case 'threads':
      return { text: rest.length > 15 ? `${host}${rest.slice(0, 15)}…` : bare, clickable: true };
    case 'mastodon':
      return { text: bare.length > 30 ? `${bare.slice(0, 30)}…` : bare, clickable: true };
    case 'bluesky':
      return { text: rest.length > 15 ? `${host}${rest.slice(0, 13)}...` : bare, clickable: true };
    case 'weibo':
      return { text: '网页链接', clickable: true };
    case 'instagram':
      return { text: url, clickable: false };
    default:
      return { text: url, clickable: true };
  }
}

/** The link's target: a link written without a scheme (`www.example.com`, X's `example.com`) opens over https. */
export function hrefOf(url: string): string {
  return SCHEME.test(url) ? url : `https://${url}`;
}
