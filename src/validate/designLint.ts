// Design-level lint: things Envoy accepts but that cannot be what the author meant (dead rules,
// unused clusters, unserved routes), and references to removed elements.
import { ruleTargets } from '../model/connections.ts';
import { designProblems } from '../model/problems.ts';
import type { Design } from '../model/schema.ts';
import type { ElementIndex } from './elementIndex.ts';
import { error, warning, type Finding } from './findings.ts';
import { describeMatch, shadowedRules } from './shadowing.ts';

/** Where to point at an element: its (first) config path, or its place in design.json when not emitted. */
export function elementPath(design: Design, index: ElementIndex, id: string): string {
  const emitted = index.pathsOf(id)[0];
  if (emitted !== undefined) return emitted;
  for (const [r, route] of design.routes.entries()) {
    if (route.id === id) return `design.json: routes[${r}]`;
    const rule = route.rules.findIndex((x) => x.id === id);
    if (rule >= 0) return `design.json: routes[${r}].rules[${rule}]`;
  }
  const listener = design.listeners.findIndex((l) => l.id === id);
  if (listener >= 0) return `design.json: listeners[${listener}]`;
  const cluster = design.clusters.findIndex((c) => c.id === id);
  return cluster >= 0 ? `design.json: clusters[${cluster}]` : 'design.json';
}

const ruleLabel = (name: string, index: number) => (name ? `'${name}'` : `#${index + 1}`);

function shadowFindings(design: Design, index: ElementIndex): Finding[] {
  return design.routes.flatMap((route) =>
    shadowedRules(route).map(({ rule, index: j, by, byIndex }) => ({
      ...warning(
        'design.shadowed-rule',
        `rule ${ruleLabel(rule.name, j)} of route '${route.name}' never matches: rule ${ruleLabel(by.name, byIndex)} before it (${describeMatch(by.match)}) matches every request it matches (${describeMatch(rule.match)}), and Envoy takes the first rule that matches. Move it above rule ${ruleLabel(by.name, byIndex)} or narrow that rule.`,
        elementPath(design, index, rule.id),
      ),
      elementId: rule.id,
    })),
  );
}

function unusedClusterFindings(design: Design, index: ElementIndex): Finding[] {
  const used = new Set<string>();
  for (const listener of design.listeners) if (listener.protocol === 'tcp' && listener.tcpClusterId) used.add(listener.tcpClusterId);
  for (const route of design.routes) for (const rule of route.rules) for (const id of ruleTargets(rule)) used.add(id);
  return design.clusters
    .filter((cluster) => !used.has(cluster.id))
    .map((cluster) => ({
      ...warning('design.unused-cluster', `cluster '${cluster.name}' receives no traffic: no rule or TCP listener forwards to it`, elementPath(design, index, cluster.id)),
      elementId: cluster.id,
    }));
}

function unservedRouteFindings(design: Design, index: ElementIndex): Finding[] {
  const served = new Set(design.listeners.flatMap((l) => (l.protocol === 'http' ? l.routeIds : [])));
  return design.routes
    .filter((route) => !served.has(route.id))
    .map((route) => ({
      ...warning('design.unserved-route', `route '${route.name}' is served by no HTTP listener, so it is not in the generated config`, elementPath(design, index, route.id)),
      elementId: route.id,
    }));
}

/**
 * designProblems: a removed cluster still referenced breaks traffic (an error, and Envoy refuses
 * it for rules); a listener still naming a removed route only loses that route (a warning).
 */
/**
 * References to removed elements. A rule's removed cluster is left to Envoy's own
 * `route: unknown cluster` finding (same element, Envoy's wording), so it is not reported twice.
 */
function removedReferenceFindings(design: Design, index: ElementIndex): Finding[] {
  const ruleIds = new Set(design.routes.flatMap((r) => r.rules.map((rule) => rule.id)));
  return designProblems(design).filter((problem) => !ruleIds.has(problem.elementId)).map((problem) => {
    const make = problem.message.startsWith('serves route ') ? warning : error;
    return { ...make('design.removed-reference', problem.message, elementPath(design, index, problem.elementId)), elementId: problem.elementId };
  });
}

export function designLintFindings(design: Design, index: ElementIndex): Finding[] {
  return [
    ...removedReferenceFindings(design, index),
    ...shadowFindings(design, index),
    ...unusedClusterFindings(design, index),
    ...unservedRouteFindings(design, index),
  ];
}
