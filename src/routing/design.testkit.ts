// Small designs for the request tester's tests: one HTTP listener, the given virtual hosts, and
// clusters "a", "b", "c" (ids cluster-a, cluster-b, cluster-c).
import { forwardAction, newCluster, newDeployment, newListener, newRoute, newRule } from '../model/defaults';
import { DESIGN_VERSION, type Design, type Rule, type RouteMatch, type RuleAction } from '../model/schema';
import type { MatchResult } from './types';

export type HostSpec = { name?: string; domains: string[]; rules: Rule[] };

let counter = 0;

/** A rule matching `match` (prefix "/" by default) that forwards to cluster `to` ("a" by default). */
export function rule(match: Partial<RouteMatch> = {}, action: RuleAction | string = 'a', name = ''): Rule {
  const base = newRule(`rule-${++counter}`);
  return {
    ...base,
    name,
    match: { ...base.match, ...match },
    action: typeof action === 'string' ? forwardAction(`cluster-${action}`) : action,
  };
}

export function testDesign(hosts: HostSpec[], options: { envoyImage?: string; port?: number } = {}): Design {
  const routes = hosts.map((h, i) => ({ ...newRoute(`route-${i + 1}`, h.name ?? `host${i + 1}`, h.domains), rules: h.rules }));
  const listener = { ...newListener('listener-1', 'main'), port: options.port ?? 10000, routeIds: routes.map((r) => r.id) };
  const clusters = ['a', 'b', 'c'].map((n) => newCluster(`cluster-${n}`, n));
  const deployment = { ...newDeployment(), ...(options.envoyImage && { envoyImage: options.envoyImage }) };
  return { version: DESIGN_VERSION, name: 'test', listeners: [listener], routes, clusters, deployment, layout: {} };
}

/** The cluster name a result forwards to (the chosen one for a split), or null. */
export function clusterOf(result: MatchResult): string | null {
  const { outcome } = result;
  if (outcome.kind === 'cluster') return outcome.cluster;
  if (outcome.kind === 'weighted') return outcome.chosen?.cluster ?? null;
  return null;
}
