import { describe, expect, it } from 'vitest';
import { generateFiles } from '../generate/files';
import { connect } from './connections';
import { weightedAction } from './defaults';
import {
  addCluster,
  addListener,
  addRoute,
  addRule,
  findElement,
  removeElement,
  renameElement,
  reorderListenerRoute,
  reorderRule,
  setPosition,
  updateCluster,
  updateDeployment,
  updateListener,
  updateRoute,
  updateRule,
} from './operations';
import { designProblems } from './problems';
import type { Design } from './schema';
import { defaultDesign, templateByName } from './templates';

/** Freezes every object and array reachable from `value`: any mutation then throws (ESM is strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A frozen design plus an unfrozen copy to compare against after the operation. */
function frozen(design: Design): { design: Design; before: Design } {
  return { before: structuredClone(design), design: deepFreeze(structuredClone(design)) };
}

function emptyDesign(): Design {
  return { ...defaultDesign(), listeners: [], routes: [], clusters: [], layout: {} };
}

/** Applies `steps` in order, threading the design, and returns it with the ids they made. */
function run(design: Design, steps: ((d: Design) => { design: Design; id: string })[]) {
  const ids: string[] = [];
  for (const step of steps) {
    const result = step(deepFreeze(design));
    ids.push(result.id);
    design = result.design;
  }
  return { design, ids };
}

/**
 * A design using cluster-1 in every way a cluster can be used: a forward, a weighted split and a
 * tcp_proxy. cluster-2 is a bystander.
 */
function clusterUsedEverywhere(): Design {
  let d = emptyDesign();
  d = addListener(d).design; // listener-1 (http)
  d = addListener(d).design; // listener-2 → tcp
  d = updateListener(d, 'listener-2', { protocol: 'tcp' });
  d = addRoute(d).design; // route-1 with rule-1
  d = addRule(d, 'route-1').design; // rule-2
  d = addCluster(d).design; // cluster-1
  d = addCluster(d).design; // cluster-2
  d = updateCluster(d, 'cluster-1', { name: 'payments-old' });
  for (const [source, target] of [
    ['listener-1', 'route-1'],
    ['listener-2', 'cluster-1'],
    ['rule-1', 'cluster-1'],
    ['rule-2', 'cluster-2'],
    ['rule-2', 'cluster-1'],
  ]) {
    const result = connect(d, source, target);
    if (!result.ok) throw new Error(result.reason);
    d = result.design;
  }
  return d;
}

describe('deepFreeze (the helper every "never mutates" test relies on)', () => {
  it('makes any nested mutation throw', () => {
    const design = deepFreeze(defaultDesign());
    expect(() => design.listeners.push(design.listeners[0])).toThrow(TypeError);
    expect(() => {
      design.routes[0].rules[0].match.path = '/x';
    }).toThrow(TypeError);
    expect(() => {
      design.layout['listener-1'].x = 5;
    }).toThrow(TypeError);
  });
});

describe('add', () => {
  it('gives deterministic ids and unique names, listener by listener', () => {
    const { design, ids } = run(emptyDesign(), [addListener, addListener, addListener]);
    expect(ids).toEqual(['listener-1', 'listener-2', 'listener-3']);
    expect(design.listeners.map((l) => l.id)).toEqual(ids);
    expect(design.listeners.map((l) => l.name)).toEqual(['listener', 'listener-2', 'listener-3']);
  });

  it('gives each new listener a free port, skipping the admin and app ports', () => {
    const base = updateDeployment(emptyDesign(), { admin: { address: '0.0.0.0', port: 10001 }, app: { name: 'web', image: 'nginx', port: 10002 } });
    const { design } = run(base, [addListener, addListener, addListener]);
    expect(design.listeners.map((l) => l.port)).toEqual([10000, 10003, 10004]);
  });

  it('continues one above the highest id in use (a gap below it is not reused)', () => {
    let d = run(emptyDesign(), [addListener, addListener, addListener]).design;
    d = removeElement(d, 'listener-1');
    expect(addListener(d).id).toBe('listener-4');
    d = removeElement(removeElement(d, 'listener-3'), 'listener-2');
    expect(addListener(d).id).toBe('listener-1');
  });

  it('names stay unique against renamed elements', () => {
    let d = run(emptyDesign(), [addCluster, addCluster]).design;
    expect(d.clusters.map((c) => c.name)).toEqual(['cluster', 'cluster-2']);
    d = renameElement(d, 'cluster-1', 'cluster-3');
    const { design, ids } = run(d, [addCluster, addCluster]);
    expect(ids).toEqual(['cluster-3', 'cluster-4']);
    expect(design.clusters.map((c) => c.name)).toEqual(['cluster-3', 'cluster-2', 'cluster', 'cluster-4']);
  });

  it('a new route gets a catch-all rule, and `*` only while no route has it', () => {
    const { design, ids } = run(emptyDesign(), [addRoute, addRoute]);
    expect(ids).toEqual(['route-1', 'route-2']);
    expect(design.routes.map((r) => [r.name, r.domains, r.rules.map((rule) => rule.id)])).toEqual([
      ['route', ['*'], ['rule-1']],
      ['route-2', ['route-2.example.com'], ['rule-2']],
    ]);
    expect(design.routes[0].rules[0].match).toMatchObject({ pathKind: 'prefix', path: '/' });
    expect(design.routes[0].rules[0].action).toMatchObject({ kind: 'cluster', clusterId: null });
  });

  it('addRule inserts at an index, ids shared across routes', () => {
    let d = run(emptyDesign(), [addRoute, addRoute]).design; // rule-1 in route-1, rule-2 in route-2
    d = addRule(d, 'route-1', 0).design;
    d = addRule(d, 'route-1').design;
    d = addRule(d, 'route-1', 1).design;
    expect(d.routes[0].rules.map((r) => r.id)).toEqual(['rule-3', 'rule-5', 'rule-1', 'rule-4']);
    expect(d.routes[1].rules.map((r) => r.id)).toEqual(['rule-2']);
  });

  it('the same sequence of operations always yields the same document', () => {
    const steps = [addListener, addRoute, addCluster, addCluster, addRoute, (d: Design) => addRule(d, 'route-2', 0), addListener];
    expect(run(emptyDesign(), steps)).toEqual(run(emptyDesign(), steps));
  });

  it('a position goes into layout only; without one, layout is untouched', () => {
    const { design, before } = frozen(emptyDesign());
    const withPosition = addCluster(design, { x: 12, y: -3 });
    expect(withPosition.design.layout).toEqual({ 'cluster-1': { x: 12, y: -3 } });
    expect(withPosition.design.clusters[0]).not.toHaveProperty('x');
    expect(withPosition.design.clusters[0]).not.toHaveProperty('position');
    expect(addCluster(design).design.layout).toEqual({});
    expect(design).toEqual(before);
  });

  it('never mutates its input', () => {
    const { design, before } = frozen(templateByName('front-proxy')!.build());
    addListener(design, { x: 1, y: 1 });
    addRoute(design, { x: 1, y: 1 });
    addCluster(design, { x: 1, y: 1 });
    addRule(design, 'route-2', 1);
    expect(design).toEqual(before);
  });
});

describe('update and find', () => {
  it('patches one element and leaves the others as they were (same objects)', () => {
    const { design, before } = frozen(templateByName('front-proxy')!.build());
    const next = updateCluster(design, 'cluster-2', { connectTimeout: '3s', http2: true });
    expect(next.clusters[1]).toEqual({ ...before.clusters[1], connectTimeout: '3s', http2: true });
    expect(next.clusters[0]).toBe(design.clusters[0]);
    expect(next.routes).toBe(design.routes);
    expect(next.listeners).toBe(design.listeners);
    expect(design).toEqual(before);
  });

  it('updates listeners, routes, rules and the deployment without mutating', () => {
    const { design, before } = frozen(templateByName('front-proxy')!.build());
    expect(updateListener(design, 'listener-1', { port: 9000 }).listeners[0].port).toBe(9000);
    expect(updateRoute(design, 'route-1', { domains: ['a.example.com'] }).routes[0].domains).toEqual(['a.example.com']);
    const rule = updateRule(design, 'rule-3', { name: 'catch-all' });
    expect(rule.routes[1].rules.map((r) => r.name)).toEqual(['', 'catch-all']);
    expect(rule.routes[0]).toEqual(design.routes[0]);
    expect(updateDeployment(design, { namespace: 'edge' }).deployment).toEqual({ ...before.deployment, namespace: 'edge' });
    expect(design).toEqual(before);
  });

  it('an unknown id changes nothing', () => {
    const design = deepFreeze(templateByName('front-proxy')!.build());
    expect(updateCluster(design, 'cluster-9', { name: 'x' })).toEqual(design);
    expect(renameElement(design, 'nope', 'x')).toBe(design);
    expect(removeElement(design, 'nope')).toBe(design);
  });

  it('findElement finds every kind, rules with their route', () => {
    const design = templateByName('front-proxy')!.build();
    expect(findElement(design, 'listener-1')?.kind).toBe('listener');
    expect(findElement(design, 'route-2')?.kind).toBe('route');
    expect(findElement(design, 'cluster-1')?.kind).toBe('cluster');
    const rule = findElement(design, 'rule-2');
    expect(rule?.kind === 'rule' && rule.route.id).toBe('route-2');
    expect(findElement(design, 'rule-99')).toBeNull();
  });
});

describe('rename', () => {
  it('renames each kind of element by id', () => {
    const { design, before } = frozen(templateByName('front-proxy')!.build());
    expect(renameElement(design, 'listener-1', 'edge').listeners[0].name).toBe('edge');
    expect(renameElement(design, 'route-1', 'api-host').routes[0].name).toBe('api-host');
    expect(renameElement(design, 'cluster-2', 'api-v2').clusters[1].name).toBe('api-v2');
    expect(renameElement(design, 'rule-2', 'by-path').routes[1].rules[0].name).toBe('by-path');
    expect(design).toEqual(before);
  });

  it('renaming a cluster changes its name everywhere in envoy.json, and nothing else', () => {
    const design = deepFreeze(clusterUsedEverywhere());
    const beforeText = generateFiles(design)['envoy.json'];
    const renamed = renameElement(design, 'cluster-1', 'payments-new');
    const after = JSON.parse(generateFiles(renamed)['envoy.json']);

    const [http, tcp] = after.static_resources.listeners;
    const routes = http.filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes;
    expect(routes[0].route.cluster).toBe('payments-new');
    expect(routes[1].route.weighted_clusters.clusters).toEqual([
      { name: 'cluster-2', weight: 50 },
      { name: 'payments-new', weight: 50 },
    ]);
    expect(tcp.filter_chains[0].filters[0].typed_config.cluster).toBe('payments-new');
    expect(after.static_resources.clusters[0].name).toBe('payments-new');
    expect(after.static_resources.clusters[0].load_assignment.cluster_name).toBe('payments-new');

    // Exactly those five places: the text differs only by the name, nowhere else.
    expect(beforeText.split('"payments-old"').length - 1).toBe(5);
    expect(JSON.stringify(after, null, 2) + '\n').toBe(beforeText.replaceAll('"payments-old"', '"payments-new"'));
    // The design itself: only the cluster's name differs.
    expect(renamed).toEqual({ ...design, clusters: [{ ...design.clusters[0], name: 'payments-new' }, design.clusters[1]] });
  });
});

describe('remove', () => {
  it('removing a route unlinks it from every listener and drops its layout', () => {
    let d = templateByName('front-proxy')!.build();
    d = updateListener(d, 'listener-1', { routeIds: ['route-1', 'route-2'] });
    d = addListener(d).design;
    d = updateListener(d, 'listener-2', { routeIds: ['route-2', 'route-1'] });
    const { design, before } = frozen(d);
    const next = removeElement(design, 'route-1');
    expect(next.routes.map((r) => r.id)).toEqual(['route-2']);
    expect(next.listeners.map((l) => l.routeIds)).toEqual([['route-2'], ['route-2']]);
    expect(next.layout).not.toHaveProperty('route-1');
    expect(designProblems(next)).toEqual([]);
    expect(findElement(next, 'rule-1')).toBeNull();
    expect(design).toEqual(before);
  });

  it('removing a used cluster leaves dangling references that designProblems reports, and does not rewire', () => {
    const { design, before } = frozen(clusterUsedEverywhere());
    const next = removeElement(design, 'cluster-1');
    expect(next.clusters.map((c) => c.id)).toEqual(['cluster-2']);
    expect(next.layout).not.toHaveProperty('cluster-1');
    // Every reference still names cluster-1: nothing silently points at cluster-2 now.
    expect(next.listeners[1].tcpClusterId).toBe('cluster-1');
    expect(next.routes[0].rules[0].action).toMatchObject({ kind: 'cluster', clusterId: 'cluster-1' });
    expect(next.routes[0].rules[1].action).toMatchObject({
      kind: 'weighted',
      clusters: [
        { clusterId: 'cluster-2', weight: 50 },
        { clusterId: 'cluster-1', weight: 50 },
      ],
    });
    expect(next.routes).toEqual(design.routes);
    expect(next.listeners).toEqual(design.listeners);
    expect(designProblems(next)).toEqual([
      { elementId: 'listener-2', message: 'proxies to cluster cluster-1, which was removed' },
      { elementId: 'rule-1', message: 'forwards to cluster cluster-1, which was removed' },
      { elementId: 'rule-2', message: 'forwards to cluster cluster-1, which was removed' },
    ]);
    // The generated config names the missing id, so Envoy reports an unknown cluster.
    const envoy = JSON.parse(generateFiles(next)['envoy.json']);
    const vhost = envoy.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0];
    expect(vhost.routes[0].route.cluster).toBe('cluster-1');
    expect(envoy.static_resources.listeners[1].filter_chains[0].filters[0].typed_config.cluster).toBe('cluster-1');
    expect(designProblems(design)).toEqual([]);
    expect(design).toEqual(before);
  });

  it('removes listeners and rules, dropping their layout', () => {
    const { design, before } = frozen(setPosition(templateByName('front-proxy')!.build(), 'rule-2', { x: 5, y: 5 }));
    const noListener = removeElement(design, 'listener-1');
    expect(noListener.listeners).toEqual([]);
    expect(noListener.layout).not.toHaveProperty('listener-1');
    expect(noListener.routes).toEqual(design.routes);
    const noRule = removeElement(design, 'rule-2');
    expect(noRule.routes[1].rules.map((r) => r.id)).toEqual(['rule-3']);
    expect(noRule.layout).not.toHaveProperty('rule-2');
    expect(noRule.routes[0]).toEqual(design.routes[0]);
    expect(design).toEqual(before);
  });
});

describe('reorder', () => {
  function threeRules(): Design {
    let d = run(emptyDesign(), [addRoute, addRoute]).design; // route-1: rule-1, route-2: rule-2
    d = addRule(d, 'route-1').design; // rule-3
    d = addRule(d, 'route-1').design; // rule-4
    return d;
  }
  const order = (d: Design, routeIndex = 0) => d.routes[routeIndex].rules.map((r) => r.id);

  it('moves a rule within its route, both directions', () => {
    const { design, before } = frozen(threeRules());
    expect(order(design)).toEqual(['rule-1', 'rule-3', 'rule-4']);
    expect(order(reorderRule(design, 'route-1', 0, 2))).toEqual(['rule-3', 'rule-4', 'rule-1']);
    expect(order(reorderRule(design, 'route-1', 2, 0))).toEqual(['rule-4', 'rule-1', 'rule-3']);
    expect(order(reorderRule(design, 'route-1', 1, 1))).toEqual(['rule-1', 'rule-3', 'rule-4']);
    expect(order(reorderRule(design, 'route-1', 0, 2), 1)).toEqual(['rule-2']);
    expect(design).toEqual(before);
  });

  it('reordering changes the order of routes in envoy.json', () => {
    // No listener serves route-1 yet: serve it first.
    const served = updateListener(addListener(threeRules()).design, 'listener-1', { routeIds: ['route-1'] });
    const named = updateRule(updateRule(served, 'rule-1', { name: 'first' }), 'rule-4', { name: 'last' });
    const moved = reorderRule(named, 'route-1', 2, 0);
    const routes = JSON.parse(generateFiles(moved)['envoy.json']).static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes;
    expect(routes.map((r: { name?: string }) => r.name ?? null)).toEqual(['last', 'first', null]);
  });

  it.each([
    [-1, 0],
    [0, -1],
    [3, 0],
    [0, 3],
    [99, 1],
  ])('out of range (%i → %i) is a no-op', (from, to) => {
    const { design, before } = frozen(threeRules());
    expect(reorderRule(design, 'route-1', from, to)).toEqual(before);
  });

  it('an unknown route is a no-op', () => {
    const { design, before } = frozen(threeRules());
    expect(reorderRule(design, 'route-9', 0, 1)).toEqual(before);
  });

  it('reorders the routes a listener serves', () => {
    const { design, before } = frozen(updateListener(templateByName('front-proxy')!.build(), 'listener-1', { routeIds: ['route-1', 'route-2'] }));
    expect(reorderListenerRoute(design, 'listener-1', 0, 1).listeners[0].routeIds).toEqual(['route-2', 'route-1']);
    expect(reorderListenerRoute(design, 'listener-1', 0, 5).listeners[0].routeIds).toEqual(['route-1', 'route-2']);
    expect(design).toEqual(before);
  });
});

describe('setPosition', () => {
  it('changes only layout: every generated file but design.json and the README link stays byte-identical', () => {
    const { design, before } = frozen(templateByName('tls-edge')!.build());
    const moved = setPosition(setPosition(design, 'cluster-1', { x: -40, y: 999.5 }), 'rule-2', { x: 1, y: 2 });
    expect(moved.layout['cluster-1']).toEqual({ x: -40, y: 999.5 });
    expect(moved.layout['rule-2']).toEqual({ x: 1, y: 2 });
    const { layout: _a, ...semantics } = moved;
    const { layout: _b, ...original } = before;
    expect(semantics).toEqual(original);
    const beforeFiles = generateFiles(before);
    const afterFiles = generateFiles(moved);
    for (const file of Object.keys(beforeFiles) as (keyof typeof beforeFiles)[]) {
      // The README carries a permalink to the exact design, positions included.
      if (file === 'design.json' || file === 'README.md') expect(afterFiles[file]).not.toBe(beforeFiles[file]);
      else expect(afterFiles[file], file).toBe(beforeFiles[file]);
    }
    expect(design).toEqual(before);
  });
});

describe('test fixture', () => {
  it('a weighted split built by hand and by connect generate the same config', () => {
    // Guards clusterUsedEverywhere(): connect's 50/50 split is the same as weightedAction's.
    const d = clusterUsedEverywhere();
    const byHand = updateRule(d, 'rule-2', {
      action: weightedAction([
        { clusterId: 'cluster-2', weight: 50 },
        { clusterId: 'cluster-1', weight: 50 },
      ]),
    });
    expect(generateFiles(byHand)['envoy.json']).toBe(generateFiles(d)['envoy.json']);
  });
});
