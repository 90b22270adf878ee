// What every check reports. `path` is where in the Envoy config (or Kubernetes file) the problem
// is; `elementId` is the design element it belongs to, when there is one.
export type Severity = 'error' | 'warning' | 'info';

export type Finding = {
  severity: Severity;
  /** A stable rule id, e.g. `route.unknown-cluster`. */
  rule: string;
  /** Envoy's own wording where Envoy has one. */
  message: string;
  path: string;
  elementId: string | null;
  /** The connection (canvas edge id) the finding is about, when it is about one. */
  edgeId?: string;
};
