/**
 * Signal templates: phrases with typed slots, e.g. `{BUY} … {TIME-WORD}`, `only {COUNT} left`,
 * `{PLACE} , {DATE} —`, `还剩 {COUNT}`, `过了 {TIME} 恢复原价`. A template compiles to one regular
 * expression, which joins the family's other patterns in the one-pass matcher; the post is not walked again.
 *
 * Syntax, token by token (tokens are separated by spaces):
 * - a word or a run of characters: itself (English: whole words, any case; Chinese: the characters);
 * - `a|b|c`: any of these words;
 * - a token ending in `?`: optional (`the?`);
 * - `{SLOT}`: a typed slot, see `SLOTS` (PRICE, PERCENT, NUMBER, COUNT, TIME, DEADLINE, DATE, PLACE);
 * - `{class}`: a word class (lower case), from the language's class table (`{buy}`, `{time-word}`, `{imperative-answer}`);
 * - `…`: a short gap inside one sentence (English: up to four words; Chinese: up to twelve characters);
 * - `^`: the start of a sentence or clause (so `^ {buy} …` is an order to buy, not "I'll buy").
 * English tokens are joined by spaces or punctuation-free gaps; Chinese tokens by at most one space.
 */
import type { PostLanguage } from '../types';

/** Named word classes of one language: class name → words or Chinese phrases (or templates of other classes). */
export type WordClasses = Readonly<Record<string, readonly string[]>>;

const EN_NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|a few|a handful of|a couple of';
const EN_MONTHS =
  '[Jj]an(?:uary|\\.)?|[Ff]eb(?:ruary|\\.)?|[Mm]ar(?:ch|\\.)?|[Aa]pr(?:il|\\.)?|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust|\\.)?|[Ss]ept?(?:ember|\\.)?|[Oo]ct(?:ober|\\.)?|[Nn]ov(?:ember|\\.)?|[Dd]ec(?:ember|\\.)?';
const EN_WEEKDAYS = '[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un';
const ZH_DIGITS = '[0-9０-９一二三四五六七八九十百千万两几]';

/**
 * Slot patterns per language. Each is a non-capturing regular expression source. A word boundary is written
 * as the lookaround it means here (`(?!\w)` after a letter): V8 compiles `\b` several times slower, and
 * a process compiles these on its first lint.
 */
const SLOTS: Record<PostLanguage, Record<string, string>> = {
  en: {
    NUMBER: `(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|${EN_NUMBER_WORDS})`,
    PRICE: '(?:[$€£¥]\\s?\\d+(?:,\\d{3})*(?:\\.\\d{1,2})?(?:k(?!\\w))?|\\d+(?:,\\d{3})*(?:\\.\\d{1,2})?\\s?(?:dollars|bucks|usd|eur|gbp|pounds)(?!\\w))',
    PERCENT: '(?:\\d{1,3}(?:\\.\\d+)?\\s?(?:%|percent(?!\\w)|per cent(?!\\w)))',
    COUNT: `(?:(?:\\d+(?:,\\d{3})*|${EN_NUMBER_WORDS})(?:\\s+[a-z]+){0,2}?)`,
    TIME: '(?:\\d{1,2}(?::\\d{2})?\\s?(?:a\\.?m\\.?|p\\.?m\\.?)|\\d{1,2}:\\d{2}|midnight|noon)',
    DEADLINE: `(?:midnight|noon|tonight|today|tomorrow|this (?:week(?:end)?|month|friday|saturday|sunday)|(?:${EN_WEEKDAYS})day|end of (?:the )?(?:day|week|month)|\\d{1,2}(?::\\d{2})?\\s?(?:a\\.?m\\.?|p\\.?m\\.?)|(?:${EN_MONTHS})\\s\\d{1,2}(?:st|nd|rd|th)?)`,
    DATE: `(?:(?:${EN_MONTHS})\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s\\d{4})?|\\d{1,2}\\s(?:${EN_MONTHS})(?:\\s\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})`,
    // A charge per message, minute or week, as premium-rate services state it: 150p/msg, £1.50 per min, 150ppm.
    CHARGE: '(?:(?:[£$€]\\s?\\d+(?:\\.\\d{1,2})?|\\d{1,3}(?:\\.\\d)?\\s?p(?:ence)?)\\s?(?:/|per|a|an|each|x)\\s?(?:msg|message|min|minute|wk|week|month|mth|call|txt|text|sms|tone|day|rcvd|recd)(?!\\w)|\\d{2,3}\\s?pp[mw](?!\\w))',
    // An amount in pence or pounds as a premium-rate text states it: 150p, 35p, GBP4.50.
    PENCE: '(?:\\d{1,4}(?:\\.\\d{1,2})?p(?!\\w)|gbp\\s?\\d+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?\\s?gbp(?!\\w))',
    // A phone number to call or text: a long number (0800…, 09…, +44…) or a five- or six-digit short code.
    PHONE: '(?:\\+?\\d[\\d -]{8,14}\\d|\\d{5,6})',
    // A premium-rate or service line (UK 09…, 0870–0873): calling or texting it is itself the charge.
    PREMIUM: '(?:0(?:9\\d{2}|87[0-3])[ -]?\\d{3}[ -]?\\d{3,4})',
    // A keyword to text or reply with, written in capitals (STOP, WIN, POLY3); meaningful in matchCase templates.
    KEYWORD: '(?:[A-Z][A-Z0-9#]{1,11})',
    // A person's name as a release writes it (matchCase templates): José E. Serrano, Earl L. "Buddy" Carter.
    NAME: '(?:[A-Z][^\\s(),:;]+(?:\\s(?:[A-Z]|"[A-Z])[^\\s(),:;]*){0,3})',
    // A lawmaker's party and state or district: (D-CA), (R-Vista), (TX-02), (N.C.-5).
    PARTY: '(?:\\([A-Z][A-Za-z. ]{0,12}-\\s?[A-Za-z0-9. ]{1,18}\\))',
    // A place in capitals, as datelines print it: WASHINGTON, NEW YORK, ST. LOUIS.
    CAPS: '(?:[A-Z]{4,}(?:[ .]+[A-Z]{2,}){0,2}\\.?)',
    // A dateline's place: capitalised or upper-case words, an optional state or country after a comma.
    PLACE: "(?:[A-Z][A-Za-z.'-]+(?:\\s[A-Z][A-Za-z.'-]+){0,3}(?:,\\s?(?:[A-Z][A-Za-z.]+\\.?)(?:\\s[A-Z][A-Za-z.]+){0,2})?)",
  },
  zh: {
    NUMBER: `(?:${ZH_DIGITS}+(?:\\.\\d+)?)`,
    // A retail price needs no unit when it ends in .9 or .99 (39.9, 9.99): no other number is written so.
    PRICE: `(?:[¥￥$]\\s?\\d+(?:\\.\\d+)?|${ZH_DIGITS}+(?:\\.\\d+)?\\s?(?:元|块钱|块|rmb|RMB)|\\d+\\.9{1,2}(?![\\d%％]))`,
    PERCENT: `(?:\\d{1,3}(?:\\.\\d+)?\\s?[%％]|${ZH_DIGITS}(?:\\.\\d)?\\s?折)`,
    COUNT: `(?:${ZH_DIGITS}+\\s?(?:件|个|名|位|份|台|套|单|张|盒|瓶|组|席|款|支|把|双|箱|桌|间))`,
    TIME: `(?:\\d{1,2}[:：]\\d{2}|${ZH_DIGITS}{1,3}\\s?点(?:半|整|\\d{1,2}分?)?|零点|午夜|凌晨)`,
    DEADLINE: `(?:今天|今晚|今日|明天|明晚|本周|周末|月底|零点|午夜|(?:这|本|下)?(?:周|星期|礼拜)[一二三四五六日天末]|${ZH_DIGITS}{1,3}\\s?点(?:半|整)?(?:前|之前)?|\\d{1,2}[:：]\\d{2})`,
    DATE: `(?:(?:\\d{4}|${ZH_DIGITS}{4})\\s?年\\s?)?${ZH_DIGITS}{1,2}\\s?月\\s?${ZH_DIGITS}{1,3}\\s?[日号]`,
    PLACE: '(?:[\\u4e00-\\u9fa5]{2,6})',
    // A person's name as a release writes it after a title: 周明, 欧阳晓雯.
    NAME: '(?:[\\u4e00-\\u9fa5]{2,4})',
    PHONE: '(?:\\+?\\d[\\d -]{8,14}\\d)',
    KEYWORD: '(?:[A-Z][A-Z0-9#]{1,11}|\\d{1,4})',
  },
};

export const SLOT_NAMES = Object.keys(SLOTS.en);

/** `^`: where a sentence or clause starts, so that `^ {buy}` is an imperative, not "I'll buy". */
const CLAUSE_START: Record<PostLanguage, string> = {
  en: "(?<=^|[.!?:;,)\\]\\n—–]\\s{0,3}|[^\\x00-\\x7f]\\s{0,2}|(?<!\\w)(?:just|so|go|and|or|then|please|pls|now)\\s)",
  zh: '(?<=^|[。！？!?；\\n]\\s?)',
};

const WORD_GAP: Record<PostLanguage, string> = {
  en: "(?:[\\s,]+[\\w'’$%.-]+){0,4}?[\\s,]+",
  zh: '[^。！？!?\\n]{0,12}?',
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isTemplate(phrase: string): boolean {
  return /\{[A-Za-z-]+\}|(?:^|\s)…(?:\s|$)|^\^\s/.test(phrase);
}

/** Why a template cannot compile, or undefined when it can. */
export function templateProblem(template: string, lang: PostLanguage, classes: WordClasses): string | undefined {
  for (const m of template.matchAll(/\{([A-Za-z-]+)\}/g)) {
    const name = m[1];
    if (!Object.hasOwn(SLOTS[lang], name) && !Object.hasOwn(classes, name)) {
      return `unknown slot {${name}}: use ${SLOT_NAMES.map((s) => `{${s}}`).join(', ')} or a word class (${Object.keys(classes).map((c) => `{${c}}`).join(', ')})`;
    }
  }
  return undefined;
}

const isWordLike = (c: string) => /[\p{L}\p{N}_$%]/u.test(c);

/** One token's regular expression source. */
function tokenSource(token: string, lang: PostLanguage, classes: WordClasses, depth: number): string {
  return memo(classes, 'source', lang, depth, token, () => expandToken(token, lang, classes, depth));
}

/**
 * Class tokens (`{buy}`, `{time-word}`) recur in hundreds of templates, each a few dozen words deep; their
 * expansion and start are worked out once per class table, not once per template, on a process's first lint.
 */
const MEMO = new WeakMap<WordClasses, Map<string, unknown>>();
function memo<T>(classes: WordClasses, kind: string, lang: PostLanguage, depth: number, token: string, make: () => T): T {
  let table = MEMO.get(classes);
  if (!table) MEMO.set(classes, (table = new Map()));
  const key = `${kind} ${lang} ${depth} ${token}`;
  if (table.has(key)) return table.get(key) as T;
  const value = make();
  table.set(key, value);
  return value;
}

function expandToken(token: string, lang: PostLanguage, classes: WordClasses, depth: number): string {
  const slot = /^\{([A-Za-z-]+)\}$/.exec(token);
  if (slot) {
    const name = slot[1];
    if (Object.hasOwn(SLOTS[lang], name)) return SLOTS[lang][name];
    const words = classes[name];
    if (!words) throw new Error(`unknown slot {${name}}`);
    // A class member may itself be a short template ("sign up", "{buy} now"); classes nest two deep at most.
    const members = words.map((w) => (depth < 2 ? templateSource(w, lang, classes, depth + 1) : escapeRegex(w)));
    return `(?:${members.join('|')})`;
  }
  if (token.includes('|') && token.length > 1) return `(?:${token.split('|').map((t) => tokenSource(t, lang, classes, depth)).join('|')})`;
  return escapeRegex(token);
}

/** A template's regular expression source, without the word boundaries at its ends. */
function templateSource(template: string, lang: PostLanguage, classes: WordClasses, depth = 0): string {
  const tokens = template.trim().split(/\s+/);
  let source = '';
  let previous: string | undefined;
  for (const raw of tokens) {
    if (raw === '…' || raw === '^') {
      source += raw === '^' ? CLAUSE_START[lang] : WORD_GAP[lang];
      previous = undefined;
      continue;
    }
    const optional = raw.length > 1 && raw.endsWith('?') && !raw.endsWith('\\?');
    const token = optional ? raw.slice(0, -1) : raw;
    const body = tokenSource(token, lang, classes, depth);
    const joiner = previous === undefined ? '' : lang === 'zh' ? '\\s?' : isWordLike(previous.slice(-1)) && isWordLike(token[0]) ? '\\s+' : '\\s*';
    source += optional ? `(?:${joiner}${body})?` : `${joiner}${body}`;
    previous = token;
  }
  return source;
}

/**
 * Where a template can start: the words it can start with (English: lower-case runs of ASCII letters, so
 * "pre-order" starts with "pre" and "let's" with "let") and the characters. The matcher runs a template only
 * at such a start, so most of a post never reaches a regular expression. Undefined: it can start anywhere.
 */
export interface TemplateStart {
  words: readonly string[];
  chars: string;
}

/** What a template needs where it starts: the matcher scans once per gate, not once per template. */
export interface TemplateGate {
  /** A lookbehind every template of the group shares: a word start, a clause start, or none. */
  boundary: string;
  /** The words and characters the template can start with, or undefined when it can start with anything. */
  start: TemplateStart | undefined;
}

export interface CompiledTemplate {
  /** The pattern after the gate. */
  source: string;
  gate: TemplateGate;
}

const DIGITS = '0123456789';
const ZH_NUMERALS = `${DIGITS}０１２３４５６７８９一二三四五六七八九十百千万两几`;
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const EN_NUMBER_STARTS = EN_NUMBER_WORDS.split('|').map((w) => w.split(' ')[0]);
const EN_MONTH_WORDS = ['jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'sepember', 'oct', 'october', 'nov', 'november', 'dec', 'december'];
const EN_WEEKDAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ANYWHERE = undefined;
/** Where each slot can start; keep in step with `SLOTS` (a test checks every slot's matches against this). */
const SLOT_START: Record<PostLanguage, Record<string, TemplateStart | undefined>> = {
  en: {
    NUMBER: { words: EN_NUMBER_STARTS, chars: DIGITS },
    COUNT: { words: EN_NUMBER_STARTS, chars: DIGITS },
    PRICE: { words: [], chars: `$€£¥${DIGITS}` },
    PERCENT: { words: [], chars: DIGITS },
    TIME: { words: ['midnight', 'noon'], chars: DIGITS },
    DEADLINE: { words: ['midnight', 'noon', 'tonight', 'today', 'tomorrow', 'this', 'end', ...EN_WEEKDAY_WORDS, ...EN_MONTH_WORDS], chars: DIGITS },
    DATE: { words: EN_MONTH_WORDS, chars: DIGITS },
    CHARGE: { words: [], chars: `£$€${DIGITS}` },
    PENCE: { words: ['gbp'], chars: DIGITS },
    PHONE: { words: [], chars: `+${DIGITS}` },
    PREMIUM: { words: [], chars: '0' },
    KEYWORD: { words: [], chars: CAPITALS },
    NAME: { words: [], chars: CAPITALS },
    PARTY: { words: [], chars: '(' },
    CAPS: { words: [], chars: CAPITALS },
    PLACE: { words: [], chars: CAPITALS },
  },
  zh: {
    NUMBER: { words: [], chars: ZH_NUMERALS },
    COUNT: { words: [], chars: ZH_NUMERALS },
    PRICE: { words: [], chars: `¥￥$${ZH_NUMERALS}` },
    PERCENT: { words: [], chars: ZH_NUMERALS },
    TIME: { words: [], chars: `${ZH_NUMERALS}零午凌` },
    DEADLINE: { words: [], chars: `${ZH_NUMERALS}今明本周月零午这下星礼` },
    DATE: { words: [], chars: ZH_NUMERALS },
    PLACE: ANYWHERE,
    NAME: ANYWHERE,
    PHONE: { words: [], chars: `+${DIGITS}` },
    KEYWORD: { words: [], chars: `${CAPITALS}${DIGITS}` },
  },
};

/** Where a literal token starts: its leading ASCII letters as a word (English), else its first character. */
function literalStart(token: string, lang: PostLanguage): TemplateStart {
  const letters = lang === 'en' ? /^[A-Za-z]+/.exec(token) : null;
  return letters ? { words: [letters[0].toLowerCase()], chars: '' } : { words: [], chars: token[0] };
}

function tokenStart(token: string, lang: PostLanguage, classes: WordClasses, depth: number): TemplateStart | undefined {
  return memo(classes, 'start', lang, depth, token, () => startOfToken(token, lang, classes, depth));
}

function startOfToken(token: string, lang: PostLanguage, classes: WordClasses, depth: number): TemplateStart | undefined {
  const slot = /^\{([A-Za-z-]+)\}$/.exec(token);
  if (slot) {
    if (Object.hasOwn(SLOTS[lang], slot[1])) return SLOT_START[lang][slot[1]];
    if (depth >= 2) return union(classes[slot[1]].map((member) => literalStart(member, lang)));
    return union(classes[slot[1]].map((member) => templateStart(member, lang, classes, depth + 1)));
  }
  if (token.includes('|') && token.length > 1) return union(token.split('|').map((t) => tokenStart(t, lang, classes, depth)));
  return literalStart(token, lang);
}

function union(parts: (TemplateStart | undefined)[]): TemplateStart | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  const starts = parts as TemplateStart[];
  return { words: [...new Set(starts.flatMap((p) => p.words))], chars: [...new Set(starts.map((p) => p.chars).join(''))].join('') };
}

function templateStart(template: string, lang: PostLanguage, classes: WordClasses, depth = 0): TemplateStart | undefined {
  const parts: TemplateStart[] = [];
  for (const raw of template.trim().split(/\s+/)) {
    if (raw === '^') continue;
    if (raw === '…') return undefined;
    const optional = raw.length > 1 && raw.endsWith('?') && !raw.endsWith('\\?');
    const start = tokenStart(optional ? raw.slice(0, -1) : raw, lang, classes, depth);
    if (start === undefined) return undefined;
    parts.push(start);
    if (!optional) return union(parts);
  }
  return undefined;
}

/** The characters a start can begin with, both cases of every letter: what a one-character gate tests. */
export function startCharacters(start: TemplateStart): string {
  return bothCases(start.chars + start.words.map((w) => w[0]).join(''));
}

/** Both cases of every letter, so that a gate serves case-insensitive patterns. */
function bothCases(chars: string): string {
  return [...new Set([...chars].flatMap((c) => [c.toLowerCase(), c.toUpperCase()]))].join('');
}

/**
 * A template as a pattern for the matcher. English templates get word boundaries at ends that are words,
 * so `{buy}` does not match inside "buyer" and `only {COUNT} left` not inside "commonly". The boundary at
 * the start and the characters a template can start with are returned as its gate, which the matcher
 * puts once in front of every template sharing it: most positions of a post fail there in one test.
 */
export function compileTemplate(template: string, lang: PostLanguage, classes: WordClasses): CompiledTemplate {
  const trimmed = template.trim();
  const clause = trimmed === '^' || trimmed.startsWith('^ ');
  const rest = clause ? trimmed.slice(1).trim() : trimmed;
  const source = templateSource(rest, lang, classes);
  const start = templateStart(rest, lang, classes);
  if (lang === 'zh') return { source, gate: { boundary: clause ? CLAUSE_START.zh : '', start } };
  const startsWord = isWordLike(rest[0]) || rest.startsWith('{');
  const endsWord = isWordLike(rest[rest.length - 1]) || rest.endsWith('}');
  const boundary = clause ? CLAUSE_START.en : startsWord ? '(?<![\\w$])' : '';
  return { source: `${source}${endsWord ? '(?![\\w])' : ''}`, gate: { boundary, start } };
}

/** The gate and the pattern as one regular expression source, for a template matched on its own. */
export function templatePattern(compiled: CompiledTemplate): string {
  return `${gateSource([compiled.gate])}${compiled.source}`;
}

/** One gate for templates sharing a boundary: the union of their first characters (one cheap test), then the boundary. */
export function gateSource(gates: readonly TemplateGate[]): string {
  if (gates.length === 0) return '';
  const starts = gates.map((g) => g.start);
  const first = starts.some((s) => s === undefined) ? undefined : [...new Set(starts.map((s) => startCharacters(s!)).join(''))].join('');
  const chars = first === undefined ? '' : `(?=[${[...first].map((c) => (/[\]\\^-]/.test(c) ? `\\${c}` : c)).join('')}])`;
  return `${chars}${gates[0].boundary}`;
}
