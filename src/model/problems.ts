// Structural problems a design can be in after legal edits: references to removed elements.
// The design stays loadable (the user fixes it on the canvas); generators emit the dangling id so
// Envoy, and our validator, report `unknown cluster` instead of us silently rerouting traffic.
import { ruleTargets } from './connections';
import type { Design } from './schema';

export type DesignProblem = { elementId: string; message: string };

export function designProblems(design: Design): DesignProblem[] {
  const clusterIds = new Set(design.clusters.map((c) => c.id));
  const routeIds = new Set(design.routes.map((r) => r.id));
  const problems: DesignProblem[] = [];
  for (const listener of design.listeners) {
    if (listener.protocol === 'tcp' && listener.tcpClusterId && !clusterIds.has(listener.tcpClusterId)) {
      problems.push({ elementId: listener.id, message: `proxies to cluster ${listener.tcpClusterId}, which was removed` });
    }
    for (const routeId of listener.routeIds) {
      if (!routeIds.has(routeId)) problems.push({ elementId: listener.id, message: `serves route ${routeId}, which was removed` });
    }
  }
  for (const route of design.routes) {
    for (const rule of route.rules) {
      for (const clusterId of ruleTargets(rule)) {
        if (!clusterIds.has(clusterId)) {
          problems.push({ elementId: rule.id, message: `forwards to cluster ${clusterId}, which was removed` });
        }
      }
    }
  }
  return problems;
}
