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
 * UTF-8 size of `text`; a lone surrogate counts as U+FFFD (3 bytes), as it would be written. Node counts
 * without encoding, many times faster than a loop over the characters on a megabyte.
 */
export function utf8Size(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
