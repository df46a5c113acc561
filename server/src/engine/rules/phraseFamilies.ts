import type { PhraseFamily } from '../lexicon/family';
import { hardSellingFamily } from './hard-selling/family';
import { noHookFamily } from './no-hook/family';
import { pressReleaseToneFamily } from './press-release-tone/family';

/** Every phrase-list family, in the order their lists compile and their settings are listed. */
export const PHRASE_FAMILIES: readonly PhraseFamily[] = [hardSellingFamily, pressReleaseToneFamily, noHookFamily];
