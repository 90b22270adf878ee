import { describe, expect, it } from 'vitest';
import { loadEnvoyRegistry } from './envoySchema.node.ts';
import { CORS, RC, ROUTER, TCP_PROXY, bootstrap, cluster, hcm, listener, routeConfig } from './bootstrap.testkit.ts';
import { validateEnvoyConfig, type Finding } from './index.ts';
import { isIpLiteral } from './loadTimeClusters.ts';

const registry = loadEnvoyRegistry();
const HCM_PATH = 'static_resources.listeners[0].filter_chains[0].filters[0].typed_config';
const VH = `${RC}.virtual_hosts`;

/** Findings other than infos: what a case is about. */
const problems = (json: unknown): Finding[] => validateEnvoyConfig(json, registry).filter((f) => f.severity !== 'info');

const route = (action: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ match: { prefix: '/' }, route: action, ...extra });
const withRoutes = (routes: unknown[], hostExtra: Record<string, unknown> = {}, clusters = [cluster(), cluster('service_b')]) =>
  bootstrap({ routeConfig: routeConfig({ virtual_hosts: [{ name: 'backend', domains: ['*'], routes, ...hostExtra }] }), clusters });
const withHosts = (hosts: { name: string; domains: string[] }[], extra: Record<string, unknown> = {}) =>
  bootstrap({ routeConfig: routeConfig({ virtual_hosts: hosts.map((h) => ({ ...h, routes: [route({ cluster: 'service_a' })] })), ...extra }) });
const withFilters = (httpFilters: unknown[]) => bootstrap({ listeners: [listener('listener_0', 10000, hcm({ http_filters: httpFilters }))] });
const router = { name: 'envoy.filters.http.router', typed_config: { '@type': ROUTER } };
const cors = { name: 'cors', typed_config: { '@type': CORS } };
const staticCluster = (address: string) =>
  cluster('service_a', { type: 'STATIC', load_assignment: { cluster_name: 'a', endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address, port_value: 80 } } } }] }] } });
const logicalDns = (endpoints: unknown[]) => cluster('service_a', { type: 'LOGICAL_DNS', load_assignment: { cluster_name: 'a', endpoints } });
const lbEndpoint = (host: string) => ({ endpoint: { address: { socket_address: { address: host, port_value: 80 } } } });

type Case = { name: string; bad: unknown; fixed: unknown; expected: Partial<Finding> };

const CASES: Case[] = [
  {
    name: 'unknown cluster in a route',
    bad: withRoutes([route({ cluster: 'nope' })]),
    fixed: withRoutes([route({ cluster: 'service_a' })]),
    expected: { rule: 'envoy.unknown-cluster', path: `${VH}[0].routes[0].route.cluster`, message: "route: unknown cluster 'nope'" },
  },
  {
    name: 'unknown weighted cluster',
    bad: withRoutes([route({ weighted_clusters: { clusters: [{ name: 'service_a', weight: 1 }, { name: 'gone', weight: 1 }] } })]),
    fixed: withRoutes([route({ weighted_clusters: { clusters: [{ name: 'service_a', weight: 1 }, { name: 'service_b', weight: 1 }] } })]),
    expected: { rule: 'envoy.unknown-cluster', path: `${VH}[0].routes[0].route.weighted_clusters.clusters[1].name`, message: "route: unknown weighted cluster 'gone'" },
  },
  {
    name: 'unknown shadow (mirror) cluster',
    bad: withRoutes([route({ cluster: 'service_a', request_mirror_policies: [{ cluster: 'shadow' }] })]),
    fixed: withRoutes([route({ cluster: 'service_a', request_mirror_policies: [{ cluster: 'service_b' }] })]),
    expected: { rule: 'envoy.unknown-cluster', path: `${VH}[0].routes[0].route.request_mirror_policies[0].cluster`, message: "route: unknown shadow cluster 'shadow'" },
  },
  {
    name: 'duplicate domain across virtual hosts, compared lower-cased',
    bad: withHosts([{ name: 'a', domains: ['api.example.com'] }, { name: 'b', domains: ['API.example.com'] }]),
    fixed: withHosts([{ name: 'a', domains: ['api.example.com'] }, { name: 'b', domains: ['web.example.com'] }]),
    expected: {
      rule: 'envoy.duplicate-domain',
      path: `${VH}[1].domains[0]`,
      message: 'Only unique values for domains are permitted. Duplicate entry of domain api.example.com in route local_route',
    },
  },
  {
    name: 'more than one * domain',
    bad: withHosts([{ name: 'a', domains: ['*'] }, { name: 'b', domains: ['*'] }]),
    fixed: withHosts([{ name: 'a', domains: ['*'] }, { name: 'b', domains: ['b.example.com'] }]),
    expected: { rule: 'envoy.multiple-wildcard-domains', path: `${VH}[1].domains[0]`, message: 'Only a single wildcard domain is permitted in route local_route' },
  },
  {
    name: 'weighted clusters adding up to 0',
    bad: withRoutes([route({ weighted_clusters: { clusters: [{ name: 'service_a', weight: 0 }, { name: 'service_b', weight: 0 }] } })]),
    fixed: withRoutes([route({ weighted_clusters: { clusters: [{ name: 'service_a', weight: 0 }, { name: 'service_b', weight: 1 }] } })]),
    expected: { rule: 'envoy.weighted-cluster-weight', path: `${VH}[0].routes[0].route.weighted_clusters`, message: 'Sum of weights in the weighted_cluster must be greater than 0.' },
  },
  {
    name: 'a weighted cluster without a weight',
    bad: withRoutes([route({ weighted_clusters: { clusters: [{ name: 'service_a', weight: 50 }, { name: 'service_b' }] } })]),
    fixed: withRoutes([route({ weighted_clusters: { clusters: [{ name: 'service_a', weight: 50 }, { name: 'service_b', weight: 50 }] } })]),
    expected: { rule: 'envoy.weighted-cluster-weight', path: `${VH}[0].routes[0].route.weighted_clusters.clusters[1]`, message: `Field 'weight' is missing in: name: "service_b"` },
  },
  {
    name: 'prefix_rewrite together with regex_rewrite',
    bad: withRoutes([route({ cluster: 'service_a', prefix_rewrite: '/', regex_rewrite: { pattern: { regex: '^/a' }, substitution: '/' } })]),
    fixed: withRoutes([route({ cluster: 'service_a', prefix_rewrite: '/' })]),
    expected: { rule: 'envoy.multiple-rewrites', path: `${VH}[0].routes[0].route`, message: 'Specify only one of prefix_rewrite, regex_rewrite or path_rewrite_policy' },
  },
  {
    name: 'a route adding a :-prefixed header',
    bad: withRoutes([route({ cluster: 'service_a' }, { request_headers_to_add: [{ header: { key: ':path', value: '/x' } }] })]),
    fixed: withRoutes([route({ cluster: 'service_a' }, { request_headers_to_add: [{ header: { key: 'x-path', value: '/x' } }] })]),
    expected: { rule: 'envoy.protected-header', path: `${VH}[0].routes[0].request_headers_to_add[0].header.key`, message: ':-prefixed or host headers may not be modified' },
  },
  {
    name: 'a virtual host removing the host header',
    bad: withRoutes([route({ cluster: 'service_a' })], { request_headers_to_remove: ['Host'] }),
    fixed: withRoutes([route({ cluster: 'service_a' })], { request_headers_to_remove: ['x-forwarded-host'] }),
    expected: { rule: 'envoy.protected-header', path: `${VH}[0].request_headers_to_remove[0]`, message: ':-prefixed or host headers may not be removed' },
  },
  {
    name: 'the router before another HTTP filter',
    bad: withFilters([router, cors, router]),
    fixed: withFilters([cors, router]),
    expected: {
      rule: 'envoy.filter-order',
      path: `${HCM_PATH}.http_filters[0]`,
      message: 'Error: terminal filter named envoy.filters.http.router of type envoy.filters.http.router must be the last filter in a http filter chain.',
    },
  },
  {
    name: 'a non-terminal HTTP filter last',
    bad: withFilters([cors]),
    fixed: withFilters([cors, router]),
    expected: { rule: 'envoy.filter-order', path: `${HCM_PATH}.http_filters[0]`, message: 'Error: non-terminal filter named cors of type envoy.filters.http.cors is the last filter in a http filter chain.' },
  },
  {
    name: 'an HTTP filter without typed_config',
    bad: withFilters([{ name: 'envoy.router' }]),
    fixed: withFilters([router]),
    expected: { rule: 'envoy.missing-typed-config', path: `${HCM_PATH}.http_filters[0]`, message: "Didn't find a registered implementation for 'envoy.router' with type URL: ''" },
  },
  {
    name: 'tcp_proxy before another network filter',
    bad: bootstrap({
      listeners: [{ ...listener(), filter_chains: [{ filters: [{ name: 'tcp', typed_config: { '@type': TCP_PROXY, stat_prefix: 't', cluster: 'service_a' } }, { name: 'hcm', typed_config: hcm() }] }] }],
    }),
    fixed: bootstrap({ listeners: [{ ...listener(), filter_chains: [{ filters: [{ name: 'tcp', typed_config: { '@type': TCP_PROXY, stat_prefix: 't', cluster: 'service_a' } }] }] }] }),
    expected: { rule: 'envoy.filter-order', path: 'static_resources.listeners[0].filter_chains[0].filters[0]' },
  },
  {
    name: 'two clusters of the same name',
    bad: bootstrap({ clusters: [cluster(), cluster()] }),
    fixed: bootstrap({ clusters: [cluster(), cluster('service_b')] }),
    expected: { rule: 'envoy.duplicate-cluster', path: 'static_resources.clusters[1].name', message: "cluster manager: duplicate cluster 'service_a'" },
  },
  {
    name: 'two listeners of the same name (Envoy silently drops the second)',
    bad: bootstrap({ listeners: [listener('web', 10000), listener('web', 10001)] }),
    fixed: bootstrap({ listeners: [listener('web', 10000), listener('web-2', 10001)] }),
    expected: { severity: 'warning', rule: 'envoy.duplicate-listener-name', path: 'static_resources.listeners[1].name' },
  },
  {
    name: 'two listeners on the same address and port',
    bad: bootstrap({ listeners: [listener('a', 10000), listener('b', 10000)] }),
    fixed: bootstrap({ listeners: [listener('a', 10000), listener('b', 10001)] }),
    expected: {
      rule: 'envoy.duplicate-listener-address',
      path: 'static_resources.listeners[1].address',
      message: "error adding listener: 'b' has duplicate address '0.0.0.0:10000' as existing listener",
    },
  },
  {
    name: 'a STATIC cluster with a host name',
    bad: bootstrap({ clusters: [staticCluster('service-a.default.svc')] }),
    fixed: bootstrap({ clusters: [staticCluster('10.0.0.7')] }),
    expected: {
      rule: 'envoy.static-endpoint-address',
      path: 'static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address.address',
      message: "malformed IP address: service-a.default.svc. Consider setting resolver_name or setting cluster type to 'STRICT_DNS' or 'LOGICAL_DNS'",
    },
  },
  {
    name: 'a LOGICAL_DNS cluster with two endpoints',
    bad: bootstrap({ clusters: [logicalDns([{ lb_endpoints: [lbEndpoint('a.svc'), lbEndpoint('b.svc')] }])] }),
    fixed: bootstrap({ clusters: [logicalDns([{ lb_endpoints: [lbEndpoint('a.svc')] }])] }),
    expected: {
      rule: 'envoy.logical-dns-endpoints',
      path: 'static_resources.clusters[0].load_assignment',
      message: 'LOGICAL_DNS clusters must have a single locality_lb_endpoint and a single lb_endpoint',
    },
  },
  {
    name: 'a LOGICAL_DNS cluster with two localities',
    bad: bootstrap({ clusters: [logicalDns([{ lb_endpoints: [lbEndpoint('a.svc')] }, { lb_endpoints: [lbEndpoint('b.svc')] }])] }),
    fixed: bootstrap({ clusters: [logicalDns([{ lb_endpoints: [lbEndpoint('a.svc')] }])] }),
    expected: { rule: 'envoy.logical-dns-endpoints' },
  },
  {
    name: 'a regex RE2 refuses (lookahead)',
    bad: withRoutes([{ match: { safe_regex: { regex: '^/(?=api)' } }, route: { cluster: 'service_a' } }]),
    fixed: withRoutes([{ match: { safe_regex: { regex: '^/api' } }, route: { cluster: 'service_a' } }]),
    expected: { rule: 'envoy.invalid-regex', path: `${VH}[0].routes[0].match.safe_regex.regex` },
  },
  {
    name: 'a direct response body over the 4 KiB default limit',
    bad: withRoutes([{ match: { prefix: '/' }, direct_response: { status: 200, body: { inline_string: 'x'.repeat(5000) } } }]),
    fixed: bootstrap({
      routeConfig: routeConfig({
        max_direct_response_body_size_bytes: 8192,
        virtual_hosts: [{ name: 'backend', domains: ['*'], routes: [{ match: { prefix: '/' }, direct_response: { status: 200, body: { inline_string: 'x'.repeat(5000) } } }] }],
      }),
    }),
    expected: { rule: 'envoy.direct-response-too-large', path: `${VH}[0].routes[0].direct_response.body`, message: 'response body size is 5000 bytes; maximum is 4096' },
  },
  {
    name: 'a listener without filter chains',
    bad: bootstrap({ listeners: [{ ...listener(), filter_chains: [] }] }),
    fixed: bootstrap(),
    expected: { rule: 'envoy.listener-filter-chains', path: 'static_resources.listeners[0]', message: "error adding listener '0.0.0.0:10000': no filter chains specified" },
  },
  {
    name: 'a listener without an address',
    bad: bootstrap({ listeners: [(({ address: _address, ...rest }) => rest)(listener())] }),
    fixed: bootstrap(),
    expected: { rule: 'envoy.listener-address', path: 'static_resources.listeners[0]', message: "error adding listener named 'listener_0': address is necessary" },
  },
];

describe('load-time rules', () => {
  it.each(CASES)('$name: fires on the bad config, not on the fixed one', ({ bad, fixed, expected }) => {
    expect(problems(bad)).toEqual([expect.objectContaining({ severity: 'error', ...expected })]);
    expect(problems(fixed)).toEqual([]);
  });

  it('does not check cluster names when validate_clusters is false', () => {
    const json = bootstrap({ routeConfig: routeConfig({ validate_clusters: false, virtual_hosts: [{ name: 'v', domains: ['*'], routes: [route({ cluster: 'later' })] }] }) });
    expect(problems(json)).toEqual([]);
  });

  it('accepts an HTTP connection manager without http_filters (Envoy adds the router)', () => {
    expect(problems(withFilters([]))).toEqual([]);
  });

  it('does not judge the position of filters it does not know (contrib)', () => {
    const golang = { name: 'golang', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.golang.v3alpha.Config' } };
    expect(problems(withFilters([router, golang])).map((f) => f.rule)).toEqual(['envoy.filter-order']);
    expect(problems(withFilters([golang]))).toEqual([]);
  });

  it('lets UDP listeners (udp_proxy) go without filter chains, and UDP and TCP share a port', () => {
    const udp = { name: 'dns', address: { socket_address: { protocol: 'UDP', address: '0.0.0.0', port_value: 10000 } }, listener_filters: [] };
    expect(problems(bootstrap({ listeners: [listener(), udp] }))).toEqual([]);
  });

  it('checks listeners and clusters even when the schema has errors (seed-style config)', () => {
    const json = bootstrap({ clusters: [cluster(), { ...cluster(), hosts: [] }] });
    expect(problems(json).map((f) => f.rule)).toEqual(['schema.removed-field', 'envoy.duplicate-cluster']);
  });
});

describe('isIpLiteral', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.255', true],
    ['::1', true],
    ['fe80::1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['256.0.0.1', false],
    ['1.2.3', false],
    ['localhost', false],
    ['nginx.default.svc.cluster.local', false],
    ['[::1]', false],
    [':::1', false],
  ])('%s → %s', (address, expected) => {
    expect(isIpLiteral(address)).toBe(expected);
  });
});
