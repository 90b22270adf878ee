// What every check returns: one finding per problem, pointing at an Envoy config path (or a
// Kubernetes file path), so the UI, the CLI and tests can all say exactly where it is.

/**
 * - error: Envoy (or the Kubernetes API server) would refuse the config.
 * - warning: accepted, but probably not what the author meant.
 * - info: a part we could not check (e.g. a contrib extension not among the bundled protos).
 */
export type Severity = 'error' | 'warning' | 'info';

export type Finding = {
  severity: Severity;
  /** Stable id of the check, like `envoy.unknown-cluster`; see README of src/validate/index.ts. */
  rule: string;
  message: string;
  /**
   * `static_resources.clusters[2].load_assignment.endpoints[0]`: proto field names, `[i]` list
   * indexes, `[key]` map keys, Any payloads descended into without a marker. Kubernetes findings
   * are `pod.yaml: spec.containers[1].ports[0]`.
   */
  path: string;
  /** The design element the finding belongs to; null for imported configs and deployment-wide findings. */
  elementId: string | null;
};

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
