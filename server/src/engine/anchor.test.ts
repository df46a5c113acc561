import assert from 'node:assert/strict';
import { placeAnchored } from './anchor';
import { parsePost } from './parse/post';
import type { Diagnostic } from './types';

// Post-level findings sit on one free word, found first in a window around the end their rule names; the
// whole post is searched only when the window has no free word. These cases make the window run out.

function finding(start: number, end: number): Diagnostic {
  return { rule: 'test', family: 'no-media', severity: 'warning', message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, start, end, docs: '', fixes: [] };
}

function place(text: string, others: Array<[number, number]>, anchor: 'head' | 'tail'): string {
  const post = parsePost(text);
  const anchored = finding(0, text.length);
  const diagnostics = [...others.map(([s, e]) => finding(s, e)), anchored];
  placeAnchored(diagnostics, [...others.map(() => undefined), anchor], post);
  return text.slice(anchored.start, anchored.end);
}

describe('post-level findings on a free word', () => {
  const words = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');

  it('tail: the last free word, even far before a long covered end', () => {
    const covered = words.indexOf('w200');
    assert.equal(place(words, [[covered, words.length]], 'tail'), 'w199');
  });

  it('head: the first free word, even far after a long covered start', () => {
    const covered = words.indexOf(' w150');
    assert.equal(place(words, [[0, covered]], 'head'), 'w150');
  });

  it('tail: one Han character is a word', () => {
    const text = `${words}。这是一段中文，没有别的词。`;
    assert.equal(place(text, [[0, text.length - 3]], 'tail'), '词');
  });

  it('a word longer than the window is found whole', () => {
    const long = `start ${'a'.repeat(500)}`;
    assert.equal(place(long, [], 'tail'), 'a'.repeat(500));
  });

  it('nothing free anywhere: an empty range at the end', () => {
    const post = parsePost(words);
    const anchored = finding(0, words.length);
    placeAnchored([finding(0, words.length), anchored], [undefined, 'tail'], post);
    assert.deepEqual([anchored.start, anchored.end], [words.length, words.length]);
  });
});
