import type { FixSpec, RuleContext } from '../rule';
import type { PhraseMatch } from './types';

/**
 * One fix per rewrite ("Replace with …"), then "Remove …"; the first rewrite is the preferred fix.
 * An entry without rewrites gets no fix: it needs the sentence rethought, not a word swapped.
 */
export function phraseFixes(context: Pick<RuleContext, 't'>, match: PhraseMatch): FixSpec[] {
  if (match.rewrites.length === 0) return [];
  const { t } = context;
  const fixes: FixSpec[] = [];
  const remove: FixSpec = {
    title: t({ en: `Remove '${match.text}'`, zh: `删除“${match.text}”` }),
    edits: [{ start: match.start, end: match.end, newText: '' }],
  };
  for (const rewrite of match.rewrites) {
    if (rewrite === '') fixes.push(remove);
    else fixes.push({ title: t({ en: `Replace with '${rewrite}'`, zh: `替换为“${rewrite}”` }), edits: [{ start: match.start, end: match.end, newText: rewrite }] });
  }
  if (!fixes.includes(remove)) fixes.push(remove);
  fixes.forEach((fix, i) => (fix.preferred = i === 0));
  return fixes;
}

/** The quoted phrase that starts a message, in the message language's quotation marks. */
export function quote(context: Pick<RuleContext, 't'>, text: string): string {
  return context.t({ en: `"${text}"`, zh: `“${text}”` });
}

/** A post's weight of evidence: each distinct entry counts once, so one word repeated is still one signal. */
export function scoreOf(matches: readonly PhraseMatch[]): number {
  const seen = new Set<PhraseMatch['entry']>();
  let score = 0;
  for (const m of matches) {
    if (seen.has(m.entry)) continue;
    seen.add(m.entry);
    score += m.entry.score;
  }
  return score;
}
