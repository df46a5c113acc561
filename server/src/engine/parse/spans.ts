// Scanners for the inline spans the platforms never publish: HTML comments, image syntax and media
// tags. They replace regular expressions whose failed attempts rescanned the rest of the text from
// every candidate start (`<!--` without `-->`, `![` without `](…)`, `<img` without `>`), which made
// a hostile post quadratic. Each scanner here reads the text once: when a candidate fails for want
// of its closing characters, every later candidate before that point would fail the same way.
import type { Span } from './published';

/** `<!-- … -->` spans. An unclosed `<!--` hides nothing, and neither can any later one. */
export function findComments(text: string, from: number): Span[] {
  const spans: Span[] = [];
  let at = text.indexOf('<!--', from);
  while (at !== -1) {
    const close = text.indexOf('-->', at + 4);
    if (close === -1) break;
    spans.push({ start: at, end: close + 3 });
    at = text.indexOf('<!--', close + 3);
  }
  return spans;
}

/** Offset of the first `stop` character or line break at or after `from` (or the text's end). */
function scanWithinLine(text: string, from: number, stop: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === stop || c === 10 || c === 13) break;
  }
  return i;
}

const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** `![alt](url)` on one line. */
export function findImages(text: string, from: number): Span[] {
  const spans: Span[] = [];
  let at = text.indexOf('![', from);
  while (at !== -1) {
    const bracket = scanWithinLine(text, at + 2, CLOSE_BRACKET);
    // Where this candidate fails, every candidate between it and that point fails too.
    let resume = bracket;
    if (text.charCodeAt(bracket) === CLOSE_BRACKET && text.charCodeAt(bracket + 1) === OPEN_PAREN) {
      const paren = scanWithinLine(text, bracket + 2, CLOSE_PAREN);
      resume = paren;
      if (text.charCodeAt(paren) === CLOSE_PAREN) {
        spans.push({ start: at, end: paren + 1 });
        resume = paren + 1;
      }
    }
    at = text.indexOf('![', resume);
  }
  return spans;
}

const MEDIA_OPEN = /<(?:img|video|audio)\b/gi;
const MEDIA_CLOSE_AFTER = /[^<]*<\/(?:video|audio)>/iy;

/** `<img …>`, `<video …>`, `<audio …>`, with a closing `</video>` or `</audio>` when only text separates them. */
export function findMediaTags(text: string, from: number): Span[] {
  const spans: Span[] = [];
  MEDIA_OPEN.lastIndex = from;
  let open: RegExpExecArray | null;
  while ((open = MEDIA_OPEN.exec(text)) !== null) {
    const gt = text.indexOf('>', open.index + open[0].length);
    if (gt === -1) break;
    let end = gt + 1;
    MEDIA_CLOSE_AFTER.lastIndex = end;
    const close = MEDIA_CLOSE_AFTER.exec(text);
    if (close) end += close[0].length;
    spans.push({ start: open.index, end });
    MEDIA_OPEN.lastIndex = end;
  }
  return spans;
}

/** The spans that do not start inside any of `excluded`; both lists sorted by start, `excluded` disjoint. */
export function startingOutside(spans: Span[], excluded: Span[]): Span[] {
  let k = 0;
  return spans.filter((span) => {
    while (k < excluded.length && excluded[k].end <= span.start) k++;
    return !(k < excluded.length && span.start >= excluded[k].start);
  });
}
