// How big a post is in UTF-8, the unit `postlint.maxFileSize` is in; `lint` checks it before parsing.

/**
 * Whether `text` takes more than `maxBytes` in UTF-8, without encoding it: a UTF-16 code unit is
 * one to three bytes, so only sizes between `maxBytes / 3` and `maxBytes` units need counting.
 */
export function exceedsFileSize(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Size(text) > maxBytes;
}

/**
 * UTF-8 size of `text`; a lone surrogate counts as U+FFFD (3 bytes), as it would be written. Counted
 * by hand because the engine also runs in a browser worker, where Node's `Buffer` does not exist.
 */
export function utf8Size(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      bytes += 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two units, four bytes.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}
