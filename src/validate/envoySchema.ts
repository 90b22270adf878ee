// Strict Envoy v3 schema checks backed by the real Envoy API descriptors.
//
// Pure on purpose (no fs, no DOM): the caller supplies the FileDescriptorSet
// bytes produced by `npm run protos` (src/validate/generated/envoy-api.binpb),
// so the same code runs in the browser, a worker and Node. In Node use
// loadEnvoyRegistry() from ./envoySchema.node.ts.
import {
  createFileRegistry,
  equals,
  fromBinary,
  fromJson,
  type DescMessage,
  type FileRegistry,
  type JsonValue,
  type Message,
} from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';

export const BOOTSTRAP_TYPE = 'envoy.config.bootstrap.v3.Bootstrap';

export type ParseResult = { ok: true; message: Message } | { ok: false; error: string };

/** Builds a registry of every compiled Envoy/xds/validate/WKT type from a binary FileDescriptorSet. */
export function createEnvoyRegistry(descriptorSetBytes: Uint8Array): FileRegistry {
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSetBytes));
}

function messageDesc(registry: FileRegistry, typeName: string): DescMessage {
  const desc = registry.getMessage(typeName);
  if (!desc) throw new Error(`${typeName} is not in the Envoy descriptor set (stale envoy-api.binpb? run npm run protos)`);
  return desc;
}

/**
 * Parses `json` strictly as `typeName`. Unknown fields and unknown enum names
 * are errors; the registry lets fromJson unpack every Any by its `@type`, so
 * typed_config payloads are checked just as strictly (an unregistered `@type`
 * is an error too). protobuf-es error messages name the offending field path.
 */
export function parseMessage(json: unknown, registry: FileRegistry, typeName: string): ParseResult {
  const desc = messageDesc(registry, typeName);
  try {
    const message = fromJson(desc, json as JsonValue, { registry, ignoreUnknownFields: false });
    return { ok: true, message };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function parseBootstrap(json: unknown, registry: FileRegistry): ParseResult {
  return parseMessage(json, registry, BOOTSTRAP_TYPE);
}

/**
 * Semantic equality of two JSON configs of `typeName` (default Bootstrap):
 * key order, snake_case vs lowerCamel names, enum spelling, explicit defaults
 * in proto3 scalars, etc. do not matter. Any payloads are unpacked through the
 * registry and compared field by field, not as serialized bytes. Throws if
 * either side does not parse (a parse failure is not "unequal").
 */
export function protoEqualJson(a: unknown, b: unknown, registry: FileRegistry, typeName = BOOTSTRAP_TYPE): boolean {
  const desc = messageDesc(registry, typeName);
  const pa = parseMessage(a, registry, typeName);
  if (!pa.ok) throw new Error(`protoEqualJson: first value: ${pa.error}`);
  const pb = parseMessage(b, registry, typeName);
  if (!pb.ok) throw new Error(`protoEqualJson: second value: ${pb.error}`);
  return equals(desc, pa.message, pb.message, { registry, unpackAny: true });
}
