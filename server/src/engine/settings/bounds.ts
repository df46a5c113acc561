import { isRecord } from './problems';

/**
 * How deep a setting's value may nest. Real settings nest three or four levels (`rules` → rule →
 * option → list); a value nested thousands deep would overflow the stack of whatever walks it.
 */
export const MAX_SETTING_DEPTH = 32;

/** Whether `value` nests objects and arrays more than `max` levels. Iterative: safe at any depth. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    const children = Array.isArray(item) ? item : Object.values(item as object);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** The top-level keys of `settings` whose values nest too deep, and a copy of `settings` without them. */
export function withoutDeepValues(settings: unknown): { settings: Record<string, unknown>; tooDeep: string[] } {
  if (!isRecord(settings)) return { settings: {}, tooDeep: [] };
  const tooDeep = Object.keys(settings).filter((key) => nestedDeeperThan(settings[key], MAX_SETTING_DEPTH));
  if (tooDeep.length === 0) return { settings, tooDeep };
  const kept: Record<string, unknown> = { ...settings };
  for (const key of tooDeep) delete kept[key];
  return { settings: kept, tooDeep };
}
