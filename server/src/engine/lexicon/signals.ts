/**
 * Signals with typed slots (`server/lexicons/signals/`): per family and language, templates such as
 * `{offer} {ends} … {DEADLINE}` that name a KIND of signal (deadline, price anchor, scarcity…), not one
 * writer's phrase. Each compiles to a pattern entry of the family's list, so it joins the one-pass matcher.
 */
import classesEn from '../../../lexicons/signals/classes.en.json';
import classesZh from '../../../lexicons/signals/classes.zh.json';
import hardSellingEn from '../../../lexicons/signals/hard-selling.en.json';
import hardSellingZh from '../../../lexicons/signals/hard-selling.zh.json';
import hooksEn from '../../../lexicons/signals/hooks.en.json';
import hooksZh from '../../../lexicons/signals/hooks.zh.json';
import pressReleaseToneEn from '../../../lexicons/signals/press-release-tone.en.json';
import pressReleaseToneZh from '../../../lexicons/signals/press-release-tone.zh.json';
import type { Localized, PostLanguage } from '../types';
import { compileTemplate, isTemplate, templateProblem, type WordClasses } from './templates';
import { weightScore, type CompiledEntry, type LexiconEntry, type LexiconRule } from './types';

/** One signal of a `signals/<family>.<lang>.json` file, as `signals.schema.json` describes it. */
export interface SignalEntry {
  template: string;
  signal: string;
  weight: LexiconEntry['weight'];
  matchCase?: boolean;
  rewrites?: string[];
  /** Defaults to the file's reason for the signal's kind. */
  reason?: Localized;
}

export interface SignalFile {
  $schema?: string;
  lang: PostLanguage;
  rule?: LexiconRule;
  classes?: Record<string, string[]>;
  reasons?: Record<string, Localized>;
  signals?: SignalEntry[];
}

export const SIGNAL_FILES: Record<string, SignalFile> = {
  'classes.en': classesEn as SignalFile,
  'classes.zh': classesZh as SignalFile,
  'hard-selling.en': hardSellingEn as SignalFile,
  'hard-selling.zh': hardSellingZh as SignalFile,
  'press-release-tone.en': pressReleaseToneEn as SignalFile,
  'press-release-tone.zh': pressReleaseToneZh as SignalFile,
  'hooks.en': hooksEn as SignalFile,
  'hooks.zh': hooksZh as SignalFile,
};

/** The word classes of a language (`{buy}`, `{zh-buy}`…), from every file of that language. */
export function wordClasses(lang: PostLanguage): WordClasses {
  const classes: Record<string, readonly string[]> = {};
  for (const file of Object.values(SIGNAL_FILES)) if (file.lang === lang) Object.assign(classes, file.classes);
  return classes;
}

const NO_REASON: Localized = { en: 'A signal of this family.', zh: '这一类的信号。' };

export function signalEntries(rule: LexiconRule): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  for (const file of Object.values(SIGNAL_FILES)) {
    if (file.rule !== rule || !file.signals) continue;
    const classes = wordClasses(file.lang);
    for (const signal of file.signals) {
      const { source, gate } = compileTemplate(signal.template, file.lang, classes);
      entries.push({
        pattern: source,
        gate,
        matchCase: signal.matchCase ?? false,
        inflect: false,
        rule,
        signal: signal.signal,
        score: weightScore(signal.weight),
        rewrites: signal.rewrites ?? [],
        reason: signal.reason ?? file.reasons?.[signal.signal] ?? NO_REASON,
        lang: file.lang,
        custom: false,
      });
    }
  }
  return entries;
}

/**
 * A team phrase (`postlint.words.*`, word-list files) as the matcher takes it: a template with slots
 * (`{buy} … {time-word}`, `还剩 {COUNT}`) becomes a pattern, anything else stays a literal phrase.
 * A template that does not compile is matched as nothing; `resolveConfig` names its key.
 */
export function templateEntryFields(phrase: string): Pick<CompiledEntry, 'phrase' | 'pattern' | 'gate'> {
  if (!isTemplate(phrase)) return { phrase };
  const lang: PostLanguage = /[\u3400-\u9fff]/.test(phrase) ? 'zh' : 'en';
  const classes = wordClasses(lang);
  if (templateProblem(phrase, lang, classes)) return { pattern: '(?!)' };
  const { source, gate } = compileTemplate(phrase, lang, classes);
  return { pattern: source, gate };
}
