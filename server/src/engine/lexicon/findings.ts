import type { FixSpec, RuleConfig, RuleContext } from '../rule';
import type { PhraseMatch } from './types';

/**
 * One fix per rewrite ("Replace with …"), then "Remove …"; the first rewrite is the preferred fix.
 * An entry without rewrites gets no fix: it needs the sentence rethought, not a word swapped.
 */
export function phraseFixes(context: Pick<RuleContext, 't' | 'post' | 'config'>, match: PhraseMatch): FixSpec[] {
  if (match.rewrites.length === 0) return [];
  const { t } = context;
  const fixes: FixSpec[] = [];
  const removeEnd = removalEnd(context.post.text, match, context.config);
  const removed = context.post.text.slice(match.start, removeEnd);
  const remove: FixSpec = {
    title: t({ en: `Remove '${removed}'`, zh: `删除“${removed}”` }),
    edits: [{ start: match.start, end: removeEnd, newText: '' }],
  };
  for (const rewrite of match.rewrites) {
    if (rewrite === '') fixes.push(remove);
    else fixes.push({ title: t({ en: `Replace with '${rewrite}'`, zh: `替换为“${rewrite}”` }), edits: [{ start: match.start, end: match.end, newText: rewrite }] });
  }
  if (!fixes.includes(remove)) fixes.push(remove);
  fixes.forEach((fix, i) => (fix.preferred = i === 0));
  return fixes;
}

/** Chinese phrases per rule, for `removalEnd`. */
const chinesePhrases = new Map<string, string[]>();

function chinesePhrasesOf(rule: string, config: RuleConfig): string[] {
  let phrases = chinesePhrases.get(rule);
  if (!phrases) {
    const family = config.ruleSet.phraseFamilies.find((f) => f.id === rule);
    const data = family?.data.find((file) => file.lang === 'zh');
    phrases = (data?.entries ?? []).flatMap((e) => (e.phrase ? [e.phrase] : []));
    chinesePhrases.set(rule, phrases);
  }
  return phrases;
}

/**
 * Where removing a Chinese phrase should stop. 史上最 is bound to the word it grades: removed alone from
 * 史上最强平价 it leaves 强平价. When another phrase of the same list starts inside the match's last
 * characters and runs on (最强), the removal takes it too: 史上最强平价 becomes 平价.
 */
function removalEnd(text: string, match: PhraseMatch, config: RuleConfig): number {
  if (!/[\u4e00-\u9fff]$/.test(match.text)) return match.end;
  const phrases = chinesePhrasesOf(match.entry.rule, config);
  for (let k = 1; k <= 2 && k < match.text.length; k++) {
    const tail = match.text.slice(-k);
    let end = match.end;
    for (const p of phrases) if (p.length > k && p.startsWith(tail) && text.startsWith(p, match.end - k)) end = Math.max(end, match.end - k + p.length);
    if (end > match.end) return end;
  }
  return match.end;
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
