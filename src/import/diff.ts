// The inverse of applyKept (src/generate/envoy/kept.ts): the patch that turns what the generator
// builds from the imported model into the original config, so `applyKept(generated, patch)`
// equals `original` everywhere but at the skipped paths (which other elements own).
import { OMIT_IF_EQUAL, REPLACE_IF_EQUAL, VALUE, isPlainObject, jsonEqual, putKey } from '../generate/envoy/kept';
import type { KeptPatch } from '../model/schema';
import type { ConfigPath } from './parseText';

type Obj = Record<string, unknown>;

/**
 * Enum fields whose first value is what protobuf reads when the field is left out (proto3
 * implicit presence): generating them where the original has none changes nothing for Envoy, so
 * no `$omitIfEqual` is kept for them.
 */
export const IMPLICIT_DEFAULTS: Record<string, string> = {
  lb_policy: 'ROUND_ROBIN',
  codec_type: 'AUTO',
  response_code: 'MOVED_PERMANENTLY',
  append_action: 'APPEND_IF_EXISTS_OR_ADD',
};

export type KeptDiff = {
  patch: KeptPatch | undefined;
  /** Paths (relative) whose original value is kept verbatim. */
  kept: ConfigPath[];
  /** Of those, the ones that replace a value the model generates (the model's value is shadowed). */
  replaced: ConfigPath[];
};

/**
 * `skip`: relative paths owned by other elements (a listener's filter chains, a virtual host's
 * routes …): never patched, never descended into.
 */
export function keptDiff(generated: Obj, original: Obj, skip: ConfigPath[] = []): KeptDiff {
  const result: KeptDiff = { patch: undefined, kept: [], replaced: [] };
  result.patch = diffObject(generated, original, [], skip, result);
  return result;
}

const samePath = (a: ConfigPath, b: ConfigPath) => a.length === b.length && a.every((part, i) => part === b[i]);

function diffObject(generated: Obj, original: Obj, path: ConfigPath, skip: ConfigPath[], result: KeptDiff): Obj | undefined {
  const patch: Obj = {};
  const has = (o: Obj, key: string) => Object.prototype.hasOwnProperty.call(o, key);
  for (const [key, value] of Object.entries(original)) {
    const at = [...path, key];
    if (skip.some((s) => samePath(s, at))) continue;
    if (!has(generated, key)) {
      // protobuf JSON reads null as "not set": nothing to add.
      if (value === null) continue;
      // Config the model does not generate. An object is wrapped: a bare one patches a generated one.
      putKey(patch, key, isPlainObject(value) ? { [VALUE]: value } : value);
      result.kept.push(at);
      continue;
    }
    const built = generated[key];
    if (jsonEqual(built, value)) continue;
    if (isPlainObject(built) && isPlainObject(value)) {
      const inner = diffObject(built, value, at, skip, result);
      if (inner) putKey(patch, key, inner);
    } else {
      // The original says otherwise than the model generates: as written, until the model's value changes.
      putKey(patch, key, { [REPLACE_IF_EQUAL]: built, with: value });
      result.kept.push(at);
      result.replaced.push(at);
    }
  }
  for (const [key, value] of Object.entries(generated)) {
    if (has(original, key)) continue;
    const at = [...path, key];
    if (skip.some((s) => samePath(s, at))) continue;
    if (IMPLICIT_DEFAULTS[key] === value) continue;
    // The original had no such key: leave it out while the model still generates this value.
    putKey(patch, key, { [OMIT_IF_EQUAL]: value });
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}
