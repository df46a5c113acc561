import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PHRASE_FAMILIES } from '../server/src/engine';
import type { LexiconEntry } from '../server/src/engine/lexicon';

interface PrhRule {
  expected: string;
  pattern: string;
  prh: string;
}

/**
 * postlint's own lexicons (`server/src/engine/rules/<family>/*.json`, as the engine bundles them) in prh's YAML
 * format, so textlint-rule-prh hunts the same phrases. prh compiles each entry into its own
 * regular expression and runs every one over every text node: the per-phrase cost postlint's
 * tries avoid. Chinese phrases are literal; English phrases get word boundaries and ignore case,
 * as postlint's do (postlint also folds inflections, which prh cannot); patterns keep their case
 * mode (prh adds the `u` flag itself).
 */
export function lexiconsAsPrh(): { yaml: string; rules: number } {
  const rules: PrhRule[] = [];
  for (const family of PHRASE_FAMILIES) {
    for (const file of family.data) {
      for (const entry of file.entries) {
        const pattern = prhPattern(entry, file.lang);
        if (pattern) rules.push({ expected: entry.rewrites?.[0] ?? '', pattern, prh: (entry.reason ?? family.reasons[entry.signal]).en });
      }
    }
  }
  return { yaml: stringify({ version: 1, rules }), rules: rules.length };
}

function prhPattern(entry: LexiconEntry, lang: 'zh' | 'en'): string | undefined {
  if (entry.pattern !== undefined) return `/${entry.pattern}/${entry.matchCase ? '' : 'i'}`;
  if (entry.phrase === undefined) return undefined;
  if (lang === 'zh') return entry.phrase;
  return `/\\b${escapeRegExp(entry.phrase)}\\b/i`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Writes the converted lexicons as a prh rule file and returns its path. */
export function writePrhRules(dir: string): { path: string; rules: number } {
  const { yaml, rules } = lexiconsAsPrh();
  const path = join(dir, 'postlint-lexicons.prh.yml');
  writeFileSync(path, yaml);
  return { path, rules };
}
