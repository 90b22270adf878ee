// Walks a JSON config alongside the Envoy message descriptors, so that every schema problem is
// reported at its exact config path (protobuf-es' fromJson stops at the first one and names only
// the message). It also normalises the config the way Envoy reads it: field names to proto names,
// enum names to their canonical case (Envoy parses them case-insensitively), unknown fields dropped.
import { getOption, hasOption, type DescEnum, type DescExtension, type DescField, type DescMessage, type DescOneof, type FileRegistry } from '@bufbuild/protobuf';
import { error, field as fieldPath, index, info, warning, type Finding } from './findings.ts';
import {
  VALUE_WRAPPED_IN_ANY,
  WRAPPERS,
  describeJson,
  durationCheck,
  editDistance,
  isPlainObject,
  mapKeyError,
  scalarError,
  timestampError,
} from './schemaValues.ts';

export const BUNDLED_API = 'v1.3x';
const REGEX_MATCHER = 'envoy.type.matcher.v3.RegexMatcher';
const TYPED_STRUCTS = new Set(['xds.type.v3.TypedStruct', 'udpa.type.v1.TypedStruct']);

type Json = Record<string, unknown>;

export type SchemaWalk = {
  findings: Finding[];
  /** The config as Envoy reads it; Anys of unregistered types are kept as they were. */
  normalized: unknown;
  /** The normalised Any objects whose type is not among the bundled protos (not checked). */
  uncheckedAnys: Set<object>;
  /**
   * Fields unknown to the bundled API, by the normalised object that holds them. They stay in the
   * normalised config (a load-time rule may need them: a newer address field can make two
   * listener addresses differ) and are dropped before protobuf-es parses it.
   */
  unknownKeys: Map<object, string[]>;
  /** Every RegexMatcher's regex, which Envoy compiles with RE2 at load time. */
  regexes: { regex: string; path: string }[];
};

// Per-descriptor lookups, computed once: a design with thousands of routes visits the same few
// hundred message types over and over.
const fieldTables = new WeakMap<DescMessage, Map<string, DescField>>();
function fieldsOf(desc: DescMessage): Map<string, DescField> {
  let table = fieldTables.get(desc);
  if (!table) {
    table = new Map();
    for (const f of desc.fields) {
      table.set(f.jsonName, f);
      table.set(f.name, f);
    }
    fieldTables.set(desc, table);
  }
  return table;
}

const enumTables = new WeakMap<DescEnum, Map<string, string>>();
function enumNames(desc: DescEnum): Map<string, string> {
  let table = enumTables.get(desc);
  if (!table) {
    table = new Map(desc.values.map((v) => [v.name.toLowerCase(), v.name]));
    enumTables.set(desc, table);
  }
  return table;
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** proto3 JSON: null means "not set", except where null is itself a value (Value, NullValue). */
function nullIsValue(field: DescField): boolean {
  if (field.fieldKind === 'message') return field.message.typeName === 'google.protobuf.Value';
  if (field.fieldKind === 'enum') return field.enum.typeName === 'google.protobuf.NullValue';
  return false;
}

/** Whether a deprecated field's value would reach Envoy (proto3 drops default scalars). */
const isSetValue = (value: unknown) =>
  !(value === null || value === false || value === 0 || value === '' || value === '0' || (Array.isArray(value) && value.length === 0));

export function walkSchema(json: unknown, registry: FileRegistry, typeName: string): SchemaWalk {
  const root = registry.getMessage(typeName);
  if (!root) throw new Error(`${typeName} is not in the Envoy descriptor set (stale envoy-api.binpb? run npm run protos)`);
  const walker = new SchemaWalker(registry, root);
  const normalized = walker.message(root, json, '');
  return { findings: walker.findings, normalized, uncheckedAnys: walker.uncheckedAnys, unknownKeys: walker.unknownKeys, regexes: walker.regexes };
}

class SchemaWalker {
  readonly findings: Finding[] = [];
  readonly uncheckedAnys = new Set<object>();
  readonly unknownKeys = new Map<object, string[]>();
  readonly regexes: { regex: string; path: string }[] = [];
  private readonly disallowed: DescExtension | undefined;

  constructor(
    private readonly registry: FileRegistry,
    private readonly root: DescMessage,
  ) {
    this.disallowed = registry.getExtension('envoy.annotations.disallowed_by_default');
  }

  private typeError(path: string, message: string) {
    this.findings.push(error('schema.type', message, path));
  }

  message(desc: DescMessage, value: unknown, path: string): unknown {
    const special = this.wellKnown(desc, value, path);
    if (special !== NOT_SPECIAL) return special;
    if (!isPlainObject(value)) {
      this.typeError(path, `expected an object (${desc.typeName}), got ${describeJson(value)}`);
      return value;
    }
    const out = this.fields(desc, value, path);
    if (desc.typeName === REGEX_MATCHER && typeof out.regex === 'string') this.regexes.push({ regex: out.regex, path: fieldPath(path, 'regex') });
    return out;
  }

  private fields(desc: DescMessage, value: Json, path: string, out: Json = {}): Json {
    const oneofs = new Map<DescOneof, string>();
    const table = fieldsOf(desc);
    for (const key of Object.keys(value)) {
      const item = value[key];
      // JSON has no undefined; a JS caller's `{ x: undefined }` means x is absent.
      if (item === undefined) continue;
      const field = table.get(key);
      if (!field) {
        if (!this.unknownField(desc, key, path)) continue;
        out[key] = item;
        const keys = this.unknownKeys.get(out);
        if (keys) keys.push(key);
        else this.unknownKeys.set(out, [key]);
        continue;
      }
      if (item === null && !nullIsValue(field)) continue;
      const at = fieldPath(path, field.name);
      if (field.oneof) {
        const other = oneofs.get(field.oneof);
        if (other !== undefined) {
          this.findings.push(error('schema.oneof', `${other} and ${key} are both set, but only one of oneof ${field.oneof.name} (${field.oneof.fields.map((f) => f.name).join(', ')}) may be`, at));
          continue;
        }
        oneofs.set(field.oneof, key);
      }
      if (field.deprecated && isSetValue(item)) this.deprecated(field, at);
      out[field.name] = this.fieldValue(field, item, at);
    }
    return out;
  }

  /** Reports a key the message does not have; true when it may be a field newer than our protos. */
  private unknownField(desc: DescMessage, key: string, path: string): boolean {
    const at = fieldPath(path, key);
    const reserved = desc.proto.reservedName;
    if (reserved.includes(key) || reserved.includes(snakeCase(key))) {
      // A name the API reserved when it removed the field (v1/v2 era: `config`, `hosts`, …).
      this.findings.push(
        error(
          'schema.removed-field',
          `Protobuf message (type ${this.root.typeName} reason INVALID_ARGUMENT:${key}: Cannot find field.) has unknown fields — ${key} was removed from ${desc.typeName}`,
          at,
        ),
      );
      return false;
    }
    const suggestion = desc.fields.map((f) => f.name).find((name) => key.length > 3 && editDistance(snakeCase(key), name) <= 2);
    this.findings.push(
      warning(
        'schema.unknown-field',
        `unknown to the bundled Envoy API (${BUNDLED_API}): ${key} in ${desc.typeName}. A newer Envoy may know it; an Envoy that does not rejects the config.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        at,
      ),
    );
    return true;
  }

  private deprecated(field: DescField, at: string) {
    // getOption/hasOption are typed for generated extensions; this one comes from the registry.
    const has = hasOption as (element: unknown, extension: DescExtension) => boolean;
    const get = getOption as (element: unknown, extension: DescExtension) => unknown;
    const disallowed = this.disallowed !== undefined && has(field, this.disallowed) && get(field, this.disallowed) === true;
    const text = `Using deprecated option '${field.parent.typeName}.${field.name}' from file ${field.parent.file.name}.proto. This configuration will be removed from Envoy soon.`;
    this.findings.push(
      disallowed
        ? error('schema.deprecated-disallowed', `${text} It is disallowed by default: Envoy refuses it unless a runtime override allows it.`, at)
        : warning('schema.deprecated', `${text} Envoy still accepts it, with a warning.`, at),
    );
  }

  private fieldValue(field: DescField, value: unknown, at: string): unknown {
    switch (field.fieldKind) {
      case 'list': {
        if (!Array.isArray(value)) {
          this.typeError(at, `expected a list, got ${describeJson(value)}`);
          return value;
        }
        return value.map((item, i) => this.item(field, item, index(at, i)));
      }
      case 'map': {
        if (!isPlainObject(value)) {
          this.typeError(at, `expected an object (a map), got ${describeJson(value)}`);
          return value;
        }
        const out: Json = {};
        for (const key of Object.keys(value)) {
          const keyError = mapKeyError(key, field.mapKey);
          if (keyError) this.typeError(index(at, key), keyError);
          out[key] = this.item(field, value[key], index(at, key));
        }
        return out;
      }
      case 'scalar':
        return this.scalar(field.scalar, value, at);
      case 'enum':
        return this.enumValue(field.enum, value, at);
      case 'message':
        return this.message(field.message, value, at);
    }
  }

  /** One element of a list or one value of a map. */
  private item(field: DescField & { fieldKind: 'list' | 'map' }, value: unknown, at: string): unknown {
    const kind = field.fieldKind === 'list' ? field.listKind : field.mapKind;
    if (value === null && !nullIsValue(field)) {
      this.typeError(at, `${field.fieldKind === 'list' ? 'a list item' : 'a map value'} must not be null`);
      return value;
    }
    if (kind === 'scalar') return this.scalar(field.scalar!, value, at);
    if (kind === 'enum') return this.enumValue(field.enum!, value, at);
    return this.message(field.message!, value, at);
  }

  private scalar(type: Parameters<typeof scalarError>[1], value: unknown, at: string): unknown {
    const problem = scalarError(value, type);
    if (problem) this.typeError(at, problem);
    return value;
  }

  private enumValue(desc: DescEnum, value: unknown, at: string): unknown {
    if (desc.typeName === 'google.protobuf.NullValue' && value === null) return null;
    if (typeof value === 'string') {
      const name = enumNames(desc).get(value.toLowerCase());
      if (name !== undefined) return name;
      this.findings.push(error('schema.enum', `${JSON.stringify(value)} is not a value of ${desc.typeName} (one of ${desc.values.map((v) => v.name).join(', ')})`, at));
      return value;
    }
    if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31) return value;
    this.typeError(at, `expected an enum name of ${desc.typeName}, got ${describeJson(value)}`);
    return value;
  }

  /** Well-known types with their own JSON forms; NOT_SPECIAL for ordinary messages. */
  private wellKnown(desc: DescMessage, value: unknown, path: string): unknown {
    const name = desc.typeName;
    if (!name.startsWith('google.protobuf.')) return NOT_SPECIAL;
    if (name in WRAPPERS) return this.scalar(WRAPPERS[name], value, path);
    switch (name) {
      case 'google.protobuf.Any':
        return this.any(value, path);
      case 'google.protobuf.Duration': {
        const check = durationCheck(value);
        if ('error' in check) this.typeError(path, check.error);
        // Envoy checks every Duration in a config when it loads it (MessageUtil::validateDurationFields).
        else if (check.negative) this.findings.push(error('schema.duration', `Invalid duration: Expected positive duration: ${value}`, path));
        return value;
      }
      case 'google.protobuf.Timestamp': {
        const problem = timestampError(value);
        if (problem) this.typeError(path, problem);
        return value;
      }
      case 'google.protobuf.FieldMask':
        if (typeof value !== 'string') this.typeError(path, `expected a field mask string, got ${describeJson(value)}`);
        return value;
      case 'google.protobuf.Struct':
        if (!isPlainObject(value)) this.typeError(path, `expected an object (Struct), got ${describeJson(value)}`);
        return value;
      case 'google.protobuf.ListValue':
        if (!Array.isArray(value)) this.typeError(path, `expected a list (ListValue), got ${describeJson(value)}`);
        return value;
      case 'google.protobuf.Value':
        return value;
      default:
        return NOT_SPECIAL;
    }
  }

  private any(value: unknown, path: string): unknown {
    if (!isPlainObject(value)) {
      this.typeError(path, `expected an object with "@type", got ${describeJson(value)}`);
      return value;
    }
    const typeUrl = value['@type'];
    if (typeof typeUrl !== 'string' || typeUrl === '') {
      this.findings.push(error('schema.any-type-missing', `missing "@type": Envoy picks the implementation by the type URL, like type.googleapis.com/envoy.extensions…`, path));
      return value;
    }
    const typeName = typeUrl.slice(typeUrl.lastIndexOf('/') + 1);
    const inner = this.registry.getMessage(typeName);
    if (!inner) {
      // Contrib and newer extensions: Envoy builds that have them accept them; we cannot tell.
      this.findings.push(info('schema.not-checked', `not checked: ${typeName} is not among the bundled protos`, path));
      this.uncheckedAnys.add(value);
      return value;
    }
    const { '@type': _type, ...rest } = value;
    if (VALUE_WRAPPED_IN_ANY.has(typeName)) {
      for (const key of Object.keys(rest)) if (key !== 'value') this.unknownField(inner, key, path);
      return { '@type': typeUrl, value: this.message(inner, rest.value, fieldPath(path, 'value')) };
    }
    const normalized = this.fields(inner, rest, path, { '@type': typeUrl });
    if (TYPED_STRUCTS.has(typeName)) this.typedStruct(rest, path);
    return normalized;
  }

  /** Envoy converts a TypedStruct's Struct into the named message, so its fields are checked too. */
  private typedStruct(value: Json, path: string) {
    const url = value.type_url ?? value.typeUrl;
    if (typeof url !== 'string' || !isPlainObject(value.value)) return;
    const inner = this.registry.getMessage(url.slice(url.lastIndexOf('/') + 1));
    if (!inner) {
      this.findings.push(info('schema.not-checked', `not checked: ${url.slice(url.lastIndexOf('/') + 1)} is not among the bundled protos`, fieldPath(path, 'value')));
      return;
    }
    // Findings only: the normalised config keeps the Struct, which is what the proto holds.
    this.message(inner, value.value, fieldPath(path, 'value'));
  }
}

const NOT_SPECIAL = Symbol('not a well-known type');
