// Envoy's string matchers (type.matcher.v3.StringMatcher and the HeaderMatcher shorthands) over
// Envoy's JSON. Case folding is ASCII-only (absl::AsciiStrToLower, EqualsIgnoreCase) and regexes are
// RE2 whole-value matches (RE2::FullMatch), via re2js.
import { RE2JS } from 're2js';

type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** ASCII-only lower-casing, as absl::AsciiStrToLower: 'İ' and 'K' (Kelvin) stay as they are. */
export function asciiLower(value: string): string {
  return value.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** JSON string of a value for messages, shortened. */
export function quote(value: string, max = 80): string {
  const text = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(text);
}

// Compiled patterns, shared by every call: a design has few regexes, a request tester runs often.
const MAX_CACHED = 500;
const compiled = new Map<string, RE2JS | string>();

/** The compiled RE2 pattern, or why RE2 (and so Envoy) refuses it. */
export function re2(pattern: string): RE2JS | string {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  let entry: RE2JS | string;
  try {
    entry = RE2JS.compile(pattern);
  } catch (error) {
    entry = error instanceof Error ? error.message : String(error);
  }
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(pattern, entry);
  return entry;
}

/** RE2::FullMatch: the regex must match the whole value. */
export function fullMatch(pattern: string, value: string): boolean | string {
  const re = re2(pattern);
  if (typeof re === 'string') return re;
  try {
    return re.testExact(value);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A compiled value test: `yes`/`no` describe the outcome ('equals "x"' / 'does not equal "x"'). */
export type ValueTest = { test(value: string): boolean; yes: string; no: string };
export type Compiled = ValueTest | { error: string };

const startsWith = (value: string, prefix: string, fold: boolean) =>
  fold ? asciiLower(value.slice(0, prefix.length)) === asciiLower(prefix) : value.startsWith(prefix);
const endsWith = (value: string, suffix: string, fold: boolean) =>
  value.length >= suffix.length && (fold ? asciiLower(value.slice(value.length - suffix.length)) === asciiLower(suffix) : value.endsWith(suffix));

/** The literal tests a StringMatcher (and the deprecated HeaderMatcher fields) can hold. */
export function literalTest(kind: 'exact' | 'prefix' | 'suffix' | 'contains', text: string, ignoreCase: boolean): ValueTest {
  const suffix = ignoreCase ? ' (ignoring case)' : '';
  const q = quote(text);
  switch (kind) {
    case 'exact':
      return { test: (v) => (ignoreCase ? asciiLower(v) === asciiLower(text) : v === text), yes: `equals ${q}${suffix}`, no: `is not ${q}${suffix}` };
    case 'prefix':
      return { test: (v) => startsWith(v, text, ignoreCase), yes: `starts with ${q}${suffix}`, no: `does not start with ${q}${suffix}` };
    case 'suffix':
      return { test: (v) => endsWith(v, text, ignoreCase), yes: `ends with ${q}${suffix}`, no: `does not end with ${q}${suffix}` };
    case 'contains':
      return { test: (v) => (ignoreCase ? asciiLower(v).includes(asciiLower(text)) : v.includes(text)), yes: `contains ${q}${suffix}`, no: `does not contain ${q}${suffix}` };
  }
}

export function regexTest(pattern: string): Compiled {
  const re = re2(pattern);
  if (typeof re === 'string') return { error: `regex ${quote(pattern)} is not valid RE2 (${re}); Envoy refuses the config` };
  return { test: (v) => fullMatch(pattern, v) === true, yes: `matches regex ${quote(pattern)}`, no: `does not match regex ${quote(pattern)}` };
}

/** type.matcher.v3.StringMatcher: exact, prefix, suffix, contains, safe_regex; ignore_case. */
export function stringMatcher(value: unknown): Compiled {
  if (!isObj(value)) return { error: 'a string_match that is not an object' };
  const ignoreCase = value.ignore_case === true;
  for (const kind of ['exact', 'prefix', 'suffix', 'contains'] as const) {
    if (typeof value[kind] === 'string') return literalTest(kind, value[kind] as string, ignoreCase);
  }
  if (isObj(value.safe_regex) && typeof value.safe_regex.regex === 'string') return regexTest(value.safe_regex.regex);
  if (value.custom !== undefined) return { error: 'a custom string matcher extension (cannot be simulated)' };
  return { error: 'a string_match with no exact, prefix, suffix, contains nor safe_regex (Envoy refuses it)' };
}

/** Integer range [start, end) over a value parsed as int64 (absl::SimpleAtoi), for range_match. */
export function rangeTest(value: unknown): Compiled {
  if (!isObj(value)) return { error: 'a range_match that is not an object' };
  const bound = (v: unknown) =>
    typeof v === 'bigint' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : typeof v === 'string' && /^-?\d{1,20}$/.test(v) ? BigInt(v) : 0n;
  const start = bound(value.start);
  const end = bound(value.end);
  const label = `[${start}, ${end})`;
  return {
    test: (v) => {
      const text = v.trim();
      if (!/^[+-]?\d{1,19}$/.test(text)) return false;
      const n = BigInt(text);
      // absl::SimpleAtoi fails beyond int64.
      return n >= -(2n ** 63n) && n < 2n ** 63n && n >= start && n < end;
    },
    yes: `is in ${label}`,
    no: `is not an integer in ${label}`,
  };
}
