/**
 * Signals with typed slots (`rules/<family>/<family>.signals.<lang>.json`): templates such as
 * `{offer} {ends} … {DEADLINE}` that name a KIND of signal (deadline, price anchor, scarcity…), not one
 * writer's phrase. Each compiles to a pattern entry of the family's list, so it joins the one-pass matcher.
 */
import classesEn from './classes.en.json';
import classesZh from './classes.zh.json';
import type { PostLanguage } from '../types';
import { compileTemplate, isTemplate, templateProblem, type WordClasses } from './templates';
import { weightScore, type CompiledEntry, type PhraseFamily } from './types';

/** A word-class file (`lexicon/classes.<lang>.json`): the classes templates name in braces, `{buy}`, `{zh-remain}`. */
export interface ClassFile {
  $schema?: string;
  lang: PostLanguage;
  classes: Record<string, string[]>;
}

export const CLASS_FILES: readonly ClassFile[] = [classesEn as ClassFile, classesZh as ClassFile];

const CLASSES = new Map<PostLanguage, WordClasses>();

/** The word classes of a language (`{buy}`, `{zh-buy}`…), from every file of that language. */
export function wordClasses(lang: PostLanguage): WordClasses {
  // One table per language for the life of the process: template expansions are memoised per table.
  let classes = CLASSES.get(lang);
  if (!classes) {
    const table: Record<string, readonly string[]> = {};
    for (const file of CLASS_FILES) if (file.lang === lang) Object.assign(table, file.classes);
    CLASSES.set(lang, (classes = table));
  }
  return classes;
}

/** The family's signals as matcher entries; a signal without a reason of its own gives its family's for its kind. */
export function signalEntries(family: PhraseFamily): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  for (const file of family.signals ?? []) {
    const classes = wordClasses(file.lang);
    for (const signal of file.signals) {
      const { source, gate } = compileTemplate(signal.template, file.lang, classes);
      entries.push({
        pattern: source,
        gate,
        matchCase: signal.matchCase ?? false,
        inflect: false,
        rule: family.id,
        signal: signal.signal,
        score: weightScore(signal.weight),
        rewrites: signal.rewrites ?? [],
        reason: signal.reason ?? family.reasons[signal.signal] ?? family.customReason,
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
