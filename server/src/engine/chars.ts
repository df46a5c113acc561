// Character classes, by UTF-16 code unit or code point, shared by parsing, counting, the lexicon and the
// rules. Each takes a number so hot loops test `charCodeAt` results without making strings.

/** Han ideographs, the characters Chinese typography conventions are about. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2fa1f)
  );
}

/** Code points that make a post "Chinese": CJK ideographs and CJK punctuation. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2fa1f)
  );
}

export function hasCjk(text: string): boolean {
  for (const ch of text) if (isCjk(ch.codePointAt(0)!)) return true;
  return false;
}

/** CJK punctuation and full-width symbols (、。「」【】（）！？ and the like), not full-width letters or digits. */
export function isCjkPunctuation(code: number): boolean {
  if (code >= 0x3001 && code <= 0x303f) return true;
  if (code < 0xff01 || code > 0xff65) return false;
  return !((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a));
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Space, tab, the ideographic space and the no-break space. */
export function isHorizontalSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0;
}

/** A horizontal space or a line break. */
export function isSpaceLike(code: number): boolean {
  return isHorizontalSpace(code) || isLineBreak(code);
}

/** What trims off the edges of published text: spaces, line breaks and a byte-order mark, not the no-break space. */
export function isSpaceOrBom(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xfeff;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
