import { isSpaceLike } from '../../chars';
import { docsUrl, type Rule } from '../../rule';
import { proseIndex, toSourceEdit } from './prose';

export const DEFAULT_ACRONYMS: readonly string[] = [
  'AI', 'API', 'AR', 'ASAP', 'ATM', 'B2B', 'B2C', 'BBC', 'BTW', 'CDC', 'CEO', 'CFO', 'CIA', 'CMO', 'COO', 'COVID', 'CPU', 'CSS', 'CTO',
  'DC', 'DIY', 'DM', 'EU', 'FAQ', 'FB', 'FBI', 'FYI', 'GB', 'GDP', 'GPU', 'HDD', 'HR', 'HTML', 'HTTP', 'HTTPS', 'ID', 'IoT', 'iOS', 'IPO', 'JSON',
  'KB', 'KPI', 'LOL', 'MB', 'MBA', 'ML', 'MP3', 'MP4', 'NASA', 'NBA', 'NFL', 'NGO', 'NYC', 'OK', 'OMG', 'PC', 'PDF', 'PhD', 'PR', 'Q1', 'Q2',
  'Q3', 'Q4', 'ROI', 'RSVP', 'RT', 'SaaS', 'SDK', 'SEO', 'SF', 'SMS', 'SQL', 'SSD', 'SUV', 'SXSW', 'TB', 'TV', 'UI', 'UK', 'UN', 'URL', 'USA',
  'USB', 'UX', 'VIP', 'VR', 'WTF', 'WWDC',
];

export const shoutingRule: Rule = {
  meta: {
    id: 'formatting/shouting',
    family: 'formatting',
    defaultSeverity: 'warning',
    description: { en: 'Three or more words in capitals in a row.', zh: '连续三个以上全大写的英文单词。' },
    rationale: {
      en: 'Capitals read as shouting. In a feed they look like an advert, and readers skim past them or take offence.',
      zh: '全大写在英文里等于大喊大叫，在信息流里像硬广，读者要么略过，要么反感。',
    },
    docs: docsUrl('formatting/shouting'),
    fixable: true,
    options: {
      acronyms: {
        type: 'string[]',
        default: DEFAULT_ACRONYMS,
        description: {
          en: 'Words that are meant to be in capitals; they never count towards a run and keep their spelling in the fix.',
          zh: '本来就该大写的缩写；它们不计入连续大写，修复时保持原样。',
        },
      },
      minWords: {
        type: 'number',
        default: 3,
        min: 2,
        description: { en: 'How many capitalised words in a row count as shouting.', zh: '连续多少个全大写单词算作喊叫。' },
      },
    },
  },
  check(context) {
    const { post, t } = context;
    const { text, mask } = proseIndex(post);
    let pair = nextCapitalPair(text, 0);
    if (pair < 0) return;
    const acronyms = acronymSet(context.options.acronyms as readonly string[]);
    const minWords = context.options.minWords as number;
    let run: Word[] = [];
    let previousEnd = -1;
    const flush = () => {
      // Called after every ordinary word: most of the time there is no run to look at.
      if (run.length === 0) return;
      const counted = run.filter((w) => w.kind === 'caps');
      if (counted.length >= minWords) {
        const first = run.indexOf(counted[0]);
        const last = run.lastIndexOf(counted[counted.length - 1]);
        const start = run[first].start;
        const end = run[last].end;
        const edit = toSourceEdit(post, start, end, sentenceCase(text, start, end, acronyms));
        context.report({
          start: edit.start,
          end: edit.end,
          message: t({
            en: `${counted.length} words in capitals read as shouting, so readers skim past or take offence: write them in sentence case.`,
            zh: `连续 ${counted.length} 个全大写的单词像在喊叫，读者会略过或反感：改成正常的大小写。`,
          }),
          fixes: [{ title: t({ en: 'Change to sentence case', zh: '改为正常大小写' }), edits: [edit] }],
        });
      }
      run = [];
    };
    WORD.lastIndex = wordBoundaryBefore(text, pair, 0);
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const kind = mask[start] !== 0 ? 'other' : classify(m[0], acronyms);
      if (kind === 'other' || (previousEnd >= 0 && !RUN_GAP.test(text.slice(previousEnd, start)))) flush();
      if (kind !== 'other') run.push({ start, end, kind });
      previousEnd = end;
      // With no run open, the words up to the next capital pair can neither start nor join one (a run
      // reported starts at a shouted word), so the scan jumps there: a big document is mostly skipped.
      if (run.length === 0) {
        pair = nextCapitalPair(text, end);
        if (pair < 0) break;
        WORD.lastIndex = wordBoundaryBefore(text, pair, end);
        previousEnd = -1;
      }
    }
    flush();
  },
};

interface Word {
  start: number;
  end: number;
  /** `neutral` words (acronyms, single letters, numbers) neither count towards a run nor break it. */
  kind: 'caps' | 'neutral' | 'other';
}

const WORD = /[\p{Lu}\p{Ll}\p{Lt}\p{N}]+(?:['’][\p{Lu}\p{Ll}]+)*/gu;
// Its own copy: the scan over the post is still using WORD's lastIndex when a run is rewritten.
const WORD_IN_RUN = new RegExp(WORD.source, 'gu');
const TWO_UPPER = /\p{Lu}[^]*\p{Lu}/u;
/** Every shouted word has two capitals with at most digits or an apostrophe between. */
const CAPITAL_PAIR_AT = /\p{Lu}['’\p{N}]*\p{Lu}/uy;

/**
 * Where the next capital pair starts, at or after `from`, or -1. The Unicode regex costs some 10 ns a
 * character; most characters of a post are lower-case Latin or CJK, which a comparison rules out, so
 * the regex only runs where a capital may start.
 */
function nextCapitalPair(text: string, from: number): number {
  for (let i = from; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? c < 65 || c > 90 : hasNoCapitals(c)) continue;
    CAPITAL_PAIR_AT.lastIndex = i;
    if (CAPITAL_PAIR_AT.test(text)) return i;
  }
  return -1;
}

/** Blocks without upper-case letters: CJK, kana, Hangul, Yi, and the full-width forms other than Ａ–Ｚ. */
function hasNoCapitals(c: number): boolean {
  return (c >= 0x2e80 && c <= 0xa63f) || (c >= 0xac00 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff20) || (c >= 0xff3b && c <= 0xffef);
}

/** A place at or before `at` (and not before `floor`) where no word spans: the word scan may resume there. */
function wordBoundaryBefore(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && !isSpaceLike(text.charCodeAt(i - 1))) i--;
  return i;
}

const HAS_LOWER = /[\p{Ll}\p{Lt}]/u;
/** What may sit between the words of one run: spaces and light punctuation on one line. */
const RUN_GAP = /^[ \t,.;:!?&/'"’()\-–—…]*$/;
const SENTENCE_END = /[.!?。！？]/;
const OPENERS = new Set([...' \t"\'“‘(']);

function classify(word: string, acronyms: ReadonlySet<string>): Word['kind'] {
  if (HAS_LOWER.test(word)) return 'other';
  // Acronyms and words with fewer than two capitals are both neutral, so the acronym lookup (which
  // upper-cases the word) is only needed for words that would otherwise count as shouting.
  if (!TWO_UPPER.test(word)) return 'neutral';
  return acronyms.has(word.toUpperCase()) ? 'neutral' : 'caps';
}

const acronymSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Upper-cased for lookup; built once per option list (the list object is stable per settings object). */
function acronymSet(list: readonly string[]): ReadonlySet<string> {
  let set = acronymSets.get(list);
  if (!set) {
    set = new Set(list.map((a) => a.toUpperCase()));
    acronymSets.set(list, set);
  }
  return set;
}

/** Lower-cases the run, keeping acronyms and "I", and capitalising words that start a sentence. */
function sentenceCase(text: string, start: number, end: number, acronyms: ReadonlySet<string>): string {
  let atSentenceStart = startsSentence(text, start);
  let out = '';
  let cursor = start;
  const span = text.slice(start, end);
  for (const m of span.matchAll(WORD_IN_RUN)) {
    const gap = span.slice(cursor - start, m.index);
    if (SENTENCE_END.test(gap)) atSentenceStart = true;
    out += gap;
    const word = m[0];
    if (acronyms.has(word.toUpperCase()) || word === 'I' || /^\p{N}+$/u.test(word)) out += word;
    else {
      const lower = word.toLowerCase();
      out += atSentenceStart ? lower[0].toUpperCase() + lower.slice(1) : lower;
    }
    atSentenceStart = false;
    cursor = start + m.index + word.length;
  }
  return out + text.slice(cursor, end);
}

function startsSentence(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && OPENERS.has(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r' || SENTENCE_END.test(text[i - 1]);
}
