// Emits what an imported config kept verbatim (see KeptPatch in src/model/schema.ts) on top of
// what the generator builds from the model. A design without kept data generates exactly what it
// generated before: every function here returns its input unchanged when there is nothing kept.
import type { KeptPatch, Verbatim } from '../../model/schema';

type Obj = Record<string, unknown>;

/** `{ "$omitIfEqual": v }`: remove the key while the generated value is `v`. */
export const OMIT_IF_EQUAL = '$omitIfEqual';
/** `{ "$replaceIfEqual": v, "with": w }`: replace the generated value by `w` while it is `v`. */
export const REPLACE_IF_EQUAL = '$replaceIfEqual';
/** `{ "$value": o }`: the object `o`, verbatim (a bare object is a patch of the generated one). */
export const VALUE = '$value';

export const isPlainObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (value: Obj, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/** Sets a key safely, even "__proto__". */
export function putKey(target: Obj, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const markerOf = (value: unknown, ...keys: string[]): boolean =>
  isPlainObject(value) && Object.keys(value).length === keys.length && keys.every((k) => has(value, k));

export const isOmitMarker = (value: unknown): value is { [OMIT_IF_EQUAL]: unknown } => markerOf(value, OMIT_IF_EQUAL);
export const isReplaceMarker = (value: unknown): value is { [REPLACE_IF_EQUAL]: unknown; with: unknown } => markerOf(value, REPLACE_IF_EQUAL, 'with');
export const isValueMarker = (value: unknown): value is { [VALUE]: unknown } => markerOf(value, VALUE);

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b as Obj);
  return ka.length === kb.length && ka.every((k) => has(b as Obj, k) && jsonEqual((a as Obj)[k], (b as Obj)[k]));
}

/**
 * The generated object with a kept patch applied (see KeptPatch in src/model/schema.ts);
 * `generated` itself when there is no patch. Model edits win: a kept value is added only where
 * the model generates nothing, replaces or removes a generated value only while that value is
 * what it was at import, and patches a generated object only while there is one.
 */
export function applyKept<T extends Obj>(generated: T, patch: KeptPatch | undefined): T {
  if (!patch || Object.keys(patch).length === 0) return generated;
  return merge(generated, patch) as T;
}

function merge(target: Obj, patch: Obj): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(target)) putKey(out, key, value);
  for (const [key, value] of Object.entries(patch)) {
    const present = has(out, key);
    if (value === null) {
      delete out[key];
    } else if (isOmitMarker(value)) {
      if (present && jsonEqual(out[key], value[OMIT_IF_EQUAL])) delete out[key];
    } else if (isReplaceMarker(value)) {
      if (present && jsonEqual(out[key], value[REPLACE_IF_EQUAL])) putKey(out, key, value.with);
    } else if (isValueMarker(value)) {
      if (!present) putKey(out, key, value[VALUE]);
    } else if (isPlainObject(value)) {
      if (present && isPlainObject(out[key])) putKey(out, key, merge(out[key] as Obj, value));
    } else if (!present) {
      putKey(out, key, value);
    }
  }
  return out;
}

/** A verbatim element: exactly as kept, its `name` following the element's (renamed) name. */
export function rawElement(raw: Verbatim, name: string): Obj {
  if (typeof raw.name !== 'string' || raw.name === name) return raw;
  const out: Obj = {};
  for (const [key, value] of Object.entries(raw)) putKey(out, key, key === 'name' ? name : value);
  return out;
}
