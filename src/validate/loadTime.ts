// Envoy's load-time rules beyond the proto schema, run on a normalised bootstrap (proto field
// names, canonical enum names). Each rule reports with Envoy's own message.
import type { FileRegistry } from '@bufbuild/protobuf';
import { error, type Finding } from './findings.ts';
import { re2Error } from './regex.ts';
import { clusterFindings, clusterNames } from './loadTimeClusters.ts';
import { filterFindings, listenerFindings } from './loadTimeListeners.ts';
import { routeFindings } from './loadTimeRoutes.ts';

export function loadTimeFindings(config: unknown, registry: FileRegistry): Finding[] {
  return [
    ...listenerFindings(config),
    ...filterFindings(config, (type) => registry.getMessage(type) !== undefined),
    ...routeFindings(config, clusterNames(config)),
    ...clusterFindings(config),
  ];
}

/** Envoy compiles every safe_regex with RE2 when it loads the config; RE2's refusal is fatal. */
export function regexFindings(regexes: { regex: string; path: string }[]): Finding[] {
  return regexes.flatMap(({ regex, path }) => {
    const problem = re2Error(regex);
    return problem ? [error('envoy.invalid-regex', problem, path)] : [];
  });
}
