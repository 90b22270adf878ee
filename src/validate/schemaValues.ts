// The proto3 JSON mapping of single values (scalars and the well-known types written as strings),
// as Envoy's JSON parser reads them. Each check returns why a value is refused, or null.
import { ScalarType } from '@bufbuild/protobuf';

const INT32 = { min: -(2n ** 31n), max: 2n ** 31n - 1n };
const UINT32 = { min: 0n, max: 2n ** 32n - 1n };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const UINT64 = { min: 0n, max: 2n ** 64n - 1n };
const FLOAT_MAX = 3.4028234663852886e38;

const RANGES: Partial<Record<ScalarType, { min: bigint; max: bigint }>> = {
  [ScalarType.INT32]: INT32,
  [ScalarType.SINT32]: INT32,
  [ScalarType.SFIXED32]: INT32,
  [ScalarType.UINT32]: UINT32,
  [ScalarType.FIXED32]: UINT32,
  [ScalarType.INT64]: INT64,
  [ScalarType.SINT64]: INT64,
  [ScalarType.SFIXED64]: INT64,
  [ScalarType.UINT64]: UINT64,
  [ScalarType.FIXED64]: UINT64,
};

const TYPE_NAMES: Record<ScalarType, string> = {
  [ScalarType.DOUBLE]: 'double',
  [ScalarType.FLOAT]: 'float',
  [ScalarType.INT64]: 'int64',
  [ScalarType.UINT64]: 'uint64',
  [ScalarType.INT32]: 'int32',
  [ScalarType.FIXED64]: 'fixed64',
  [ScalarType.FIXED32]: 'fixed32',
  [ScalarType.BOOL]: 'bool',
  [ScalarType.STRING]: 'string',
  [ScalarType.BYTES]: 'bytes',
  [ScalarType.UINT32]: 'uint32',
  [ScalarType.SFIXED32]: 'sfixed32',
  [ScalarType.SFIXED64]: 'sfixed64',
  [ScalarType.SINT32]: 'sint32',
  [ScalarType.SINT64]: 'sint64',
};

/** `number 5`, `string "5s"`, `an object`: what a user sees to recognise the offending value. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

function integerError(value: unknown, type: ScalarType): string | null {
  const range = RANGES[type]!;
  let big: bigint;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return `expected a whole number (${TYPE_NAMES[type]}), got ${describeJson(value)}`;
    big = BigInt(value);
  } else if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    // 64-bit integers are written as strings in proto3 JSON; 32-bit ones may be too.
    big = BigInt(value);
  } else {
    return `expected a whole number (${TYPE_NAMES[type]}), got ${describeJson(value)}`;
  }
  if (big < range.min || big > range.max) return `${value} is out of range for ${TYPE_NAMES[type]} (${range.min} to ${range.max})`;
  return null;
}

function floatError(value: unknown, type: ScalarType): string | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return null;
  else if (typeof value === 'string' && value.trim() === value && value !== '' && Number.isFinite(Number(value))) n = Number(value);
  else return `expected a number (${TYPE_NAMES[type]}), got ${describeJson(value)}`;
  if (type === ScalarType.FLOAT && Math.abs(n) > FLOAT_MAX) return `${n} is out of range for float`;
  return null;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const BASE64_URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Why `value` is not the JSON of a `type` scalar, or null. */
export function scalarError(value: unknown, type: ScalarType): string | null {
  switch (type) {
    case ScalarType.STRING:
      return typeof value === 'string' ? null : `expected a string, got ${describeJson(value)}`;
    case ScalarType.BOOL:
      return typeof value === 'boolean' ? null : `expected true or false, got ${describeJson(value)}`;
    case ScalarType.BYTES:
      if (typeof value !== 'string') return `expected base64 bytes, got ${describeJson(value)}`;
      return BASE64.test(value) || BASE64_URL.test(value) ? null : `expected base64 bytes, got ${describeJson(value)}`;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return floatError(value, type);
    default:
      return integerError(value, type);
  }
}

/** Map keys are always JSON strings; integer and bool keys must spell their type. */
export function mapKeyError(key: string, type: ScalarType): string | null {
  if (type === ScalarType.STRING) return null;
  if (type === ScalarType.BOOL) return key === 'true' || key === 'false' ? null : `map key ${JSON.stringify(key)} is not true or false`;
  return integerError(key, type) && `map key ${JSON.stringify(key)} is not a ${TYPE_NAMES[type]}`;
}

// google.protobuf.Duration's JSON: seconds with up to 9 fractional digits and an "s".
const DURATION = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;
const MAX_DURATION_SECONDS = 315576000000n;

export type DurationCheck = { error: string } | { negative: boolean } ;

export function durationCheck(value: unknown): DurationCheck {
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (!match) return { error: `expected a duration like "0.25s" or "15s", got ${describeJson(value)}` };
  if (BigInt(match[2]) > MAX_DURATION_SECONDS) return { error: `duration ${value} is out of range (at most ${MAX_DURATION_SECONDS}s)` };
  const zero = /^0+$/.test(match[2]) && /^0*$/.test(match[3] ?? '');
  return { negative: match[1] === '-' && !zero };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function timestampError(value: unknown): string | null {
  return typeof value === 'string' && TIMESTAMP.test(value) ? null : `expected an RFC 3339 timestamp, got ${describeJson(value)}`;
}

/** Scalar type of each wrapper message: its JSON is the bare scalar. */
export const WRAPPERS: Record<string, ScalarType> = {
  'google.protobuf.DoubleValue': ScalarType.DOUBLE,
  'google.protobuf.FloatValue': ScalarType.FLOAT,
  'google.protobuf.Int64Value': ScalarType.INT64,
  'google.protobuf.UInt64Value': ScalarType.UINT64,
  'google.protobuf.Int32Value': ScalarType.INT32,
  'google.protobuf.UInt32Value': ScalarType.UINT32,
  'google.protobuf.BoolValue': ScalarType.BOOL,
  'google.protobuf.StringValue': ScalarType.STRING,
  'google.protobuf.BytesValue': ScalarType.BYTES,
};

/** Well-known types whose JSON is not an object of their fields; inside an Any they sit under "value". */
export const VALUE_WRAPPED_IN_ANY = new Set([
  ...Object.keys(WRAPPERS),
  'google.protobuf.Duration',
  'google.protobuf.Timestamp',
  'google.protobuf.FieldMask',
  'google.protobuf.Struct',
  'google.protobuf.Value',
  'google.protobuf.ListValue',
  'google.protobuf.Any',
]);

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Edit distance, to suggest the field a typo meant. Small inputs only (field names). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
