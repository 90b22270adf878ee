// Helpers to make findings: one per problem, pointing at a path, so the UI, the CLI and tests can
// all say exactly where it is. The Finding type lives in finding.ts (shared with the store). Severity:
// error = Envoy (or the Kubernetes API server) would refuse the config; warning = accepted, but
// probably not what the author meant; info = a part we could not check. `path` is an Envoy config
// path like `static_resources.clusters[2].load_assignment.endpoints[0]` (proto field names, `[i]`
// list indexes, `[key]` map keys, Any payloads descended into without a marker), or
// `pod.yaml: spec.containers[1].ports[0]`, or `design.json: routes[1]` for what is not emitted.
import type { Finding, Severity } from './finding.ts';

export type { Finding, Severity };

export const finding = (severity: Severity, rule: string, message: string, path: string): Finding => ({
  severity,
  rule,
  message,
  path,
  elementId: null,
});

export const error = (rule: string, message: string, path: string) => finding('error', rule, message, path);
export const warning = (rule: string, message: string, path: string) => finding('warning', rule, message, path);
export const info = (rule: string, message: string, path: string) => finding('info', rule, message, path);

/** Appends a field to a path; the root path is the empty string. */
export const field = (path: string, name: string): string => (path ? `${path}.${name}` : name);
export const index = (path: string, i: number | string): string => `${path}[${i}]`;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; within a severity, the order the checks found them. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => ORDER[a.severity] - ORDER[b.severity] || i - j)
    .map(([f]) => f);
}
