import { graphemeSegments } from 'unicode-segmenter/grapheme';
import { idTable } from '../ids';
import type { Locale } from '../types';
import type { CountingMethod, PlatformSpec } from './platforms';
import { weighX } from './xWeight';

/** A post's length in a platform's own units. */
export interface Measure {
  length: number;
  /**
   * The UTF-16 offset just after the longest prefix whose count is at most `count`:
   * everything from there on is what does not fit.
   */
  offsetAtCount(count: number): number;
  /** How the count was made, for hovers. */
  breakdown(locale: Locale): string;
}

const WEIBO_URL_BYTES = 20;
const URL_WEIGHT = 23;
const HTTP_URL = /https?:\/\/[!-~]*[A-Za-z0-9/_=#&%~-]/g;

export function measure(text: string, spec: PlatformSpec): Measure {
  return MEASURERS[spec.counting](text);
}

const MEASURERS: Readonly<Record<CountingMethod, (text: string) => Measure>> = idTable({
  x: measureX,
  weibo: measureWeibo,
  graphemes: (text) => measureGraphemes(text, false),
  'graphemes-url23': (text) => measureGraphemes(text, true),
});

function measureX(text: string): Measure {
  const weight = weighX(text);
  return {
    length: weight.weightedLength,
    offsetAtCount(count) {
      if (count >= weight.weightedLength) return text.length;
      if (count <= 0) return 0;
      return weight.fitEnd(count);
    },
    breakdown(locale) {
      const urls = weight.urls;
      let wide = 0;
      let cursor = 0;
      for (const u of [...urls, { start: text.length, end: text.length }]) {
        wide += countHeavy(text, cursor, u.start);
        cursor = u.end;
      }
      const rest = weight.weightedLength - urls.length * URL_WEIGHT - wide * 2;
      return locale === 'zh-CN'
        ? `按 X 的加权规则计数：全角字符（中日韩等）和表情 ×2：${wide} → ${wide * 2} · 链接 ${urls.length} 个 × 23 · 其他 ${rest}`
        : `X counts weighted: CJK and other wide characters and emoji ×2: ${wide} → ${wide * 2} · ${urls.length} URL${urls.length === 1 ? '' : 's'} × 23 · everything else ${rest}`;
    },
  };
}

/** Code points twitter-text weighs 2 (outside its light ranges); emoji sequences are approximated per code point. */
function countHeavy(text: string, from: number, to: number): number {
  let heavy = 0;
  for (let i = from; i < to; i++) {
    const c = text.codePointAt(i) ?? 0;
    if (c > 0xffff) i++;
    if (c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1f3fb && c <= 0x1f3ff)) continue;
    if (!isLight(c)) heavy++;
  }
  return heavy;
}

function isLight(c: number): boolean {
  return c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) || (c >= 8242 && c <= 8247);
}

interface UrlSpan {
  start: number;
  end: number;
}

function findHttpUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  HTTP_URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HTTP_URL.exec(text)) !== null) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/**
 * Sina's rule, as its own web client counts: ASCII code units are 1 byte, every other code unit 2,
 * an http(s) URL 20 bytes; the length in 字 is ceil(bytes / 2).
 */
function measureWeibo(text: string): Measure {
  const urls = findHttpUrls(text);
  // Walks the text once, calling `visit` with the byte total after each counted step.
  const walk = (visit: (bytesAfter: number, offsetAfter: number) => boolean): number => {
    let bytes = 0;
    let u = 0;
    for (let i = 0; i < text.length; ) {
      if (u < urls.length && urls[u].start === i) {
        bytes += WEIBO_URL_BYTES;
        i = urls[u++].end;
      } else {
        const c = text.charCodeAt(i);
        const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
        bytes += (c < 0x80 ? 1 : 2) * (isPair ? 2 : 1);
        i += isPair ? 2 : 1;
      }
      if (!visit(bytes, i)) break;
    }
    return bytes;
  };
  const totalBytes = walk(() => true);
  const length = Math.ceil(totalBytes / 2);
  return {
    length,
    offsetAtCount(count) {
      if (count >= length) return text.length;
      let fits = 0;
      walk((bytes, offset) => {
        if (Math.ceil(bytes / 2) > count) return false;
        fits = offset;
        return true;
      });
      return fits;
    },
    breakdown(locale) {
      let ascii = 0;
      let wide = 0;
      let cursor = 0;
      for (const u of [...urls, { start: text.length, end: text.length }]) {
        for (let i = cursor; i < u.start; i++) {
          if (text.charCodeAt(i) < 0x80) ascii++;
          else wide++;
        }
        cursor = u.end;
      }
      return locale === 'zh-CN'
        ? `按新浪的规则计数：中文等全角字符每个 2 字节（${wide} → ${wide * 2}）· 英文和数字每个 1 字节（${ascii}）· 链接 ${urls.length} 个 × 20 字节 · 合计 ${totalBytes} 字节 ÷ 2 = ${length} 字`
        : `Weibo counts bytes: wide (CJK) characters 2 each (${wide} → ${wide * 2}) · ASCII 1 each (${ascii}) · ${urls.length} URL${urls.length === 1 ? '' : 's'} × 20 · ${totalBytes} bytes ÷ 2 = ${length} 字`;
    },
  };
}

function measureGraphemes(text: string, urlsWeigh23: boolean): Measure {
  const urls = urlsWeigh23 ? findHttpUrls(text) : [];
  const walk = (visit: (countAfter: number, offsetAfter: number) => boolean): number => {
    let count = 0;
    let u = 0;
    for (const { index, segment } of graphemeSegments(text)) {
      while (u < urls.length && urls[u].end <= index) u++;
      const inUrl = u < urls.length && index >= urls[u].start;
      if (inUrl) {
        if (index !== urls[u].start) continue;
        count += URL_WEIGHT;
      } else {
        count += 1;
      }
      if (!visit(count, inUrl ? urls[u].end : index + segment.length)) break;
    }
    return count;
  };
  const length = walk(() => true);
  return {
    length,
    offsetAtCount(count) {
      if (count >= length) return text.length;
      let fits = 0;
      walk((after, offset) => {
        if (after > count) return false;
        fits = offset;
        return true;
      });
      return fits;
    },
    breakdown(locale) {
      const urlNote = urlsWeigh23 ? (locale === 'zh-CN' ? ` · 链接 ${urls.length} 个，每个按 23 计` : ` · ${urls.length} URL${urls.length === 1 ? '' : 's'} × 23`) : '';
      return locale === 'zh-CN'
        ? `按用户看到的字符（字素簇）计数：一个表情、一个汉字、一个字母都算 1${urlNote} · 合计 ${length}`
        : `Counted in user-perceived characters (graphemes): an emoji, a CJK character and a letter are 1 each${urlNote} · ${length} in all`;
    },
  };
}
