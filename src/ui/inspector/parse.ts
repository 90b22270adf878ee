// Field values go through a parser on every keystroke: text in, a model value or the reason out.
// Only a parsed (valid) value is ever committed to the store.
import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
export type Parser<T> = (text: string) => Parsed<T>;
/** Why a value is invalid, or null when it is fine. */
export type Check<T = string> = (value: T) => string | null;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Plain wording for zod's default messages; the schema's own messages take precedence. */
const plainMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
  return undefined;
};

/** A check from a model schema, so the inspector and the loader agree on what is valid. */
export function schemaCheck<T>(schema: z.ZodType<T>): Check<T> {
  return (value) => {
    const result = schema.safeParse(value, { error: plainMessages });
    return result.success ? null : (result.error.issues[0]?.message ?? 'is not valid');
  };
}

/** The first failing check's reason. Falsy entries are skipped, for conditional checks. */
export function allChecks<T>(...checks: (Check<T> | null | undefined | false)[]): Check<T> {
  return (value) => {
    for (const check of checks) {
      const error = check ? check(value) : null;
      if (error) return error;
    }
    return null;
  };
}

export function textParser(...checks: (Check | null | undefined | false)[]): Parser<string> {
  const check = allChecks(...checks);
  return (text) => {
    const error = check(text);
    return error ? fail(error) : ok(text);
  };
}

export function integerParser(...checks: (Check<number> | null | undefined | false)[]): Parser<number> {
  const check = allChecks(...checks);
  return (text) => {
    const trimmed = text.trim();
    if (trimmed === '') return fail('must not be empty');
    if (!/^[+-]?\d+$/.test(trimmed)) return fail('must be a whole number');
    const value = Number(trimmed);
    if (!Number.isSafeInteger(value)) return fail('is too large');
    const error = check(value);
    return error ? fail(error) : ok(value);
  };
}

/** Empty text means "unset" (null); anything else must parse. */
export function optionalParser<T>(inner: Parser<T>): Parser<T | null> {
  return (text) => (text.trim() === '' ? ok(null) : inner(text));
}

export function formatNumber(value: number | null): string {
  return value === null ? '' : String(value);
}
