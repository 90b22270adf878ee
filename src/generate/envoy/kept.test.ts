import { describe, expect, it } from 'vitest';
import { templateByName } from '../../model/templates';
import { applyKept, rawElement } from './kept';
import { buildBootstrap } from './bootstrap';

describe('applyKept', () => {
  const generated = { name: 'l', address: { socket_address: { address: '0.0.0.0', port_value: 80 } }, list: [1, 2], stat: 'l' };

  it('returns the generated object itself when nothing is kept', () => {
    expect(applyKept(generated, undefined)).toBe(generated);
    expect(applyKept(generated, {})).toBe(generated);
  });

  it('adds what the model does not generate: values, lists, and objects marked $value', () => {
    expect(applyKept(generated, { extra: { $value: { a: [null, 1] } }, flag: true, more: [1] })).toEqual({ ...generated, extra: { a: [null, 1] }, flag: true, more: [1] });
  });

  it('patches a generated object, recursively; skips the patch when the model generates none', () => {
    expect(applyKept(generated, { address: { socket_address: { protocol: 'TCP' } } })).toEqual({
      ...generated,
      address: { socket_address: { address: '0.0.0.0', port_value: 80, protocol: 'TCP' } },
    });
    expect(applyKept(generated, { transport_socket: { typed_config: { sni: 'x' } } })).toEqual(generated);
  });

  it('model edits win: an added key the model now generates, a replacement of a value since edited', () => {
    expect(applyKept(generated, { stat: 'kept', list: [9] })).toEqual(generated);
    expect(applyKept(generated, { stat: { $replaceIfEqual: 'l', with: 'ingress' }, list: { $replaceIfEqual: [1, 2], with: [3] } })).toEqual({ ...generated, stat: 'ingress', list: [3] });
    expect(applyKept(generated, { stat: { $replaceIfEqual: 'renamed', with: 'ingress' } })).toEqual(generated);
    expect(applyKept(generated, { missing: { $replaceIfEqual: 1, with: 2 } })).toEqual(generated);
  });

  it('null removes a key; $omitIfEqual removes it only while the generated value is unchanged', () => {
    expect(applyKept(generated, { stat: null })).not.toHaveProperty('stat');
    expect(applyKept(generated, { name: { $omitIfEqual: 'l' } })).not.toHaveProperty('name');
    expect(applyKept(generated, { name: { $omitIfEqual: 'other' } })).toHaveProperty('name', 'l');
    expect(applyKept(generated, { missing: { $omitIfEqual: 1 } })).not.toHaveProperty('missing');
    expect(applyKept(generated, { address: { $omitIfEqual: { socket_address: { port_value: 80, address: '0.0.0.0' } } } })).not.toHaveProperty('address');
  });

  it('never changes its inputs and sets "__proto__" as a plain key', () => {
    const patch = JSON.parse('{"__proto__": {"$value": {"polluted": true}}, "address": {"socket_address": {"port_value": {"$replaceIfEqual": 80, "with": 81}}}}');
    const out = applyKept(generated, patch) as typeof generated;
    expect(out.address.socket_address.port_value).toBe(81);
    expect(generated.address.socket_address.port_value).toBe(80);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a raw element is emitted as kept, its name following the element', () => {
    const raw = { name: 'old', type: 'EDS', eds_cluster_config: {} };
    expect(rawElement(raw, 'old')).toBe(raw);
    expect(rawElement(raw, 'new')).toEqual({ name: 'new', type: 'EDS', eds_cluster_config: {} });
    expect(rawElement({ type: 'EDS' }, 'shown name')).toEqual({ type: 'EDS' });
  });
});

describe('the generator emits kept data at its place', () => {
  const design = templateByName('front-proxy')!.build();

  it('on the bootstrap, listener levels, virtual host, rule, cluster, locality and endpoint', () => {
    const [listener] = design.listeners;
    const route = design.routes[0];
    const cluster = design.clusters[0];
    const bootstrap = buildBootstrap({
      ...design,
      keptBootstrap: { node: { $value: { id: 'n' } }, admin: { access_log: [] } },
      listeners: [
        {
          ...listener,
          kept: {
            listener: { listener_filters: [{ name: 'tls' }] },
            filterChainsBefore: [{ name: 'before' }],
            filterChain: { name: 'main' },
            filtersBefore: [{ name: 'rbac' }],
            filtersAfter: [{ name: 'after' }],
            filter: { typed_config: { stat_prefix: { $replaceIfEqual: 'front', with: 'ingress_http' }, http_filters: { $replaceIfEqual: [{ name: 'envoy.filters.http.router', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router' } }], with: [] } } },
            filterFor: 'http',
          },
        },
        ...design.listeners.slice(1),
      ],
      routes: [{ ...route, kept: { typed_per_filter_config: { $value: { x: 1 } } }, rules: route.rules.map((r, i) => (i === 0 ? { ...r, kept: { decorator: { $value: { operation: 'op' } } } } : r)) }, ...design.routes.slice(1)],
      clusters: [
        { ...cluster, kept: { cluster: { dns_lookup_family: 'V4_ONLY' }, locality: { priority: 1 } }, endpoints: cluster.endpoints.map((e) => ({ ...e, kept: { metadata: { $value: { m: 1 } } } })) },
        ...design.clusters.slice(1),
      ],
    }) as any;
    expect(bootstrap.node).toEqual({ id: 'n' });
    expect(bootstrap.admin.access_log).toEqual([]);
    expect(bootstrap.admin.address).toBeDefined();
    const out = bootstrap.static_resources.listeners[0];
    expect(out.listener_filters).toEqual([{ name: 'tls' }]);
    expect(out.filter_chains.map((c: any) => c.name)).toEqual(['before', 'main']);
    expect(out.filter_chains[1].filters.map((f: any) => f.name)).toEqual(['rbac', 'envoy.filters.network.http_connection_manager', 'after']);
    const hcm = out.filter_chains[1].filters[1].typed_config;
    expect(hcm.stat_prefix).toBe('ingress_http');
    expect(hcm.http_filters).toEqual([]);
    expect(hcm.route_config.virtual_hosts[0].typed_per_filter_config).toEqual({ x: 1 });
    expect(hcm.route_config.virtual_hosts[0].routes[0].decorator).toEqual({ operation: 'op' });
    const outCluster = bootstrap.static_resources.clusters[0];
    expect(outCluster.dns_lookup_family).toBe('V4_ONLY');
    expect(outCluster.load_assignment.endpoints[0].priority).toBe(1);
    expect(outCluster.load_assignment.endpoints[0].lb_endpoints[0].metadata).toEqual({ m: 1 });
  });

  it('a listener’s kept filter config applies only to the protocol it was kept for', () => {
    const listener = { ...design.listeners[0], kept: { filter: { typed_config: { use_remote_address: true } }, filterFor: 'http' as const } };
    const emitted = (l: typeof listener) => (buildBootstrap({ ...design, listeners: [l] }) as any).static_resources.listeners[0].filter_chains[0].filters[0].typed_config;
    expect(emitted(listener).use_remote_address).toBe(true);
    expect(emitted({ ...listener, protocol: 'tcp', tcpClusterId: design.clusters[0].id })).not.toHaveProperty('use_remote_address');
  });

  it('raw listeners and clusters replace what the model would build', () => {
    const bootstrap = buildBootstrap({
      ...design,
      listeners: [{ ...design.listeners[0], raw: { name: design.listeners[0].name, udp_listener_config: {} } }],
      clusters: [{ ...design.clusters[0], raw: { name: design.clusters[0].name, type: 'EDS' } }, ...design.clusters.slice(1)],
    }) as any;
    expect(bootstrap.static_resources.listeners[0]).toEqual({ name: design.listeners[0].name, udp_listener_config: {} });
    expect(bootstrap.static_resources.clusters[0]).toEqual({ name: design.clusters[0].name, type: 'EDS' });
  });
});
