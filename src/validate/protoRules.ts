// Envoy's proto validate rules (protoc-gen-validate annotations), interpreted generically from the
// descriptors: Envoy checks them when it loads a config, while a strict `fromJson` does not.
import {
  getOption,
  hasOption,
  toJson,
  type DescExtension,
  type DescField,
  type DescMessage,
  type DescOneof,
  type FileRegistry,
  type Message,
} from '@bufbuild/protobuf';
import { anyUnpack, isWrapperDesc, type Any } from '@bufbuild/protobuf/wkt';


type Json = Record<string, any>;

const RULES_CACHE = new WeakMap<DescField, Json | undefined>();
const REQUIRED_CACHE = new WeakMap<DescOneof, boolean>();
const PATTERN_CACHE = new Map<string, RegExp>();

function pattern(source: string): RegExp {
  let compiled = PATTERN_CACHE.get(source);
  if (!compiled) PATTERN_CACHE.set(source, (compiled = new RegExp(source, 'u')));
  return compiled;
}

const HEADER = {
  strictName: /^:?[0-9a-zA-Z!#$%&'*+\-.^_|~`]+$/,
  strictValue: /^[^\u0000-\u0008\u000A-\u001F\u007F]*$/,
  loose: /^[^\u0000\u000A\u000D]*$/,
};

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function stringViolations(value: string, rules: Json): string[] {
  const out: string[] = [];
  const chars = [...value].length;
  if (rules.const !== undefined && value !== rules.const) out.push(`must equal ${JSON.stringify(rules.const)}`);
  if (rules.len !== undefined && chars !== Number(rules.len)) out.push(`must be ${rules.len} characters`);
  if (rules.minLen !== undefined && chars < Number(rules.minLen)) out.push(`must have at least ${rules.minLen} characters`);
  if (rules.maxLen !== undefined && chars > Number(rules.maxLen)) out.push(`must have at most ${rules.maxLen} characters`);
  if (rules.minBytes !== undefined && utf8Length(value) < Number(rules.minBytes)) out.push(`must have at least ${rules.minBytes} bytes`);
  if (rules.maxBytes !== undefined && utf8Length(value) > Number(rules.maxBytes)) out.push(`must have at most ${rules.maxBytes} bytes`);
  if (rules.pattern !== undefined && !pattern(rules.pattern).test(value)) out.push(`must match ${rules.pattern}`);
  if (rules.prefix !== undefined && !value.startsWith(rules.prefix)) out.push(`must start with ${rules.prefix}`);
  if (rules.suffix !== undefined && !value.endsWith(rules.suffix)) out.push(`must end with ${rules.suffix}`);
  if (rules.in && !rules.in.includes(value)) out.push(`must be one of ${rules.in.join(', ')}`);
  if (rules.notIn?.includes(value)) out.push(`must not be one of ${rules.notIn.join(', ')}`);
  if (rules.wellKnownRegex && !(rules.ignoreEmpty && value === '')) {
    const strict = rules.strict !== false;
    const regex = !strict ? HEADER.loose : rules.wellKnownRegex === 'HTTP_HEADER_NAME' ? HEADER.strictName : HEADER.strictValue;
    if (!regex.test(value)) out.push(`must be a valid ${rules.wellKnownRegex}${strict ? '' : ' (no NUL, CR or LF)'}`);
  }
  return out.map((m) => `${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)} ${m}`);
}

function numberViolations(value: number | bigint, rules: Json): string[] {
  const n = Number(value);
  const out: string[] = [];
  if (rules.const !== undefined && n !== Number(rules.const)) out.push(`must equal ${rules.const}`);
  if (rules.lt !== undefined && !(n < Number(rules.lt))) out.push(`must be < ${rules.lt}`);
  if (rules.lte !== undefined && !(n <= Number(rules.lte))) out.push(`must be <= ${rules.lte}`);
  if (rules.gt !== undefined && !(n > Number(rules.gt))) out.push(`must be > ${rules.gt}`);
  if (rules.gte !== undefined && !(n >= Number(rules.gte))) out.push(`must be >= ${rules.gte}`);
  if (rules.in && !rules.in.map(Number).includes(n)) out.push(`must be one of ${rules.in.join(', ')}`);
  if (rules.notIn?.map(Number).includes(n)) out.push(`must not be one of ${rules.notIn.join(', ')}`);
  return out.map((m) => `${n} ${m}`);
}

const durationSeconds = (d: Json | string): number => {
  if (typeof d === 'string') return Number(d.replace(/s$/, ''));
  return Number(d.seconds ?? 0) + (d.nanos ?? 0) / 1e9;
};

function durationViolations(value: { seconds: bigint; nanos: number }, rules: Json): string[] {
  const s = Number(value.seconds) + value.nanos / 1e9;
  const out: string[] = [];
  if (rules.lt !== undefined && !(s < durationSeconds(rules.lt))) out.push(`must be < ${rules.lt}`);
  if (rules.lte !== undefined && !(s <= durationSeconds(rules.lte))) out.push(`must be <= ${rules.lte}`);
  if (rules.gt !== undefined && !(s > durationSeconds(rules.gt))) out.push(`must be > ${rules.gt}`);
  if (rules.gte !== undefined && !(s >= durationSeconds(rules.gte))) out.push(`must be >= ${rules.gte}`);
  return out.map((m) => `${s}s ${m}`);
}

const NUMBER_RULES = ['float', 'double', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64'];

/** Rules for one scalar/enum/message value (a list item, a map entry, a singular field). */
function valueViolations(value: unknown, rules: Json, field: DescField, messageDesc: DescMessage | undefined): string[] {
  if (rules.string && typeof value === 'string') return stringViolations(value, rules.string);
  if (rules.bytes && value instanceof Uint8Array) {
    const out: string[] = [];
    if (rules.bytes.minLen !== undefined && value.length < Number(rules.bytes.minLen)) out.push(`must have at least ${rules.bytes.minLen} bytes`);
    if (rules.bytes.maxLen !== undefined && value.length > Number(rules.bytes.maxLen)) out.push(`must have at most ${rules.bytes.maxLen} bytes`);
    return out;
  }
  if (rules.bool && rules.bool.const !== undefined && value !== rules.bool.const) return [`must be ${rules.bool.const}`];
  for (const kind of NUMBER_RULES) {
    if (rules[kind] && (typeof value === 'number' || typeof value === 'bigint')) return numberViolations(value, rules[kind]);
  }
  if (rules.enum && typeof value === 'number') {
    const out: string[] = [];
    const enumDesc = field.enum;
    if (rules.enum.definedOnly && enumDesc && !enumDesc.values.some((v) => v.number === value)) out.push(`${value} is not a defined enum value`);
    if (rules.enum.in && !rules.enum.in.includes(value)) out.push(`${value} must be one of ${rules.enum.in.join(', ')}`);
    if (rules.enum.notIn?.includes(value)) out.push(`${value} must not be one of ${rules.enum.notIn.join(', ')}`);
    return out;
  }
  if (rules.duration && messageDesc?.typeName === 'google.protobuf.Duration' && value) {
    return durationViolations(value as { seconds: bigint; nanos: number }, rules.duration);
  }
  return [];
}

/**
 * Every proto validate rule `message` breaks, with the field path. Covers the rule kinds Envoy's
 * API uses (string lengths/bytes/patterns/well-known header regexes, numeric bounds, enums,
 * durations, required messages and oneofs, repeated and map bounds), through Any payloads.
 * Envoy checks these when it loads a config; `fromJson` does not.
 */
export function protoRuleViolations(message: Message, registry: FileRegistry): string[] {
  const rulesExt = registry.getExtension('validate.rules') as DescExtension;
  const requiredExt = registry.getExtension('validate.required') as DescExtension;
  if (!rulesExt || !requiredExt) throw new Error('validate.rules / validate.required not in the descriptor set');
  // getOption/hasOption are typed for generated extensions; these two come from the registry.
  const has = hasOption as (element: unknown, extension: DescExtension) => boolean;
  const get = getOption as (element: unknown, extension: DescExtension) => unknown;
  const out: string[] = [];
  // Decoding a field's rules is the costly step; descriptors are immutable, so decode once each.
  const rulesOf = (field: DescField): Json | undefined => {
    if (!RULES_CACHE.has(field)) {
      RULES_CACHE.set(field, has(field, rulesExt) ? (toJson(rulesExt.message!, get(field, rulesExt) as never) as Json) : undefined);
    }
    return RULES_CACHE.get(field);
  };
  const oneofRequired = (oneof: DescOneof): boolean => {
    if (!REQUIRED_CACHE.has(oneof)) REQUIRED_CACHE.set(oneof, has(oneof, requiredExt) && get(oneof, requiredExt) === true);
    return REQUIRED_CACHE.get(oneof)!;
  };

  const visitMessage = (desc: DescMessage, msg: Json, path: string): void => {
    if (desc.typeName === 'google.protobuf.Any') {
      const inner = anyUnpack(msg as Any, registry);
      if (!inner) {
        out.push(`${path}: Any of unknown type ${(msg as Any).typeUrl}`);
        return;
      }
      visitMessage(registry.getMessage(inner.$typeName)!, inner as Json, `${path}<${inner.$typeName.split('.').pop()}>`);
      return;
    }
    for (const oneof of desc.oneofs) {
      if (oneofRequired(oneof) && msg[oneof.localName]?.case === undefined) {
        out.push(`${path}.${oneof.name}: one of ${oneof.fields.map((f) => f.name).join(', ')} is required`);
      }
    }
    for (const field of desc.fields) {
      const at = `${path}.${field.name}`;
      let value: unknown;
      let set: boolean;
      if (field.oneof) {
        const o = msg[field.oneof.localName];
        set = o?.case === field.localName;
        value = set ? o.value : undefined;
      } else {
        value = msg[field.localName];
        set = field.fieldKind === 'message' ? value !== undefined : true;
      }
      // A oneof member's rules, `required` included, apply only when that member is the one set.
      if (field.oneof && !set) continue;
      const rules = rulesOf(field);
      if (rules?.message?.required && !set) out.push(`${at}: is required`);
      if (rules?.any?.required && !set) out.push(`${at}: is required`);
      if (rules?.duration?.required && !set) out.push(`${at}: is required`);
      if (field.fieldKind === 'list') {
        const items = (value as unknown[]) ?? [];
        if (rules?.repeated?.minItems !== undefined && items.length < Number(rules.repeated.minItems)) out.push(`${at}: needs at least ${rules.repeated.minItems} items`);
        if (rules?.repeated?.maxItems !== undefined && items.length > Number(rules.repeated.maxItems)) out.push(`${at}: takes at most ${rules.repeated.maxItems} items`);
        items.forEach((item, i) => {
          if (rules?.repeated?.items) out.push(...valueViolations(item, rules.repeated.items, field, field.message).map((m) => `${at}[${i}]: ${m}`));
          if (field.listKind === 'message') visitMessage(field.message, item as Json, `${at}[${i}]`);
        });
        continue;
      }
      if (field.fieldKind === 'map') {
        const entries = Object.entries((value as Json) ?? {});
        if (rules?.map?.minPairs !== undefined && entries.length < Number(rules.map.minPairs)) out.push(`${at}: needs at least ${rules.map.minPairs} entries`);
        for (const [key, item] of entries) {
          if (rules?.map?.keys) out.push(...valueViolations(key, rules.map.keys, field, undefined).map((m) => `${at}[${key}] key: ${m}`));
          if (rules?.map?.values) out.push(...valueViolations(item, rules.map.values, field, field.message).map((m) => `${at}[${key}]: ${m}`));
          if (field.mapKind === 'message') visitMessage(field.message, item as Json, `${at}[${key}]`);
        }
        continue;
      }
      if (!set) continue;
      if (rules) out.push(...valueViolations(value, rules, field, field.message).map((m) => `${at}: ${m}`));
      // Wrapper fields are unboxed to their scalar; other messages are walked.
      if (field.fieldKind === 'message' && !isWrapperDesc(field.message) && value !== undefined) {
        visitMessage(field.message, value as Json, at);
      }
    }
  };
  visitMessage(registry.getMessage(message.$typeName)!, message as Json, '');
  return out.map((v) => v.replace(/^\./, ''));
}
