import type { LexiconFile, PhraseFamily } from '../lexicon/family';
import { hardSellingFamily } from './hard-selling/family';
import { noHookFamily } from './no-hook/family';
import { pressReleaseToneFamily } from './press-release-tone/family';

/** Every phrase-list family, in the order their lists compile and their settings are listed. */
export const PHRASE_FAMILIES: readonly PhraseFamily[] = [hardSellingFamily, pressReleaseToneFamily, noHookFamily];

/** The built-in lists by `<family>.<lang>`, for tests and benchmarks that read the data itself. */
export const LEXICON_FILES: Record<string, LexiconFile> = Object.fromEntries(
  PHRASE_FAMILIES.flatMap((family) => family.data.map((file) => [`${family.id}.${file.lang}`, file])),
);
