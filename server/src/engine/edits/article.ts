// "a" or "an" by how the next word sounds, not how it is spelled: the cases spelling gets wrong are
// few enough to list (a user, a one-off, an hour, an FAQ).

/** Vowel letters that sound like a consonant ("a unique", "a European", "a one-time"). */
const CONSONANT_SOUNDING = /^(?:u(?:ni|s[aeiu]|r[aeiou]|til|biq|kr)|eu|ewe|one\b|once\b|onesie)/i;
/** A silent h ("an hour", "an honest"). */
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;
/** Initialisms read letter by letter: F, H, L, M, N, R, S and X start with a vowel sound ("an FAQ", "an SEO"). */
const VOWEL_LETTER_NAMES = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);

export function articleFor(word: string): 'a' | 'an' {
  if (/^[A-Z]{2,}\b/.test(word) && !/^[AEIOU][A-Z]*[AEIOU]/.test(word)) return VOWEL_LETTER_NAMES.has(word[0]) ? 'an' : 'a';
  if (/^(?:8|11|18)(?!\d)|^8\d/.test(word)) return 'an';
  if (/^\d/.test(word)) return 'a';
  if (SILENT_H.test(word)) return 'an';
  if (CONSONANT_SOUNDING.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
