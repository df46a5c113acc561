// Names users write (platform ids, counting kinds, rule ids, option names, formats) are looked up only
// in tables without a prototype, or with `Object.hasOwn`: on a plain object `constructor`,
// `toString` or `__proto__` would find Object.prototype's members and be taken for a real entry.

/** A frozen lookup table with no prototype: only the given keys are in it. */
export function idTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  const table = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(entries)) table[key] = entries[key];
  return Object.freeze(table);
}

/** `record[key]` when `record` holds `key` itself; undefined for inherited names and for non-objects. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return typeof record === 'object' && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}
