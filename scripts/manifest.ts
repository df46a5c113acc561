// Keeps what the editor and the docs say about settings in step with the engine: the `postlint.rules`
// schema from the rules' metadata, and each phrase family's `postlint.words.<key>` (schema, English and
// Chinese descriptions, row in docs/configuration.md) from its descriptor (`rules/<family>/family.ts`), the
// platform setting's per-value descriptions from the platforms' specs, and the editor defaults for posts.
// `npm run manifest` rewrites the files; a test fails when any of them drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, MAX_LIST_ENTRIES, type OptionSpec, PHRASE_FAMILIES, PLATFORM_IDS, PLATFORMS, RULES, SEVERITIES } from '../server/src/engine';

const SEVERITY_SCHEMA = { type: 'string', enum: ['off', ...SEVERITIES] };

function optionSchema(spec: OptionSpec): Record<string, unknown> {
  const description = spec.description.en;
  switch (spec.type) {
    case 'number':
      return { type: 'number', default: spec.default, ...(spec.min !== undefined ? { minimum: spec.min } : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}), description };
    case 'boolean':
      return { type: 'boolean', default: spec.default, description };
    case 'string':
      return { type: 'string', default: spec.default, ...(spec.enum ? { enum: [...spec.enum] } : {}), description };
    case 'string[]':
      return { type: 'array', items: { type: 'string' }, default: [...spec.default], description };
  }
}

export function rulesSettingSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const family of FAMILIES) {
    properties[family] = {
      description: `Every rule of the ${family} family: ${RULES.filter((r) => r.meta.family === family).map((r) => r.meta.id).join(', ')}.`,
      anyOf: [SEVERITY_SCHEMA, { type: 'object', properties: { severity: SEVERITY_SCHEMA } }],
    };
  }
  for (const rule of RULES) {
    const options = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, spec]) => [name, optionSchema(spec)]));
    properties[rule.meta.id] = {
      description: `${rule.meta.description.en} (default: ${rule.meta.defaultSeverity})`,
      anyOf: [SEVERITY_SCHEMA, { type: 'object', properties: { severity: SEVERITY_SCHEMA, ...options }, additionalProperties: false }],
    };
  }
  return { type: 'object', default: {}, properties, additionalProperties: false };
}

/**
 * VS Code's defaults for `postmd` editors: posts are prose, so lines wrap; and the full-width ，！？ that
 * Chinese copy (and postlint's own fixes) use are not boxed as characters that could be mistaken for ASCII.
 */
export const POSTMD_EDITOR_DEFAULTS = { '[postmd]': { 'editor.wordWrap': 'on', 'editor.unicodeHighlight.ambiguousCharacters': false } };

/** What the Platform setting's drop-down says under each platform, in both languages. */
export function platformDescriptions(): Record<'en' | 'zh', Record<string, string>> {
  const out = { en: {} as Record<string, string>, zh: {} as Record<string, string> };
  for (const id of PLATFORM_IDS) {
    const p = PLATFORMS[id];
    const counting = {
      x: { en: '; Chinese characters and emoji count 2, every link 23', zh: '；汉字和表情各算 2，每个链接算 23' },
      weibo: { en: '; two Latin letters or digits count as one 字', zh: '；两个英文字母或数字算 1 个字' },
      'graphemes-url23': { en: '; every link counts 23', zh: '；每个链接算 23' },
      graphemes: { en: '', zh: '' },
    }[p.counting];
    const fold = p.fold === undefined ? { en: '', zh: '' } : { en: `, folds after ${p.fold}`, zh: `，${p.fold} ${p.unit.zh}后折叠` };
    const threads = p.threads ? { en: '; long posts can go out as a thread', zh: '；长帖可以拆成串推' } : { en: '', zh: '' };
    out.en[id] = `${p.name.en}: up to ${p.limit} ${p.unit.en}${fold.en}${counting.en}${threads.en}.`;
    out.zh[id] = `${p.name.zh}：上限 ${p.limit} ${p.unit.zh}${fold.zh}${counting.zh}${threads.zh}。`;
  }
  return out;
}

const platformKey = (id: string) => `config.platform.${id}`;

const NON_EMPTY = { type: 'string', minLength: 1 };

/** `postlint.words.<key>`: phrases, or `{ phrase, rewrite?, reason? }` with the reason in one or both languages. */
function phraseListSchema(settingsKey: string): Record<string, unknown> {
  const reason = { anyOf: [NON_EMPTY, { type: 'object', properties: { en: { type: 'string' }, zh: { type: 'string' } }, required: ['en', 'zh'], additionalProperties: false }] };
  const entry = { type: 'object', properties: { phrase: NON_EMPTY, rewrite: { type: 'string' }, reason }, required: ['phrase'], additionalProperties: false };
  return { type: 'array', items: { anyOf: [NON_EMPTY, entry] }, default: [], scope: 'resource', markdownDescription: `%config.words.${settingsKey}%`, maxItems: MAX_LIST_ENTRIES };
}

const isFamilyWords = (key: string) => key.startsWith('postlint.words.') && key !== 'postlint.words.allow';

/** Rebuilds an object's keys in order, putting `generated` where the first key `replaced` selects stood (or after `after`). */
function splice<T>(entries: [string, T][], replaced: (key: string) => boolean, after: string, generated: [string, T][]): [string, T][] {
  const kept = entries.filter(([key]) => !replaced(key));
  const at = kept.findIndex(([key]) => key === after) + 1;
  return [...kept.slice(0, at), ...generated, ...kept.slice(at)];
}

export const ROOT = join(__dirname, '..');
export const PACKAGE_JSON = join(ROOT, 'package.json');
const NLS = { en: join(ROOT, 'package.nls.json'), zh: join(ROOT, 'package.nls.zh-cn.json') };
const CONFIGURATION_DOC = join(ROOT, 'docs', 'configuration.md');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every file `npm run manifest` writes, with the content it writes, from the files as they are. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();

  const manifest = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
  const properties: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;
  const current = properties['postlint.rules'];
  properties['postlint.rules'] = { ...rulesSettingSchema(), scope: current.scope, markdownDescription: current.markdownDescription };
  const words = PHRASE_FAMILIES.map((family): [string, Record<string, unknown>] => [`postlint.words.${family.settingsKey}`, phraseListSchema(family.settingsKey)]);
  const platform = properties['postlint.platform'];
  properties['postlint.platform'] = { ...platform, enum: [...PLATFORM_IDS], markdownEnumDescriptions: PLATFORM_IDS.map((id) => `%${platformKey(id)}%`) };
  manifest.contributes.configuration.properties = Object.fromEntries(splice(Object.entries(properties), isFamilyWords, 'postlint.words.allow', words));
  manifest.contributes = { ...manifest.contributes, configurationDefaults: POSTMD_EDITOR_DEFAULTS };
  files.set(PACKAGE_JSON, json(manifest));

  const platforms = platformDescriptions();
  for (const lang of ['en', 'zh'] as const) {
    const nls: Record<string, string> = JSON.parse(readFileSync(NLS[lang], 'utf8'));
    const descriptions = PHRASE_FAMILIES.map((family): [string, string] => [`config.words.${family.settingsKey}`, family.setting[lang]]);
    let entries = splice(Object.entries(nls), (key) => key.startsWith('config.words.') && key !== 'config.words.allow', 'config.words.allow', descriptions);
    entries = splice(entries, (key) => key.startsWith('config.platform.'), 'config.platform', PLATFORM_IDS.map((id): [string, string] => [platformKey(id), platforms[lang][id]]));
    files.set(NLS[lang], json(Object.fromEntries(entries)));
  }

  const doc = readFileSync(CONFIGURATION_DOC, 'utf8').split('\n');
  const rows = PHRASE_FAMILIES.map((family): [string, string] => [family.settingsKey, `| \`postlint.words.${family.settingsKey}\` | \`[]\` | ${family.setting.en} |`]);
  const rowKey = (line: string) => /^\| `(postlint\.words\.[A-Za-z]+)`/.exec(line)?.[1] ?? line;
  const lines = splice(doc.map((line, i): [string, string] => [`${i}\u0000${rowKey(line)}`, line]), (key) => isFamilyWords(key.split('\u0000')[1]), `${doc.findIndex((line) => rowKey(line) === 'postlint.words.allow')}\u0000postlint.words.allow`, rows);
  files.set(CONFIGURATION_DOC, lines.map(([, line]) => line).join('\n'));
  return files;
}

if (require.main === module) {
  for (const [path, content] of generatedFiles()) {
    if (readFileSync(path, 'utf8') === content) continue;
    writeFileSync(path, content);
    console.log(`${path.slice(ROOT.length + 1)}: updated from the rules' metadata and the phrase families' descriptors`);
  }
}
