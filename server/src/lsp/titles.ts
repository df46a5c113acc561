// The words the server adds around the engine's findings (code-action titles, hover headings),
// in both message languages.
import { inLocale, type Locale, type Localized } from '../engine';

export const TITLES = {
  selectOverflow: (): Localized => ({ en: "Select the text that doesn't fit", zh: '选中放不下的文字' }),
  fixAllRule: (rule: string): Localized => ({ en: `Fix all ${rule} problems`, zh: `修复所有 ${rule} 问题` }),
  fixAllAuto: (): Localized => ({ en: 'Fix all auto-fixable problems', zh: '修复所有可自动修复的问题' }),
  fixAllSource: (): Localized => ({ en: 'postlint: Fix all auto-fixable problems', zh: 'postlint：修复所有可自动修复的问题' }),
  disableLine: (rule: string): Localized => ({ en: `Disable ${rule} for this line`, zh: `在这一行停用 ${rule}` }),
  disableFile: (rule: string): Localized => ({ en: `Disable ${rule} for this file`, zh: `在这个文件中停用 ${rule}` }),
  allowPhrase: (phrase: string): Localized => ({ en: `Allow '${phrase}' in this workspace`, zh: `在此工作区允许“${phrase}”` }),
  about: (rule: string): Localized => ({ en: `About ${rule}`, zh: `关于 ${rule}` }),
  whyItMatters: (): Localized => ({ en: 'Why it matters', zh: '为什么重要' }),
  howCounted: (): Localized => ({ en: 'How it was counted', zh: '怎么计数的' }),
  /** After a label: the full-width colon in Chinese takes no space after it. */
  colon: (): Localized => ({ en: ': ', zh: '：' }),
  ruleDoc: (rule: string): Localized => ({ en: `Read the ${rule} rule's documentation`, zh: `阅读 ${rule} 规则的说明` }),
} as const;

export function pick(locale: Locale, text: Localized): string {
  return inLocale(text, locale);
}
