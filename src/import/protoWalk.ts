// Walks a JSON config along Envoy's proto descriptors (the registry of src/validate). It
// normalises what Envoy reads the same either way — enum names in any case, lowerCamel field
// names — and finds values of the wrong JSON type, fields and `@type`s the bundled protos do not
// know (newer Envoy, contrib builds) and enum names they do not know. Pure; never throws.
import { WRAPPERS } from '../validate/schemaValues';
import { ScalarType, type DescEnum, type DescField, type DescMessage, type FileRegistry } from '@bufbuild/protobuf';
import { describeValue, isObj, type Obj } from './context';
import { formatPath, type ConfigPath } from './parseText';

import { BOOTSTRAP_TYPE } from '../validate/envoySchema';
export { BOOTSTRAP_TYPE };
const EMPTY_ANY = 'type.googleapis.com/google.protobuf.Empty';

export type WalkIssue = {
  path: ConfigPath;
  kind: 'type' | 'unknownField' | 'unknownType' | 'unknownEnum';
  message: string;
};

export type Walked = { value: unknown; issues: WalkIssue[] };

// Wrapper messages' JSON is their bare scalar: the same table the validator's schema walk uses.
const STRING_WKT = new Set(['google.protobuf.Duration', 'google.protobuf.Timestamp', 'google.protobuf.FieldMask']);
/** WKTs whose JSON is not an object of fields: inside an Any they sit under "value". */
const SPECIAL_JSON = new Set([...Object.keys(WRAPPERS), ...STRING_WKT, 'google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.ListValue', 'google.protobuf.Any']);
const MAX_DEPTH = 200;

export function walkConfig(value: unknown, registry: FileRegistry, typeName = BOOTSTRAP_TYPE): Walked {
  const desc = registry.getMessage(typeName);
  if (!desc) return { value, issues: [{ path: [], kind: 'unknownType', message: `${typeName} is not in the registry` }] };
  const walker = new Walker(registry);
  return { value: walker.message(value, desc, [], 0), issues: walker.issues };
}

/** The walked value without what the protos do not know, and that part aside (for comparing). */
export function splitUnknown(walked: Walked): { known: unknown; unknown: [string, unknown][] } {
  const known = structuredClone(walked.value);
  const unknown: [string, unknown][] = [];
  for (const issue of walked.issues) {
    if (issue.path.length === 0) continue;
    const parent = issue.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], known);
    const key = issue.path[issue.path.length - 1];
    if (!parent || typeof parent !== 'object') continue;
    const container = parent as Record<string | number, unknown>;
    unknown.push([formatPath(issue.path), container[key]]);
    if (issue.kind === 'unknownType') container[key] = { '@type': EMPTY_ANY };
    else if (Array.isArray(container)) container[key as number] = issue.kind === 'unknownEnum' ? 0 : null;
    else delete container[key];
  }
  unknown.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { known, unknown };
}

class Walker {
  readonly issues: WalkIssue[] = [];
  private readonly fieldsOf = new Map<DescMessage, Map<string, DescField>>();

  constructor(private readonly registry: FileRegistry) {}

  private issue(path: ConfigPath, kind: WalkIssue['kind'], message: string): void {
    if (this.issues.length < 500) this.issues.push({ path, kind, message });
  }

  private fields(desc: DescMessage): Map<string, DescField> {
    let map = this.fieldsOf.get(desc);
    if (!map) {
      map = new Map();
      for (const field of desc.fields) {
        map.set(field.name, field);
        map.set(field.jsonName, field);
      }
      this.fieldsOf.set(desc, map);
    }
    return map;
  }

  message(json: unknown, desc: DescMessage, path: ConfigPath, depth: number): unknown {
    if (json === null) return json;
    if (depth > MAX_DEPTH) return json;
    const name = desc.typeName;
    if (name === 'google.protobuf.Any') return this.any(json, path, depth);
    if (name === 'google.protobuf.Struct') {
      this.expect(isObj(json), json, path, 'an object');
      return json;
    }
    if (name === 'google.protobuf.Value') return json;
    if (name === 'google.protobuf.ListValue') {
      this.expect(Array.isArray(json), json, path, 'a list');
      return json;
    }
    if (STRING_WKT.has(name)) {
      this.expect(typeof json === 'string', json, path, `a string (${name.split('.').pop()})`);
      return json;
    }
    if (name in WRAPPERS) return this.scalar(json, WRAPPERS[name], path);
    if (!isObj(json)) {
      this.issue(path, 'type', `must be an object (${name}), got ${describeValue(json)}`);
      return json;
    }
    const fields = this.fields(desc);
    const out: Obj = {};
    for (const [key, value] of Object.entries(json)) {
      const field = fields.get(key);
      if (!field) {
        this.issue([...path, key], 'unknownField', `is not a field of ${name} in the bundled protos`);
        put(out, key, value);
        continue;
      }
      put(out, field.name, this.field(value, field, [...path, field.name], depth + 1));
    }
    return out;
  }

  private field(value: unknown, field: DescField, path: ConfigPath, depth: number): unknown {
    if (value === null) return value;
    switch (field.fieldKind) {
      case 'scalar':
        return this.scalar(value, field.scalar, path);
      case 'enum':
        return this.enum(value, field.enum, path);
      case 'message':
        return this.message(value, field.message, path, depth);
      case 'list': {
        if (!this.expect(Array.isArray(value), value, path, 'a list')) return value;
        return (value as unknown[]).map((item, i) => {
          const at = [...path, i];
          if (field.listKind === 'message') return this.message(item, field.message, at, depth + 1);
          if (field.listKind === 'enum') return this.enum(item, field.enum, at);
          return this.scalar(item, field.scalar, at);
        });
      }
      case 'map': {
        if (!this.expect(isObj(value), value, path, 'an object (a map)')) return value;
        const out: Obj = {};
        for (const [key, item] of Object.entries(value as Obj)) {
          const at = [...path, key];
          if (field.mapKind === 'message') put(out, key, this.message(item, field.message, at, depth + 1));
          else if (field.mapKind === 'enum') put(out, key, this.enum(item, field.enum, at));
          else put(out, key, this.scalar(item, field.scalar, at));
        }
        return out;
      }
    }
  }

  private any(json: unknown, path: ConfigPath, depth: number): unknown {
    if (!this.expect(isObj(json), json, path, 'an object with an "@type"')) return json;
    const object = json as Obj;
    const url = object['@type'];
    if (url === undefined && Object.keys(object).length === 0) return json;
    if (typeof url !== 'string') {
      this.issue(path, 'type', 'must have an "@type" naming the type of its fields');
      return json;
    }
    const desc = this.registry.getMessage(url.slice(url.lastIndexOf('/') + 1));
    if (!desc) {
      this.issue(path, 'unknownType', `"@type" ${url} is not in the bundled protos`);
      return json;
    }
    if (SPECIAL_JSON.has(desc.typeName)) return { '@type': url, value: this.message(object.value, desc, [...path, 'value'], depth + 1) };
    const { '@type': _, ...fields } = object;
    const walked = this.message(fields, desc, path, depth + 1) as Obj;
    return { '@type': url, ...walked };
  }

  private enum(value: unknown, desc: DescEnum, path: ConfigPath): unknown {
    if (desc.typeName === 'google.protobuf.NullValue') return value;
    if (typeof value === 'number') return value;
    if (typeof value !== 'string') {
      this.issue(path, 'type', `must be one of ${desc.values.slice(0, 6).map((v) => v.name).join(', ')}${desc.values.length > 6 ? ', …' : ''}, got ${describeValue(value)}`);
      return value;
    }
    if (desc.values.some((v) => v.name === value)) return value;
    const upper = value.toUpperCase();
    if (desc.values.some((v) => v.name === upper)) return upper;
    this.issue(path, 'unknownEnum', `"${value}" is not a value of ${desc.typeName} in the bundled protos`);
    return value;
  }

  private scalar(value: unknown, type: ScalarType, path: ConfigPath): unknown {
    if (value === null) return value;
    switch (type) {
      case ScalarType.STRING:
        this.expect(typeof value === 'string', value, path, 'a string');
        break;
      case ScalarType.BYTES:
        this.expect(typeof value === 'string', value, path, 'a string (base64)');
        break;
      case ScalarType.BOOL:
        this.expect(typeof value === 'boolean', value, path, 'true or false');
        break;
      default: {
        const numeric = typeof value === 'number' || (typeof value === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$|^(NaN|-?Infinity)$/.test(value));
        this.expect(numeric, value, path, 'a number');
      }
    }
    return value;
  }

  private expect(ok: boolean, value: unknown, path: ConfigPath, what: string): boolean {
    if (!ok) this.issue(path, 'type', `must be ${what}, got ${describeValue(value)}`);
    return ok;
  }
}

function put(target: Obj, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

