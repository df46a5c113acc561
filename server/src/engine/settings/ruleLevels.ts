import { ownValue } from '../ids';
import type { OptionSpec, Rule } from '../rule';
import { isFamily, rulesNamedBy, type RuleSet } from '../ruleSet';
import { FAMILIES, SEVERITIES, type SeverityOrOff } from '../types';
import { isRecord, shown, type ProblemLog } from './problems';

export interface RuleLevel {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

/**
 * Resolves every rule's severity and options from defaults, then family keys, then rule keys.
 * `base` lets front matter layer over settings.
 */
export function resolveRuleLevels(input: unknown, keyPrefix: string, log: ProblemLog, set: RuleSet, base?: ReadonlyMap<string, RuleLevel>): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const rule of set.rules) {
    levels.set(rule.meta.id, base?.get(rule.meta.id) ?? { severity: rule.meta.defaultSeverity, options: defaultOptions(rule) });
  }
  if (input === undefined || input === null) return levels;
  if (!isRecord(input)) {
    log.add(keyPrefix, { en: 'must be an object keyed by rule id or family, such as { "formatting": "off" }.', zh: '应为以规则 id 或规则族为键的对象，例如 { "formatting": "off" }。' });
    return levels;
  }
  // Family keys first so that a rule key always overrides its family, whatever the key order.
  const entries = Object.entries(input).sort(([a], [b]) => Number(!isFamily(a)) - Number(!isFamily(b)));
  for (const [id, value] of entries) {
    const key = `${keyPrefix}.${id}`;
    const targets = rulesNamedBy(set, id);
    if (targets.length === 0) {
      log.add(key, unknownRuleMessage(set, id));
      continue;
    }
    for (const rule of targets) {
      const current = levels.get(rule.meta.id)!;
      const next = applyRuleSetting(rule, value, key, log, isFamily(id) && id !== rule.meta.id);
      levels.set(rule.meta.id, { severity: next.severity ?? current.severity, options: { ...current.options, ...next.options } });
    }
  }
  return levels;
}

export function unknownRuleMessage(set: RuleSet, id: string): { en: string; zh: string } {
  const known = set.rules.map((r) => r.meta.id).filter((r) => r.includes('/'));
  return {
    en: `unknown rule or family "${id}"; use a family (${FAMILIES.join(', ')}) or a rule id (${known.join(', ')}).`,
    zh: `未知的规则或规则族“${id}”；可用规则族（${FAMILIES.join('、')}）或规则 id（${known.join('、')}）。`,
  };
}

function applyRuleSetting(rule: Rule, value: unknown, key: string, log: ProblemLog, viaFamily: boolean): { severity?: SeverityOrOff; options: Record<string, unknown> } {
  if (typeof value === 'string') {
    if (isSeverity(value)) return { severity: value, options: {} };
    log.add(key, severityMessage(value));
    return { options: {} };
  }
  if (typeof value === 'boolean') return { severity: value ? rule.meta.defaultSeverity : 'off', options: {} };
  if (!isRecord(value)) {
    log.add(key, {
      en: `must be a severity (${severityList()}) or an object such as { "severity": "warning" }.`,
      zh: `应为严重级别（${severityList()}）或对象，例如 { "severity": "warning" }。`,
    });
    return { options: {} };
  }
  const result: { severity?: SeverityOrOff; options: Record<string, unknown> } = { options: {} };
  for (const [name, optionValue] of Object.entries(value)) {
    if (name === 'severity') {
      if (isSeverity(optionValue)) result.severity = optionValue;
      else log.add(`${key}.severity`, severityMessage(optionValue));
      continue;
    }
    const spec = ownValue(rule.meta.options, name);
    if (!spec) {
      // A family key may carry options meant for only some of its rules.
      if (viaFamily) continue;
      const expected = rule.meta.options ? Object.keys(rule.meta.options).join(', ') : undefined;
      log.add(`${key}.${name}`, {
        en: `${rule.meta.id} has no option "${name}"; ${expected ? `its options are ${expected}` : 'it takes no options'}.`,
        zh: `${rule.meta.id} 没有选项“${name}”；${expected ? `可用选项：${expected}` : '它没有选项'}。`,
      });
      continue;
    }
    const error = validateOption(spec, optionValue);
    if (error) log.add(`${key}.${name}`, error);
    else result.options[name] = optionValue;
  }
  return result;
}

function validateOption(spec: OptionSpec, value: unknown): { en: string; zh: string } | undefined {
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { en: `must be a number, not ${shown(value)}.`, zh: `应为数字，而不是 ${shown(value)}。` };
      if (spec.min !== undefined && value < spec.min) return { en: `must be at least ${spec.min}.`, zh: `不能小于 ${spec.min}。` };
      if (spec.max !== undefined && value > spec.max) return { en: `must be at most ${spec.max}.`, zh: `不能大于 ${spec.max}。` };
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { en: `must be true or false, not ${shown(value)}.`, zh: `应为 true 或 false，而不是 ${shown(value)}。` };
    case 'string':
      if (typeof value !== 'string') return { en: `must be a string, not ${shown(value)}.`, zh: `应为字符串，而不是 ${shown(value)}。` };
      if (spec.enum && !spec.enum.includes(value)) return { en: `must be one of ${spec.enum.join(', ')}.`, zh: `应为以下之一：${spec.enum.join('、')}。` };
      return undefined;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : { en: 'must be an array of strings.', zh: '应为字符串数组。' };
  }
}

export function defaultOptions(rule: Rule): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
  return options;
}

function isSeverity(value: unknown): value is SeverityOrOff {
  return value === 'off' || (SEVERITIES as readonly unknown[]).includes(value);
}

function severityList(): string {
  return ['off', ...SEVERITIES].map((s) => `"${s}"`).join(', ');
}

function severityMessage(value: unknown): { en: string; zh: string } {
  return { en: `must be one of ${severityList()}, not ${shown(value)}.`, zh: `应为 ${severityList()} 之一，而不是 ${shown(value)}。` };
}
