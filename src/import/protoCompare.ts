// Are two Envoy configs the same config once Envoy's protos parse them? `protoEqualJson` needs
// every payload type in the registry; what the bundled protos do not know (contrib and newer
// `@type`s, newer fields) is compared as JSON instead, at its place.
import type { FileRegistry } from '@bufbuild/protobuf';
import { protoEqualJson } from '../validate/envoySchema';
import { jsonEqual } from '../generate/envoy/kept';
import { BOOTSTRAP_TYPE, splitUnknown, walkConfig } from './protoWalk';

export type Comparison = { equal: true } | { equal: false; reason: string };

export function configsProtoEqual(a: unknown, b: unknown, registry: FileRegistry, typeName = BOOTSTRAP_TYPE): Comparison {
  const walkedA = walkConfig(a, registry, typeName);
  const walkedB = walkConfig(b, registry, typeName);
  const typeErrors = [...walkedA.issues, ...walkedB.issues].filter((i) => i.kind === 'type');
  if (typeErrors.length > 0) return { equal: false, reason: `not parseable: ${typeErrors[0].message}` };
  const splitA = splitUnknown(walkedA);
  const splitB = splitUnknown(walkedB);
  if (!jsonEqual(splitA.unknown, splitB.unknown)) {
    const paths = new Set([...splitA.unknown, ...splitB.unknown].map(([p]) => p));
    const differing = [...paths].find((p) => !jsonEqual(splitA.unknown.find(([q]) => q === p), splitB.unknown.find(([q]) => q === p)));
    return { equal: false, reason: `what the bundled protos do not know differs at ${differing}` };
  }
  try {
    return protoEqualJson(splitA.known, splitB.known, registry, typeName) ? { equal: true } : { equal: false, reason: 'the parsed protos differ' };
  } catch (error) {
    return { equal: false, reason: (error as Error).message };
  }
}
