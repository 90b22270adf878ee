// Envoy's protoc-gen-validate constraints (min lengths, ranges, required fields, …), checked on a
// config that already passed the schema walk. The rules themselves live in protoRules.ts.
import { fromJson, type FileRegistry, type JsonValue } from '@bufbuild/protobuf';
import { error, type Finding } from './findings.ts';
import { protoRuleViolations } from './protoRules.ts';
import type { SchemaWalk } from './schemaWalk.ts';

// Stands in for an Any we cannot check, so that fromJson (which needs every type) still parses
// the rest, and an `any.required` rule still sees the field as set.
const PLACEHOLDER = { '@type': 'type.googleapis.com/google.protobuf.Empty' };

type Skipped = Pick<SchemaWalk, 'uncheckedAnys' | 'unknownKeys'>;

/** A copy protobuf-es can parse: placeholders for unchecked Anys, fields newer than our protos dropped. */
function parseable(value: unknown, skipped: Skipped): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (skipped.uncheckedAnys.has(value)) return PLACEHOLDER;
  if (Array.isArray(value)) return value.map((item) => parseable(item, skipped));
  const unknown = skipped.unknownKeys.get(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!unknown?.includes(key)) out[key] = parseable((value as Record<string, unknown>)[key], skipped);
  }
  return out;
}

/**
 * protoRules paths name Any payloads as `typed_config<HttpConnectionManager>`; findings descend into
 * them without a marker. `x[key] key: …` is a rule on a map key.
 */
function toFinding(violation: string): Finding {
  const at = violation.indexOf(': ');
  const rawPath = at >= 0 ? violation.slice(0, at) : '';
  const message = at >= 0 ? violation.slice(at + 2) : violation;
  const isKey = rawPath.endsWith(' key');
  const path = rawPath.replace(/ key$/, '').replace(/<[^<>]*>/g, '');
  return error('schema.constraint', `Proto constraint validation failed (${path}: ${isKey ? 'map key ' : ''}${message})`, path);
}

/** Parses the normalised config with protobuf-es and reports every constraint it breaks. */
export function constraintFindings(normalized: unknown, registry: FileRegistry, typeName: string, skipped: Skipped): Finding[] {
  const desc = registry.getMessage(typeName);
  if (!desc) throw new Error(`${typeName} is not in the Envoy descriptor set`);
  // Designs never need the copy; only imported configs with contrib or newer fields do.
  const json = skipped.uncheckedAnys.size > 0 || skipped.unknownKeys.size > 0 ? parseable(normalized, skipped) : normalized;
  let message;
  try {
    message = fromJson(desc, json as JsonValue, { registry });
  } catch (e) {
    // The schema walk should have caught everything fromJson refuses; this is the safety net.
    return [error('schema.parse', `the config does not parse: ${e instanceof Error ? e.message : String(e)}`, '')];
  }
  return protoRuleViolations(message, registry).map(toFinding);
}
