import { describe, expect, it } from 'vitest';
import { generateFiles } from '../generate/files';
import { connect, connectionRefusal, disconnect, ruleTargets, setWeight } from './connections';
import { forwardAction } from './defaults';
import { addCluster, addListener, addRoute, addRule, findElement, updateListener, updateRule } from './operations';
import type { Design, Rule, RuleAction } from './schema';
import { defaultDesign } from './templates';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * listener-1 (http), listener-2 (tcp), route-1 with rule-1 (forward, unconnected), rule-2
 * (redirect) and rule-3 (direct response), route-2 with rule-4, and cluster-1..3. Frozen.
 */
function fixture(): Design {
  let d: Design = { ...defaultDesign(), listeners: [], routes: [], clusters: [], layout: {} };
  d = addListener(d).design;
  d = addListener(d).design;
  d = updateListener(d, 'listener-2', { protocol: 'tcp' });
  d = addRoute(d).design; // route-1, rule-1
  d = addRule(d, 'route-1').design; // rule-2
  d = addRule(d, 'route-1').design; // rule-3
  d = addRoute(d).design; // route-2, rule-4
  d = updateRule(d, 'rule-2', {
    action: { kind: 'redirect', hostRedirect: null, pathRedirect: null, httpsRedirect: true, responseCode: 'MOVED_PERMANENTLY' },
  });
  d = updateRule(d, 'rule-3', { action: { kind: 'direct', status: 404, body: 'nope' } });
  for (let i = 0; i < 3; i++) d = addCluster(d).design;
  return deepFreeze(d);
}

function connected(design: Design, source: string, target: string): Design {
  const result = connect(design, source, target);
  if (!result.ok) throw new Error(`${source} → ${target} refused: ${result.reason}`);
  return deepFreeze(result.design);
}

function ruleOf(design: Design, id: string): Rule {
  const found = findElement(design, id);
  if (found?.kind !== 'rule') throw new Error(`${id} is not a rule`);
  return found.element;
}
const actionOf = (design: Design, id: string): RuleAction => ruleOf(design, id).action;

const RETRY = { retryOn: '5xx,reset', numRetries: 3, perTryTimeout: '1.5s' };
/** rule-1 forwarding to cluster-1 with every forward option set. */
function forwardWithOptions(): Design {
  const d = updateRule(fixture(), 'rule-1', {
    action: { ...forwardAction('cluster-1'), timeout: '7s', retry: RETRY, prefixRewrite: '/v2/', hostRewrite: 'api.internal', websocket: true },
  });
  return deepFreeze(d);
}
const OPTIONS = { timeout: '7s', retry: RETRY, prefixRewrite: '/v2/', hostRewrite: 'api.internal', websocket: true };

describe('allowed edges', () => {
  it('http listener → route: serves the route, in order', () => {
    const design = fixture();
    expect(connectionRefusal(design, 'listener-1', 'route-2')).toBeNull();
    const next = connected(connected(design, 'listener-1', 'route-2'), 'listener-1', 'route-1');
    expect(next.listeners[0].routeIds).toEqual(['route-2', 'route-1']);
    expect(next.listeners[1]).toBe(design.listeners[1]);
    expect(design.listeners[0].routeIds).toEqual([]);
  });

  it('tcp listener → cluster: proxies to it; a later cluster replaces it', () => {
    const design = fixture();
    expect(connectionRefusal(design, 'listener-2', 'cluster-2')).toBeNull();
    const once = connected(design, 'listener-2', 'cluster-2');
    expect(once.listeners[1].tcpClusterId).toBe('cluster-2');
    expect(once.listeners[1].routeIds).toEqual([]);
    expect(connected(once, 'listener-2', 'cluster-3').listeners[1].tcpClusterId).toBe('cluster-3');
    const envoy = JSON.parse(generateFiles(once)['envoy.json']);
    expect(envoy.static_resources.listeners[1].filter_chains[0].filters[0].typed_config.cluster).toBe('cluster-2');
  });

  it('rule → cluster: an unconnected forward takes the cluster', () => {
    const design = fixture();
    expect(actionOf(design, 'rule-1')).toMatchObject({ kind: 'cluster', clusterId: null });
    expect(connectionRefusal(design, 'rule-1', 'cluster-3')).toBeNull();
    const next = connected(design, 'rule-1', 'cluster-3');
    expect(actionOf(next, 'rule-1')).toEqual(forwardAction('cluster-3'));
    expect(ruleTargets(ruleOf(next, 'rule-1'))).toEqual(['cluster-3']);
    expect(next.routes[1]).toBe(design.routes[1]);
  });

  it('a second cluster turns a forward into a 50/50 weighted split that keeps timeout, retry and rewrites', () => {
    const design = forwardWithOptions();
    const split = connected(design, 'rule-1', 'cluster-2');
    expect(actionOf(split, 'rule-1')).toEqual({
      kind: 'weighted',
      clusters: [
        { clusterId: 'cluster-1', weight: 50 },
        { clusterId: 'cluster-2', weight: 50 },
      ],
      ...OPTIONS,
    });
    // And in the config Envoy gets: the options sit beside weighted_clusters.
    const d = connected(split, 'listener-1', 'route-1');
    const route = JSON.parse(generateFiles(d)['envoy.json']).static_resources.listeners[0].filter_chains[0].filters[0].typed_config
      .route_config.virtual_hosts[0].routes[0].route;
    expect(route).toEqual({
      weighted_clusters: { clusters: [{ name: 'cluster', weight: 50 }, { name: 'cluster-2', weight: 50 }] },
      timeout: '7s',
      prefix_rewrite: '/v2/',
      host_rewrite_literal: 'api.internal',
      retry_policy: { retry_on: '5xx,reset', num_retries: 3, per_try_timeout: '1.5s' },
      upgrade_configs: [{ upgrade_type: 'websocket', enabled: true }],
    });
  });

  it('a third cluster joins the split at weight 50', () => {
    const split = connected(connected(forwardWithOptions(), 'rule-1', 'cluster-2'), 'rule-1', 'cluster-3');
    expect(actionOf(split, 'rule-1')).toEqual({
      kind: 'weighted',
      clusters: [
        { clusterId: 'cluster-1', weight: 50 },
        { clusterId: 'cluster-2', weight: 50 },
        { clusterId: 'cluster-3', weight: 50 },
      ],
      ...OPTIONS,
    });
  });
});

describe('disconnect', () => {
  it('disconnecting a split back to one cluster makes it a plain forward, options kept', () => {
    const split = connected(forwardWithOptions(), 'rule-1', 'cluster-2');
    const back = deepFreeze(disconnect(split, 'rule-1', 'cluster-1'));
    expect(actionOf(back, 'rule-1')).toEqual({ kind: 'cluster', clusterId: 'cluster-2', ...OPTIONS });
    expect(disconnect(back, 'rule-1', 'cluster-2').routes[0].rules[0].action).toEqual({ kind: 'cluster', clusterId: null, ...OPTIONS });
  });

  it('a split of three loses one cluster and stays a split with the others’ weights', () => {
    let d = connected(connected(forwardWithOptions(), 'rule-1', 'cluster-2'), 'rule-1', 'cluster-3');
    d = setWeight(d, 'rule-1', 'cluster-3', 7);
    const next = disconnect(deepFreeze(d), 'rule-1', 'cluster-2');
    expect(actionOf(next, 'rule-1')).toEqual({
      kind: 'weighted',
      clusters: [
        { clusterId: 'cluster-1', weight: 50 },
        { clusterId: 'cluster-3', weight: 7 },
      ],
      ...OPTIONS,
    });
  });

  it('unlinks listener → route and tcp listener → cluster', () => {
    let d = connected(connected(fixture(), 'listener-1', 'route-1'), 'listener-1', 'route-2');
    d = connected(d, 'listener-2', 'cluster-1');
    expect(disconnect(d, 'listener-1', 'route-1').listeners[0].routeIds).toEqual(['route-2']);
    expect(disconnect(d, 'listener-2', 'cluster-1').listeners[1].tcpClusterId).toBeNull();
    // Not an edge: nothing changes.
    expect(disconnect(d, 'listener-2', 'cluster-2')).toEqual(d);
    expect(disconnect(d, 'rule-1', 'cluster-2')).toEqual(d);
    expect(disconnect(d, 'cluster-1', 'listener-2')).toEqual(d);
    expect(disconnect(d, 'missing', 'cluster-1')).toBe(d);
  });
});

describe('setWeight', () => {
  it('sets one cluster’s weight in a split and nothing else', () => {
    const split = connected(forwardWithOptions(), 'rule-1', 'cluster-2');
    const next = setWeight(split, 'rule-1', 'cluster-2', 10);
    expect(actionOf(next, 'rule-1')).toMatchObject({
      clusters: [
        { clusterId: 'cluster-1', weight: 50 },
        { clusterId: 'cluster-2', weight: 10 },
      ],
    });
    expect(actionOf(split, 'rule-1')).toMatchObject({ clusters: [{ weight: 50 }, { weight: 50 }] });
  });

  it('is a no-op on a rule that is not a split', () => {
    const design = forwardWithOptions();
    expect(setWeight(design, 'rule-1', 'cluster-1', 10)).toEqual(design);
    expect(setWeight(design, 'rule-2', 'cluster-1', 10)).toEqual(design);
  });
});

describe('refused edges', () => {
  // Built once, frozen: refusals must leave it untouched.
  const base = connected(connected(connected(fixture(), 'listener-1', 'route-1'), 'rule-4', 'cluster-1'), 'listener-2', 'cluster-1');
  const split = connected(connected(base, 'rule-1', 'cluster-1'), 'rule-1', 'cluster-2');

  it.each([
    ['cluster → listener', base, 'cluster-1', 'listener-1'],
    ['cluster → cluster', base, 'cluster-1', 'cluster-2'],
    ['cluster → route', base, 'cluster-1', 'route-1'],
    ['route → route', base, 'route-1', 'route-2'],
    ['route → cluster', base, 'route-1', 'cluster-1'],
    ['route → listener', base, 'route-1', 'listener-1'],
    ['http listener → cluster', base, 'listener-1', 'cluster-1'],
    ['http listener → rule', base, 'listener-1', 'rule-1'],
    ['http listener → listener', base, 'listener-1', 'listener-2'],
    ['tcp listener → route', base, 'listener-2', 'route-1'],
    ['rule → route', base, 'rule-1', 'route-2'],
    ['rule → listener', base, 'rule-1', 'listener-1'],
    ['rule → rule', base, 'rule-1', 'rule-4'],
    ['redirect rule → cluster', base, 'rule-2', 'cluster-1'],
    ['direct-response rule → cluster', base, 'rule-3', 'cluster-1'],
    ['duplicate listener → route', base, 'listener-1', 'route-1'],
    ['duplicate rule → cluster (forward)', base, 'rule-4', 'cluster-1'],
    ['duplicate rule → cluster (in a split)', split, 'rule-1', 'cluster-2'],
    ['unknown source', base, 'listener-9', 'route-1'],
    ['unknown target', base, 'rule-1', 'cluster-9'],
    ['self edge', base, 'cluster-1', 'cluster-1'],
  ] as const)('%s', (_label, design, source, target) => {
    const reason = connectionRefusal(design, source, target);
    expect(typeof reason).toBe('string');
    expect(reason!.length).toBeGreaterThan(10);
    expect(connect(design, source, target)).toEqual({ ok: false, reason });
  });

  it('gives the reason that fits the mistake', () => {
    expect(connectionRefusal(base, 'cluster-1', 'listener-1')).toMatch(/upstream/i);
    expect(connectionRefusal(base, 'listener-1', 'cluster-1')).toMatch(/route/i);
    expect(connectionRefusal(base, 'listener-2', 'route-1')).toMatch(/one cluster/i);
    expect(connectionRefusal(base, 'rule-2', 'cluster-1')).toMatch(/redirect or direct/i);
    expect(connectionRefusal(base, 'listener-1', 'route-1')).toMatch(/already/i);
    expect(connectionRefusal(split, 'rule-1', 'cluster-2')).toMatch(/already/i);
    expect(connectionRefusal(base, 'route-1', 'cluster-1')).toMatch(/rule/i);
    expect(connectionRefusal(base, 'nope', 'cluster-1')).toMatch(/elements of the design/i);
  });

  it('a refused connect changes nothing in the design', () => {
    // connect returns no design on refusal; the frozen input proves nothing was mutated on the way.
    for (const [s, t] of [['rule-2', 'cluster-1'], ['cluster-1', 'listener-1'], ['listener-1', 'route-1']]) {
      const result = connect(base, s, t);
      expect(result.ok).toBe(false);
      expect(result).not.toHaveProperty('design');
    }
  });
});
