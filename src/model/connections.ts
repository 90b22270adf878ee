// Edges of the graph: listener → route, tcp listener → cluster, rule → cluster.
// Anything else makes no sense in Envoy and is refused with a reason the canvas can show.
import { findElement } from './operations';
import type { Design, Rule, RuleAction } from './schema';

export type Connection = { ok: true; design: Design } | { ok: false; reason: string };

/** Why `source → target` cannot be connected, or null when it can. */
export function connectionRefusal(design: Design, sourceId: string, targetId: string): string | null {
  const source = findElement(design, sourceId);
  const target = findElement(design, targetId);
  if (!source || !target) return 'Both ends must be elements of the design.';
  if (source.kind === 'listener') {
    const listener = source.element;
    if (listener.protocol === 'http') {
      if (target.kind === 'route') {
        return listener.routeIds.includes(targetId) ? 'This listener already serves that route.' : null;
      }
      return 'An HTTP listener connects to routes (virtual hosts); rules inside a route pick clusters.';
    }
    return target.kind === 'cluster' ? null : 'A TCP listener proxies to one cluster.';
  }
  if (source.kind === 'rule') {
    if (target.kind !== 'cluster') return 'A rule forwards to clusters.';
    const action = source.element.action;
    if (action.kind === 'redirect' || action.kind === 'direct') {
      return 'This rule answers by itself (redirect or direct response); change its action to forward first.';
    }
    if (ruleTargets(source.element).includes(targetId)) return 'This rule already forwards to that cluster.';
    return null;
  }
  if (source.kind === 'cluster') return 'Clusters are upstreams: traffic flows into them, not out of them.';
  return 'Connect a route through one of its rules: drag from the rule to a cluster.';
}

/** Whether a rule forwards to clusters (one or a weighted split), so it can connect to one. */
export function forwardsToClusters(rule: Rule): boolean {
  return rule.action.kind === 'cluster' || rule.action.kind === 'weighted';
}

/** Cluster ids a rule forwards to (dangling ids included: they mark a broken design). */
export function ruleTargets(rule: Rule): string[] {
  if (rule.action.kind === 'cluster') return rule.action.clusterId ? [rule.action.clusterId] : [];
  if (rule.action.kind === 'weighted') return rule.action.clusters.map((c) => c.clusterId);
  return [];
}

export function connect(design: Design, sourceId: string, targetId: string): Connection {
  const reason = connectionRefusal(design, sourceId, targetId);
  if (reason) return { ok: false, reason };
  const source = findElement(design, sourceId)!;
  if (source.kind === 'listener') {
    const listeners = design.listeners.map((l) => {
      if (l.id !== sourceId) return l;
      return l.protocol === 'http' ? { ...l, routeIds: [...l.routeIds, targetId] } : { ...l, tcpClusterId: targetId };
    });
    return { ok: true, design: { ...design, listeners } };
  }
  return { ok: true, design: mapRule(design, sourceId, (rule) => ({ ...rule, action: addTarget(rule.action, targetId) })) };
}

/** A second cluster turns a forward into an even weighted split; a further one joins the split. */
function addTarget(action: RuleAction, clusterId: string): RuleAction {
  if (action.kind === 'cluster') {
    if (action.clusterId === null) return { ...action, clusterId };
    const { clusterId: first, ...options } = action;
    return { ...options, kind: 'weighted', clusters: [{ clusterId: first, weight: 50 }, { clusterId, weight: 50 }] };
  }
  if (action.kind === 'weighted') return { ...action, clusters: [...action.clusters, { clusterId, weight: 50 }] };
  return action;
}

export function disconnect(design: Design, sourceId: string, targetId: string): Design {
  const source = findElement(design, sourceId);
  if (!source) return design;
  if (source.kind === 'listener') {
    const listeners = design.listeners.map((l) => {
      if (l.id !== sourceId) return l;
      return {
        ...l,
        routeIds: l.routeIds.filter((id) => id !== targetId),
        tcpClusterId: l.tcpClusterId === targetId ? null : l.tcpClusterId,
      };
    });
    return { ...design, listeners };
  }
  if (source.kind !== 'rule') return design;
  return mapRule(design, sourceId, (rule) => ({ ...rule, action: removeTarget(rule.action, targetId) }));
}

/** Removing a split's second-last cluster turns it back into a plain forward. */
function removeTarget(action: RuleAction, clusterId: string): RuleAction {
  if (action.kind === 'cluster') return action.clusterId === clusterId ? { ...action, clusterId: null } : action;
  if (action.kind !== 'weighted') return action;
  const clusters = action.clusters.filter((c) => c.clusterId !== clusterId);
  if (clusters.length > 1) return { ...action, clusters };
  const { clusters: _removed, kind: _kind, ...options } = action;
  return { ...options, kind: 'cluster', clusterId: clusters[0]?.clusterId ?? null };
}

/** Sets the weight of one cluster in a rule's weighted split. */
export function setWeight(design: Design, ruleId: string, clusterId: string, weight: number): Design {
  return mapRule(design, ruleId, (rule) => {
    if (rule.action.kind !== 'weighted') return rule;
    const clusters = rule.action.clusters.map((c) => (c.clusterId === clusterId ? { ...c, weight } : c));
    return { ...rule, action: { ...rule.action, clusters } };
  });
}

function mapRule(design: Design, ruleId: string, map: (rule: Rule) => Rule): Design {
  return {
    ...design,
    routes: design.routes.map((route) =>
      route.rules.some((r) => r.id === ruleId) ? { ...route, rules: route.rules.map((r) => (r.id === ruleId ? map(r) : r)) } : route,
    ),
  };
}
