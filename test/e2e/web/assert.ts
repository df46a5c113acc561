// `node:assert/strict` for the web pass, whose suites run in a browser worker without Node: the
// few assertions the suites use, with the same meaning (strict equality, deep strict equality).
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message?: string): never {
  throw new AssertionError(message ?? 'Failed');
}

function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message ?? `expected a truthy value, got ${show(value)}`);
}

function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(message ?? `expected anything but ${show(expected)}`);
}

function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!same(actual, expected)) fail(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

function match(text: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(text)) fail(message ?? `expected ${show(text)} to match ${pattern}`);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const assert = { ok, equal, strictEqual: equal, notEqual, deepEqual, deepStrictEqual: deepEqual, match, fail, AssertionError };
export default assert;
