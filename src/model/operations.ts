// Pure operations on a design: each takes a design and returns a new one, never mutating.
// The canvas and inspector call only these, so every change is expressible, testable and undoable.
import { newCluster, newListener, newRoute, newRule } from './defaults';
import { nextId, uniqueName } from './ids';
import type { Cluster, Design, Listener, Position, Route, Rule } from './schema';

export type Added = { design: Design; id: string };

function withPosition(design: Design, id: string, position?: Position): Design['layout'] {
  return position ? { ...design.layout, [id]: position } : design.layout;
}

export function addListener(design: Design, position?: Position): Added {
  const id = nextId(design, 'listener');
  const name = uniqueName('listener', design.listeners.map((l) => l.name));
  const listener = { ...newListener(id, name), port: freePort(design) };
  return {
    id,
    design: { ...design, listeners: [...design.listeners, listener], layout: withPosition(design, id, position) },
  };
}

/** The lowest port from 10000 up that no listener (nor admin, nor app) uses yet. */
export function freePort(design: Design): number {
  const used = new Set(design.listeners.map((l) => l.port));
  used.add(design.deployment.admin.port);
  if (design.deployment.app) used.add(design.deployment.app.port);
  let port = 10000;
  while (used.has(port)) port++;
  return port;
}

export function addRoute(design: Design, position?: Position): Added {
  const id = nextId(design, 'route');
  const name = uniqueName('route', design.routes.map((r) => r.name));
  // A wildcard domain only if no other virtual host has one (Envoy allows a single `*`).
  const hasWildcard = design.routes.some((r) => r.domains.includes('*'));
  const domains = hasWildcard ? [`${name}.example.com`] : ['*'];
  const route = newRoute(id, name, domains);
  const withRoute = { ...design, routes: [...design.routes, route], layout: withPosition(design, id, position) };
  const rule = addRule(withRoute, id);
  return { id, design: rule.design };
}

export function addCluster(design: Design, position?: Position): Added {
  const id = nextId(design, 'cluster');
  const name = uniqueName('cluster', design.clusters.map((c) => c.name));
  return {
    id,
    design: { ...design, clusters: [...design.clusters, newCluster(id, name)], layout: withPosition(design, id, position) },
  };
}

/** Adds a catch-all rule at `index` (default: the end) of a route's ordered rules. */
export function addRule(design: Design, routeId: string, index?: number): Added {
  const id = nextId(design, 'rule');
  const routes = design.routes.map((route) => {
    if (route.id !== routeId) return route;
    const rules = [...route.rules];
    rules.splice(index ?? rules.length, 0, newRule(id));
    return { ...route, rules };
  });
  return { id, design: { ...design, routes } };
}

// ---- Lookup ---------------------------------------------------------------------------------

export type Found =
  | { kind: 'listener'; element: Listener }
  | { kind: 'route'; element: Route }
  | { kind: 'cluster'; element: Cluster }
  | { kind: 'rule'; element: Rule; route: Route };

export function findElement(design: Design, id: string): Found | null {
  const listener = design.listeners.find((l) => l.id === id);
  if (listener) return { kind: 'listener', element: listener };
  const cluster = design.clusters.find((c) => c.id === id);
  if (cluster) return { kind: 'cluster', element: cluster };
  for (const route of design.routes) {
    if (route.id === id) return { kind: 'route', element: route };
    const rule = route.rules.find((r) => r.id === id);
    if (rule) return { kind: 'rule', element: rule, route };
  }
  return null;
}

// ---- Update ---------------------------------------------------------------------------------

export function updateListener(design: Design, id: string, patch: Partial<Omit<Listener, 'id'>>): Design {
  return { ...design, listeners: design.listeners.map((l) => (l.id === id ? { ...l, ...patch } : l)) };
}

export function updateRoute(design: Design, id: string, patch: Partial<Omit<Route, 'id' | 'rules'>>): Design {
  return { ...design, routes: design.routes.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

export function updateCluster(design: Design, id: string, patch: Partial<Omit<Cluster, 'id'>>): Design {
  return { ...design, clusters: design.clusters.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

export function updateRule(design: Design, ruleId: string, patch: Partial<Omit<Rule, 'id'>>): Design {
  return mapRules(design, (rule) => (rule.id === ruleId ? { ...rule, ...patch } : rule));
}

export function updateDeployment(design: Design, patch: Partial<Design['deployment']>): Design {
  return { ...design, deployment: { ...design.deployment, ...patch } };
}

/** Routes whose rules all map to themselves stay the same objects (generation reuses what it built for them). */
function mapRules(design: Design, map: (rule: Rule) => Rule): Design {
  return {
    ...design,
    routes: design.routes.map((route) => {
      const rules = route.rules.map(map);
      return rules.every((rule, i) => rule === route.rules[i]) ? route : { ...route, rules };
    }),
  };
}

/**
 * Renames any element. References are by id, so every route, split and listener that points at
 * the element follows the new name in the generated config without further edits.
 */
export function renameElement(design: Design, id: string, name: string): Design {
  const found = findElement(design, id);
  if (!found) return design;
  switch (found.kind) {
    case 'listener':
      return updateListener(design, id, { name });
    case 'route':
      return updateRoute(design, id, { name });
    case 'cluster':
      return updateCluster(design, id, { name });
    case 'rule':
      return updateRule(design, id, { name });
  }
}

export function setPosition(design: Design, id: string, position: Position): Design {
  return { ...design, layout: { ...design.layout, [id]: position } };
}

// ---- Remove ---------------------------------------------------------------------------------

/**
 * Removes an element. Listeners stop serving a removed route. A removed cluster is NOT unlinked
 * from the rules and listeners that use it: they keep pointing at the missing id, so the design
 * shows as broken (see `designProblems`) instead of silently routing somewhere else.
 */
export function removeElement(design: Design, id: string): Design {
  const found = findElement(design, id);
  if (!found) return design;
  const layout = { ...design.layout };
  delete layout[id];
  switch (found.kind) {
    case 'listener':
      return { ...design, layout, listeners: design.listeners.filter((l) => l.id !== id) };
    case 'cluster':
      return { ...design, layout, clusters: design.clusters.filter((c) => c.id !== id) };
    case 'route':
      return {
        ...design,
        layout,
        routes: design.routes.filter((r) => r.id !== id),
        listeners: design.listeners.map((l) => ({ ...l, routeIds: l.routeIds.filter((r) => r !== id) })),
      };
    case 'rule':
      return {
        ...design,
        layout,
        routes: design.routes.map((r) => ({ ...r, rules: r.rules.filter((rule) => rule.id !== id) })),
      };
  }
}

// ---- Order ----------------------------------------------------------------------------------

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= result.length || to < 0 || to >= result.length) return result;
  const [item] = result.splice(from, 1);
  result.splice(to, 0, item);
  return result;
}

/** Moves a rule within its route: order matters, Envoy takes the first rule that matches. */
export function reorderRule(design: Design, routeId: string, from: number, to: number): Design {
  return {
    ...design,
    routes: design.routes.map((r) => (r.id === routeId ? { ...r, rules: move(r.rules, from, to) } : r)),
  };
}

/** Moves a virtual host within a listener's ordered list. */
export function reorderListenerRoute(design: Design, listenerId: string, from: number, to: number): Design {
  return {
    ...design,
    listeners: design.listeners.map((l) => (l.id === listenerId ? { ...l, routeIds: move(l.routeIds, from, to) } : l)),
  };
}
