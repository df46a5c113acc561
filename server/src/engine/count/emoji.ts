import EMOJI from 'twemoji-parser/dist/lib/regex';

/** A span the X count weighs as a whole: a URL or an emoji, in UTF-16 offsets. */
export interface Entity {
  start: number;
  end: number;
}

/**
 * The emoji twitter-text counts (twemoji-parser's pattern, which `parseTweet` runs over the whole
 * text), found by running the pattern only where an emoji can be. Every code unit any match can
 * hold is named in the pattern's source (it has no `.` and no negated class), so a match lies
 * within a run of such units; the one lookahead, `(?!\ufe0e)`, looks at a unit that is itself in
 * the set. Every match holds a non-ASCII unit (a keycap ends in U+20E3), so runs without one are
 * skipped. Chinese and English prose is almost entirely outside the set: on a long document this
 * is one table lookup per code unit instead of the pattern tried at every position.
 */
export function findEmoji(text: string): Entity[] {
  const inPattern = patternUnits();
  const found: Entity[] = [];
  let i = 0;
  while (i < text.length) {
    if (!inPattern[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    const start = i;
    let nonAscii = false;
    for (; i < text.length && inPattern[text.charCodeAt(i)]; i++) nonAscii ||= text.charCodeAt(i) >= 0x80;
    if (!nonAscii) continue;
    const run = text.slice(start, i);
    EMOJI.lastIndex = 0;
    for (let m = EMOJI.exec(run); m !== null; m = EMOJI.exec(run)) found.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
  return found;
}

let units: Uint8Array | undefined;

/** 1 for every code unit the pattern's source names, singly or in a class range (built on first use). */
function patternUnits(): Uint8Array {
  if (units) return units;
  const table = new Uint8Array(0x10000);
  const source = EMOJI.source;
  let inClass = false;
  let previous = -1;
  for (let i = 0; i < source.length; ) {
    let unit: number;
    if (source[i] === '\\') {
      unit = source[i + 1] === 'u' ? parseInt(source.slice(i + 2, i + 6), 16) : source.charCodeAt(i + 1);
      i += source[i + 1] === 'u' ? 6 : 2;
    } else {
      const ch = source[i++];
      if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      if (inClass && ch === '-' && previous >= 0 && source[i] !== ']') {
        // A class range: the next unit closes it.
        const to = source[i] === '\\' && source[i + 1] === 'u' ? parseInt(source.slice(i + 2, i + 6), 16) : source.charCodeAt(i);
        table.fill(1, previous, to + 1);
        previous = -1;
        continue;
      }
      unit = ch.charCodeAt(0);
    }
    table[unit] = 1;
    previous = inClass ? unit : -1;
  }
  units = table;
  return table;
}
