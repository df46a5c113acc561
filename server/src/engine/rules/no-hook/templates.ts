// Closing questions that fit the post: a launch asks what readers will try, a notice asks for questions
// about it (never 你怎么看 after 特此公告), a job post asks for referrals. The words are data, per language.
import questionsEn from './closing-questions/en.json';
import questionsZh from './closing-questions/zh.json';
import type { Localized, PostLanguage } from '../../types';

export const POST_KINDS = ['notice', 'hire', 'event', 'launch', 'story', 'general'] as const;
export type PostKind = (typeof POST_KINDS)[number];

interface KindCues {
  kind: PostKind;
  cues: string[];
  reason: Localized;
}

export interface ClosingQuestion {
  kind: PostKind;
  text: string;
  reason: Localized;
}

interface QuestionFile {
  kinds: KindCues[];
  questions: ClosingQuestion[];
}

const FILES: Record<PostLanguage, QuestionFile> = {
  zh: questionsZh as QuestionFile,
  en: questionsEn as QuestionFile,
};

/**
 * What kind of post this is, by the cues each kind lists: the kind with the most cues present, the
 * file's order breaking ties (a notice before all, since an opinion question after one reads worst).
 */
export function postKind(text: string, lang: PostLanguage): PostKind {
  const haystack = lang === 'en' ? text.toLowerCase() : text;
  let best: PostKind = 'general';
  let bestHits = 0;
  for (const { kind, cues } of FILES[lang].kinds) {
    let hits = 0;
    for (const cue of cues) if (containsCue(haystack, cue, lang)) hits++;
    if (hits > bestHits) {
      best = kind;
      bestHits = hits;
    }
  }
  return best;
}

function containsCue(text: string, cue: string, lang: PostLanguage): boolean {
  if (lang === 'zh') return text.includes(cue);
  let at = text.indexOf(cue);
  while (at >= 0) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + cue.length);
    if (!isWordCode(before) && !isWordCode(after)) return true;
    at = text.indexOf(cue, at + 1);
  }
  return false;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** The closing questions for this post, in its language: those for its kind first, then the general ones unless it is a notice. */
export function closingQuestions(text: string, lang: PostLanguage): ClosingQuestion[] {
  const kind = postKind(text, lang);
  const all = FILES[lang].questions;
  const own = all.filter((q) => q.kind === kind);
  if (kind === 'notice' || kind === 'general') return own;
  return [...own, ...all.filter((q) => q.kind === 'general').slice(0, 1)];
}
