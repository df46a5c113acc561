import { isCjk } from '../../chars';

/**
 * Where the first sentence of the published text ends: at the first sentence mark (。！？!?…), a line
 * break, or a full stop followed by a space. A sales pitch there is what a reader meets before scrolling.
 */
export function firstSentenceEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 33 || c === 63 || c === 0x2026 /* … */) return i + 1;
    if (c === 46 /* . */ && (i + 1 === text.length || text.charCodeAt(i + 1) === 32)) return i + 1;
  }
  return text.length;
}

/**
 * Length in "Latin character" units, a CJK character counting two (it carries about as much as a short
 * word), so that density thresholds mean the same for Chinese and English posts.
 */
export function weightedLength(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units += c >= 0x2e80 && isCjk(c) ? 2 : 1;
  }
  return units;
}
