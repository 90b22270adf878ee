// Test kit for fuzzing: damage to JSON documents (by structure) and to texts, as fast-check
// arbitraries plus the functions that apply them. Shared by the loader's and the importer's fuzz.
import fc from 'fast-check';
import { expect } from 'vitest';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** Every path to a value inside `doc` (not the root), iteratively. */
export function pathsOf(doc: Json): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[doc, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, inner] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      out.push([...path, key]);
      stack.push([inner as Json, [...path, key]]);
    }
  }
  return out;
}

// Values that break things elsewhere: markup, YAML specials, bidi and zero-width characters, the
// edges of numbers, lengths past every limit, values of the wrong kind.
export const NASTY_STRINGS = ['', ' ', '</script><img src=x onerror=alert(1)>', '"\'\n: #{{x}}', '\u202eevil\u200b', '-1', 'null', '*', '0.25s', '1e309', '__proto__'];
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(null, 0, -1, 1.5, 65536, 2 ** 32, 2 ** 53, Number.MAX_VALUE, true, [], {}, ...NASTY_STRINGS),
  // Not JSON at all: only reachable by a caller that hands loadDesign an object.
  fc.constantFrom<unknown>(undefined, Number.NaN, Number.POSITIVE_INFINITY, 10n),
  fc.tuple(fc.constantFrom('a', '0', '/', '-', '\u00e9'), fc.integer({ min: 200, max: 20_000 })).map(([c, n]) => c.repeat(n)),
);
export const keyName = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'name', 'kept', ''), fc.string({ maxLength: 8 }));

/** A value of the same kind: what a hand edit or another version of the app might write. */
const sameKind = (current: unknown, seed: number): unknown => {
  if (typeof current === 'string') return [...NASTY_STRINGS, current.toUpperCase(), `${current} `, current.repeat(3)][seed % (NASTY_STRINGS.length + 3)];
  if (typeof current === 'number') return [0, 1, 80, 443, 65535, 65536, -current, current + 1, current / 3, 2 ** 31][seed % 10];
  if (typeof current === 'boolean') return !current;
  return current;
};

export const mutation = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('sameKind' as const), at: fc.nat(), seed: fc.nat() }), weight: 4 },
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: nastyValue }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: keyName, value: nastyValue }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function parentOf(doc: Json, path: Path): { parent: Json[] | Record<string, unknown>; key: string | number } {
  let parent = doc as Record<string | number, Json>;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, Json>;
  return { parent: parent as Json[] | Record<string, unknown>, key: path[path.length - 1] };
}

function retyped(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return Number(value) || value.length;
  if (typeof value === 'boolean') return value ? 1 : 'false';
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [i, v]));
  if (typeof value === 'object' && value !== null) return Object.values(value);
  return {};
}

export function applyMutation(doc: Json, m: Mutation): void {
  const paths = pathsOf(doc);
  if (paths.length === 0) return;
  const { parent, key } = parentOf(doc, paths[m.at % paths.length]);
  const set = (k: string | number, value: unknown) => {
    // defineProperty: a `__proto__` key becomes an own property, as JSON.parse makes it.
    Object.defineProperty(parent, k, { value, enumerable: true, writable: true, configurable: true });
  };
  const current = (parent as Record<string | number, unknown>)[key];
  if (m.op === 'delete') Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key];
  if (m.op === 'replace') set(key, m.value);
  if (m.op === 'retype') set(key, retyped(current));
  if (m.op === 'sameKind') set(key, sameKind(current, m.seed));
  if (m.op === 'duplicate') Array.isArray(parent) ? parent.splice(key as number, 0, structuredClone(current) as Json) : set(`${key}2`, structuredClone(current));
  if (m.op === 'swap') {
    const otherPath = paths[m.other % paths.length];
    const { parent: otherParent, key: otherKey } = parentOf(doc, otherPath);
    const path = paths[m.at % paths.length];
    const nested = (a: Path, b: Path) => a.length <= b.length && a.every((part, i) => part === b[i]);
    // Swapping a value with one inside it would make a cycle, which no JSON has.
    if (!nested(path, otherPath) && !nested(otherPath, path)) {
      set(key, (otherParent as Record<string | number, unknown>)[otherKey]);
      Object.defineProperty(otherParent, otherKey, { value: current, enumerable: true, writable: true, configurable: true });
    }
  }
  if (m.op === 'addKey' && typeof current === 'object' && current !== null && !Array.isArray(current)) {
    Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
}

/** Edits to a text: cuts, truncation, inserted characters (JSON's and YAML's punctuation often). */
export const textEdits = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom(...'{}[],:"\'\\0-e.#&*!|>\n\t ')) }),
  ),
  { minLength: 1, maxLength: 3 },
);
export type TextEdit = typeof textEdits extends fc.Arbitrary<(infer E)[]> ? E : never;

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  for (const edit of edits) {
    const at = edit.at % (text.length + 1);
    if (edit.op === 'cut') text = text.slice(0, at) + text.slice(at + edit.length);
    if (edit.op === 'truncate') text = text.slice(0, at);
    if (edit.op === 'insert') text = text.slice(0, at) + edit.text + text.slice(at);
  }
  return text;
}

/** A refusal a person can read: at least one message, each non-blank text, no "[object Object]". */
export function expectReadableErrors(errors: readonly unknown[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error).toBe('string');
    expect(error).toMatch(/\S/);
    expect(error).not.toMatch(/\[object Object\]/);
  }
}
