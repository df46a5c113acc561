/**
 * Shared fragments of the compiled signal table (`signals.compiled.json`). A slot or a word class expands to
 * the same group in every template that names it: `{DEADLINE}` is 459 characters, in 12 templates; `{PRICE}`
 * 127, in 38. The table stores each such group once and a reference in its place, which keeps a third of the
 * table out of the server and command bundles that ship it; loading expands the references back.
 *
 * A reference is `\u0001<index in base 36>\u0002`: control characters that no template source holds.
 */
import { forEachParenthesis } from './patternGroups';

/** Groups shorter than this stay inline: a reference costs about four characters. */
const MIN_SHARED_LENGTH = 40;
// eslint-disable-next-line no-control-regex -- control characters on purpose: no template source holds one.
const REFERENCE = /\u0001([0-9a-z]+)\u0002/g;

export interface SharedSources {
  fragments: string[];
  sources: string[];
}

/**
 * Replaces every non-capturing group (`(?:…)`) of at least `MIN_SHARED_LENGTH` characters that occurs more than
 * once by a reference to one copy. Longer groups are shared first; a fragment may hold references to shorter ones.
 */
export function shareFragments(sources: readonly string[]): SharedSources {
  const counts = new Map<string, number>();
  for (const source of sources) for (const group of groupsOf(source)) counts.set(group, (counts.get(group) ?? 0) + 1);
  const candidates = [...counts]
    .filter(([group, count]) => count > 1 && group.length >= MIN_SHARED_LENGTH)
    .map(([group]) => group)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  let texts = [...sources];
  const fragments: string[] = [];
  for (const group of candidates) {
    const occurrences = texts.reduce((n, text) => n + countOf(text, group), 0) + fragments.reduce((n, text) => n + countOf(text, group), 0);
    if (occurrences < 2) continue;
    const reference = `\u0001${fragments.length.toString(36)}\u0002`;
    texts = texts.map((text) => text.split(group).join(reference));
    for (let i = 0; i < fragments.length; i++) fragments[i] = fragments[i].split(group).join(reference);
    fragments.push(group);
  }
  return { fragments, sources: texts };
}

/** A function that expands the references in a source, each fragment expanded once. */
export function fragmentExpander(fragments: readonly string[]): (source: string) => string {
  const expanded: (string | undefined)[] = [];
  const fragment = (index: number): string => (expanded[index] ??= expand(fragments[index]));
  const expand = (text: string): string => (text.includes('\u0001') ? text.replace(REFERENCE, (_, index: string) => fragment(parseInt(index, 36))) : text);
  return expand;
}

/** Every `(?:…)` group of a source, nested ones included. */
function groupsOf(source: string): string[] {
  const groups: string[] = [];
  const opens: number[] = [];
  forEachParenthesis(source, (at, opening) => {
    if (opening) opens.push(source.startsWith('(?:', at) ? at : -1);
    else {
      const open = opens.pop();
      if (open !== undefined && open >= 0) groups.push(source.slice(open, at + 1));
    }
  });
  return groups;
}

function countOf(text: string, group: string): number {
  let count = 0;
  for (let at = text.indexOf(group); at >= 0; at = text.indexOf(group, at + group.length)) count++;
  return count;
}
