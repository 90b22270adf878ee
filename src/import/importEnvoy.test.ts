// The importer: how each model concept is read, what is kept verbatim and where it is emitted
// again, and how bad input is refused.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBootstrap } from '../generate/envoy/bootstrap';
import { envoyPathOf } from '../generate/envoy/paths';
import { generateFiles } from '../generate/files';
import type { Design } from '../model/schema';
import { TEMPLATES } from '../model/templates';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { importEnvoyConfig, type ImportResult } from './importEnvoy';
import { configsProtoEqual } from './protoCompare';

const registry = loadEnvoyRegistry();
const T = 'type.googleapis.com/envoy.extensions';
const HCM = `${T}.filters.network.http_connection_manager.v3.HttpConnectionManager`;
const ROUTER = `${T}.filters.http.router.v3.Router`;

const imported = (result: ImportResult) => {
  if (!result.ok) throw new Error(`expected the import to succeed: ${result.errors.join('; ')}`);
  return result;
};
const roundTrips = (design: Design, text: string) => expect(configsProtoEqual(buildBootstrap(design), parse(text), registry)).toEqual({ equal: true });
const hasKept = (design: Design) => JSON.stringify(design).includes('"kept') || JSON.stringify(design).includes('"raw"');

// Every model concept, written as a user would (lower-case enums, defaults left out).
const FULL = `
admin:
  address: { socket_address: { address: 127.0.0.1, port_value: 9902 } }
static_resources:
  listeners:
  - name: web
    address: { socket_address: { address: 0.0.0.0, port_value: 8443 } }
    filter_chains:
    - transport_socket:
        name: envoy.transport_sockets.tls
        typed_config:
          "@type": ${T}.transport_sockets.tls.v3.DownstreamTlsContext
          common_tls_context:
            tls_certificates:
            - certificate_chain: { filename: /etc/envoy/tls/web-tls/tls.crt }
              private_key: { filename: /etc/envoy/tls/web-tls/tls.key }
      filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          "@type": ${HCM}
          stat_prefix: web
          codec_type: http2
          request_timeout: 30s
          access_log:
          - name: envoy.access_loggers.stdout
            typed_config: { "@type": ${T}.access_loggers.stream.v3.StdoutAccessLog }
          upgrade_configs: [{ upgrade_type: websocket, enabled: false }]
          route_config:
            name: web_routes
            virtual_hosts:
            - name: api
              domains: [api.example.com, "api.example.com:8443"]
              routes:
              - name: v2 by header
                match:
                  safe_regex: { regex: "^/v2/.*$" }
                  headers:
                  - { name: x-env, string_match: { exact: beta } }
                  - { name: x-tier, string_match: { prefix: gold } }
                  - { name: x-id, string_match: { safe_regex: { regex: "[0-9]+" } } }
                  - { name: x-debug, present_match: true }
                  - { name: x-old, present_match: true, invert_match: true }
                  query_parameters:
                  - { name: canary, present_match: true }
                  - { name: v, string_match: { exact: "2" } }
                route:
                  weighted_clusters:
                    clusters:
                    - { name: api, weight: 90 }
                    - { name: api-canary, weight: 10 }
                  timeout: 5s
                  prefix_rewrite: /
                  host_rewrite_literal: api.internal
                  retry_policy: { retry_on: "5xx,reset", num_retries: 2, per_try_timeout: 1s }
                request_headers_to_add:
                - header: { key: x-added-by, value: envoy }
                  append_action: overwrite_if_exists_or_add
                - header: { key: x-route, value: api }
                  append_action: APPEND_IF_EXISTS_OR_ADD
                request_headers_to_remove: [x-internal]
                response_headers_to_add:
                - header: { key: x-served-by, value: web }
                  append_action: OVERWRITE_IF_EXISTS_OR_ADD
                response_headers_to_remove: [server]
              - match: { prefix: /ws, case_sensitive: false }
                route: { cluster: api, upgrade_configs: [{ upgrade_type: websocket, enabled: true }] }
            - name: www
              domains: ["*"]
              routes:
              - match: { path: /old }
                redirect: { host_redirect: www.example.com, path_redirect: /new, response_code: permanent_redirect }
              - match: { path: /secure }
                redirect: { https_redirect: true }
              - match: { path_separated_prefix: /tea }
                direct_response: { status: 418, body: { inline_string: "I'm a teapot" } }
          http_filters:
          - name: envoy.filters.http.router
            typed_config: { "@type": ${ROUTER} }
  - name: db
    address: { socket_address: { address: 127.0.0.1, port_value: 5432 } }
    filter_chains:
    - filters:
      - name: envoy.filters.network.tcp_proxy
        typed_config:
          "@type": ${T}.filters.network.tcp_proxy.v3.TcpProxy
          stat_prefix: db
          cluster: postgres
  clusters:
  - name: api
    type: strict_dns
    connect_timeout: 0.25s
    lb_policy: least_request
    load_assignment:
      cluster_name: api
      endpoints:
      - lb_endpoints:
        - endpoint: { address: { socket_address: { address: api-1.internal, port_value: 8080 } } }
          load_balancing_weight: 3
        - endpoint: { address: { socket_address: { address: api-2.internal, port_value: 8080 } } }
    typed_extension_protocol_options:
      envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
        "@type": ${T}.upstreams.http.v3.HttpProtocolOptions
        explicit_http_config: { http2_protocol_options: {} }
    transport_socket:
      name: envoy.transport_sockets.tls
      typed_config: { "@type": ${T}.transport_sockets.tls.v3.UpstreamTlsContext, sni: api.internal }
    health_checks:
    - timeout: 1s
      interval: 5s
      unhealthy_threshold: 3
      healthy_threshold: 1
      http_health_check: { path: /healthz, host: api.internal }
    circuit_breakers: { thresholds: [{ max_connections: 100, max_retries: 3 }] }
    outlier_detection: { consecutive_5xx: 5, base_ejection_time: 30s }
  - name: api-canary
    type: STATIC
    connect_timeout: 1s
    lb_policy: MAGLEV
    load_assignment:
      cluster_name: api-canary
      endpoints:
      - lb_endpoints:
        - endpoint: { address: { socket_address: { address: 10.0.0.7, port_value: 9000 } } }
  - name: postgres
    type: LOGICAL_DNS
    connect_timeout: 2s
    load_assignment:
      cluster_name: postgres
      endpoints:
      - lb_endpoints:
        - endpoint: { address: { socket_address: { address: db.example.com, port_value: 5432 } } }
`;

describe('mapping every model concept', () => {
  const result = imported(importEnvoyConfig(FULL, registry, { name: 'full' }));
  const { design } = result;
  const [web, db] = design.listeners;
  const [api, www] = design.routes;
  const [apiCluster, canary, postgres] = design.clusters;

  it('everything is model fields, nothing kept (defaults left out are read as Envoy reads them)', () => {
    expect(hasKept(design)).toBe(false);
    expect(result.summary.kept).toEqual([]);
    expect(result.summary.unsupported).toEqual([]);
    roundTrips(design, FULL);
  });

  it('names the design and lists what became elements', () => {
    expect(design.name).toBe('full');
    expect(design.listeners.map((l) => l.id)).toEqual(['listener-1', 'listener-2']);
    expect(design.routes.flatMap((r) => r.rules.map((rule) => rule.id))).toEqual(['rule-1', 'rule-2', 'rule-3', 'rule-4', 'rule-5']);
    expect(result.summary.nodes).toEqual([
      'listener "web" ← static_resources.listeners[0]: http 0.0.0.0:8443 (TLS), 2 routes',
      'route "api" (virtual host of "web"): api.example.com, api.example.com:8443; 2 rules',
      'route "www" (virtual host of "web"): *; 3 rules',
      'listener "db" ← static_resources.listeners[1]: tcp 127.0.0.1:5432, tcp_proxy to "postgres"',
      'cluster "api" ← static_resources.clusters[0]: STRICT_DNS, 2 endpoints',
      'cluster "api-canary" ← static_resources.clusters[1]: STATIC, 1 endpoint',
      'cluster "postgres" ← static_resources.clusters[2]: LOGICAL_DNS, 1 endpoint',
    ]);
  });

  it('listeners: name, address, port, TLS from a Secret-shaped directory, access log, codec, request timeout, routes', () => {
    expect(web).toEqual({
      id: 'listener-1', name: 'web', address: '0.0.0.0', port: 8443, protocol: 'http',
      tls: { secretName: 'web-tls', mountPath: '/etc/envoy/tls/web-tls' },
      accessLog: true, codec: 'HTTP2', requestTimeout: '30s', routeIds: ['route-1', 'route-2'], tcpClusterId: null,
    });
    expect(db).toMatchObject({ name: 'db', address: '127.0.0.1', port: 5432, protocol: 'tcp', accessLog: false, tcpClusterId: postgres.id });
    expect(result.summary.notes.join('\n')).toMatch(/Secret "web-tls"/);
  });

  it('admin address and port', () => {
    expect(design.deployment.admin).toEqual({ address: '127.0.0.1', port: 9902 });
  });

  it('routes: names, domains; rules: names and every kind of match', () => {
    expect(api.name).toBe('api');
    expect(api.domains).toEqual(['api.example.com', 'api.example.com:8443']);
    expect(www.domains).toEqual(['*']);
    expect(api.rules[0].name).toBe('v2 by header');
    expect(api.rules[0].match).toEqual({
      pathKind: 'safe_regex', path: '^/v2/.*$', caseSensitive: true,
      headers: [
        { name: 'x-env', kind: 'exact', value: 'beta' },
        { name: 'x-tier', kind: 'prefix', value: 'gold' },
        { name: 'x-id', kind: 'regex', value: '[0-9]+' },
        { name: 'x-debug', kind: 'present', value: '' },
        { name: 'x-old', kind: 'absent', value: '' },
      ],
      queryParameters: [{ name: 'canary', kind: 'present', value: '' }, { name: 'v', kind: 'exact', value: '2' }],
    });
    expect(api.rules[1].match).toMatchObject({ pathKind: 'prefix', path: '/ws', caseSensitive: false });
    expect(www.rules.map((r) => [r.match.pathKind, r.match.path])).toEqual([['path', '/old'], ['path', '/secure'], ['path_separated_prefix', '/tea']]);
  });

  it('actions: weighted split with forward options, cluster with websocket, redirects, direct response', () => {
    expect(api.rules[0].action).toEqual({
      kind: 'weighted',
      clusters: [{ clusterId: apiCluster.id, weight: 90 }, { clusterId: canary.id, weight: 10 }],
      timeout: '5s', prefixRewrite: '/', hostRewrite: 'api.internal',
      retry: { retryOn: '5xx,reset', numRetries: 2, perTryTimeout: '1s' }, websocket: false,
    });
    expect(api.rules[1].action).toEqual({ kind: 'cluster', clusterId: apiCluster.id, timeout: null, prefixRewrite: null, hostRewrite: null, retry: null, websocket: true });
    expect(www.rules[0].action).toEqual({ kind: 'redirect', hostRedirect: 'www.example.com', pathRedirect: '/new', httpsRedirect: false, responseCode: 'PERMANENT_REDIRECT' });
    expect(www.rules[1].action).toEqual({ kind: 'redirect', hostRedirect: null, pathRedirect: null, httpsRedirect: true, responseCode: 'MOVED_PERMANENTLY' });
    expect(www.rules[2].action).toEqual({ kind: 'direct', status: 418, body: "I'm a teapot" });
  });

  it('header edits', () => {
    expect(api.rules[0].headers).toEqual({
      requestAdd: [{ name: 'x-added-by', value: 'envoy', append: false }, { name: 'x-route', value: 'api', append: true }],
      requestRemove: ['x-internal'],
      responseAdd: [{ name: 'x-served-by', value: 'web', append: false }],
      responseRemove: ['server'],
    });
  });

  it('clusters: type, lb policy, timeout, endpoints with weights, http2, TLS SNI, health check, circuit breakers, outlier detection', () => {
    expect(apiCluster).toEqual({
      id: 'cluster-1', name: 'api', type: 'STRICT_DNS', lbPolicy: 'LEAST_REQUEST', connectTimeout: '0.25s',
      endpoints: [{ host: 'api-1.internal', port: 8080, weight: 3 }, { host: 'api-2.internal', port: 8080, weight: null }],
      http2: true, tls: { sni: 'api.internal' },
      healthCheck: { path: '/healthz', host: 'api.internal', interval: '5s', timeout: '1s', healthyThreshold: 1, unhealthyThreshold: 3 },
      circuitBreakers: { maxConnections: 100, maxPendingRequests: null, maxRequests: null, maxRetries: 3 },
      outlierDetection: { consecutive5xx: 5, interval: null, baseEjectionTime: '30s', maxEjectionPercent: null },
    });
    expect(canary).toMatchObject({ type: 'STATIC', lbPolicy: 'MAGLEV', connectTimeout: '1s', http2: false, tls: null, healthCheck: null });
    expect(postgres).toMatchObject({ type: 'LOGICAL_DNS', lbPolicy: 'ROUND_ROBIN', endpoints: [{ host: 'db.example.com', port: 5432, weight: null }] });
  });

  it('the same without the protos: enum spellings of mapped fields are normalised anyway', () => {
    const plain = imported(importEnvoyConfig(FULL));
    expect(plain.design).toEqual({ ...design, name: 'Imported Envoy config' });
  });

  it.each(TEMPLATES.map((t) => t.name))('template %s: its generated envoy.yaml imports back to the same elements, nothing kept', (name) => {
    const original = TEMPLATES.find((t) => t.name === name)!.build();
    const back = imported(importEnvoyConfig(generateFiles(original)['envoy.yaml'], registry)).design;
    expect(hasKept(back)).toBe(false);
    // The Secret's name is not in Envoy's config; only where it is mounted.
    const withoutSecretNames = (d: Design) => d.listeners.map((l) => ({ ...l, tls: l.tls && { mountPath: l.tls.mountPath } }));
    expect(withoutSecretNames(back)).toEqual(withoutSecretNames(original));
    expect(back.routes).toEqual(original.routes);
    expect(back.clusters).toEqual(original.clusters);
    expect(back.deployment.admin).toEqual(original.deployment.admin);
    expect(generateFiles({ ...back, listeners: original.listeners })['envoy.json']).toBe(generateFiles(original)['envoy.json']);
  });
});

// What the model does not express, around what it does.
const KEPT = `
node: { id: front, cluster: edge }
stats_sinks:
- name: envoy.stat_sinks.statsd
  typed_config: { "@type": type.googleapis.com/envoy.config.metrics.v3.StatsdSink, tcp_cluster_name: svc }
layered_runtime: { layers: [{ name: static, static_layer: {} }] }
admin:
  access_log:
  - name: envoy.access_loggers.file
    typed_config: { "@type": ${T}.access_loggers.file.v3.FileAccessLog, path: /dev/null }
  address: { socket_address: { address: 0.0.0.0, port_value: 9901 } }
static_resources:
  secrets:
  - name: token
    generic_secret: { secret: { inline_string: s3cr3t } }
  listeners:
  - name: edge
    address: { socket_address: { address: 0.0.0.0, port_value: 10000 } }
    listener_filters:
    - name: envoy.filters.listener.tls_inspector
      typed_config: { "@type": ${T}.filters.listener.tls_inspector.v3.TlsInspector }
    filter_chains:
    - filter_chain_match: { server_names: [a.example.com] }
      filters:
      - name: envoy.filters.network.tcp_proxy
        typed_config: { "@type": ${T}.filters.network.tcp_proxy.v3.TcpProxy, stat_prefix: passthrough, cluster: svc }
    - name: main
      filters:
      - name: envoy.filters.network.rbac
        typed_config: { "@type": ${T}.filters.network.rbac.v3.RBAC, stat_prefix: rbac }
      - name: hcm
        typed_config:
          "@type": ${HCM}
          stat_prefix: ingress
          use_remote_address: true
          route_config:
            name: local
            virtual_hosts:
            - name: vh
              domains: ["*"]
              typed_per_filter_config:
                envoy.filters.http.cors:
                  "@type": ${T}.filters.http.cors.v3.CorsPolicy
                  allow_origin_string_match: [{ exact: "https://example.com" }]
              routes:
              - match: { prefix: /, grpc: {} }
                route: { cluster: svc, cluster_not_found_response_code: NOT_FOUND }
                decorator: { operation: op }
              - match: { prefix: /eds }
                route: { cluster: from-eds }
              - match: { prefix: /cds }
                route: { cluster: only-in-cds }
          http_filters:
          - name: envoy.filters.http.cors
            typed_config: { "@type": ${T}.filters.http.cors.v3.Cors }
          - name: envoy.filters.http.router
            typed_config: { "@type": ${ROUTER} }
  - address: { socket_address: { address: 0.0.0.0, port_value: 8080 } }
    filter_chains:
    - filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          "@type": ${HCM}
          stat_prefix: rds
          rds:
            route_config_name: remote
            config_source: { ads: {}, resource_api_version: V3 }
          http_filters:
          - name: envoy.filters.http.router
            typed_config: { "@type": ${ROUTER} }
  - name: dns
    address: { socket_address: { address: 0.0.0.0, port_value: 53, protocol: UDP } }
    listener_filters:
    - name: envoy.filters.udp.dns_filter
      typed_config: { "@type": ${T}.filters.udp.dns_filter.v3.DnsFilterConfig, stat_prefix: dns, server_config: { inline_dns_table: {} } }
  clusters:
  - name: svc
    type: static
    dns_lookup_family: v4_only
    load_assignment:
      cluster_name: svc
      endpoints:
      - priority: 1
        lb_endpoints:
        - endpoint:
            address: { socket_address: { address: 10.0.0.1, port_value: 80 } }
            health_check_config: { port_value: 8081 }
          metadata: { filter_metadata: { envoy.lb: { canary: true } } }
  - name: from-eds
    type: EDS
    eds_cluster_config: { eds_config: { ads: {}, resource_api_version: V3 } }
dynamic_resources:
  ads_config: { api_type: GRPC, transport_api_version: V3, grpc_services: [{ envoy_grpc: { cluster_name: svc } }] }
  cds_config: { ads: {}, resource_api_version: V3 }
`;

describe('keeping what the model does not express', () => {
  const result = imported(importEnvoyConfig(KEPT, registry));
  const { design, summary } = result;
  const [edge, rds, dns] = design.listeners;
  const [svc, eds] = design.clusters;

  it('round-trips proto-equal and says nothing is lost', () => {
    roundTrips(design, KEPT);
    expect(summary.unsupported).toEqual([]);
  });

  it('bootstrap extras (node, stats sinks, runtime, admin access log, secrets, dynamic_resources) on the design', () => {
    expect(Object.keys(design.keptBootstrap!).sort()).toEqual(['admin', 'dynamic_resources', 'layered_runtime', 'node', 'static_resources', 'stats_sinks']);
    expect(design.keptBootstrap!.static_resources).toEqual({ secrets: [{ name: 'token', generic_secret: { secret: { inline_string: 's3cr3t' } } }] });
    expect(design.keptBootstrap!.admin).toEqual({ access_log: expect.any(Array) });
    expect(design.deployment.admin).toEqual({ address: '0.0.0.0', port: 9901 });
  });

  it('a listener keeps its listener filters, other chains, the chain match, other network filters and connection manager extras', () => {
    expect(edge).toMatchObject({ name: 'edge', protocol: 'http', port: 10000, routeIds: ['route-1'] });
    expect(edge.kept!.listener).toEqual({ listener_filters: expect.any(Array) });
    expect(edge.kept!.filterChainsBefore).toHaveLength(1);
    expect(edge.kept!.filterChainsAfter).toBeUndefined();
    expect(edge.kept!.filterChain).toEqual({ name: 'main' });
    expect(edge.kept!.filtersBefore!.map((f) => f.name)).toEqual(['envoy.filters.network.rbac']);
    // What the model generates differently is kept as written, while the model's value is unchanged.
    expect(edge.kept!.filter!.name).toEqual({ $replaceIfEqual: 'envoy.filters.network.http_connection_manager', with: 'hcm' });
    expect(edge.kept!.filter!.typed_config).toMatchObject({ stat_prefix: { $replaceIfEqual: 'edge', with: 'ingress' }, use_remote_address: true, route_config: { name: { $replaceIfEqual: 'edge_routes', with: 'local' } } });
    expect(edge.kept!.filterFor).toBe('http');
    const hcm = (buildBootstrap(design) as any).static_resources.listeners[0].filter_chains[1].filters[1];
    expect(hcm.name).toBe('hcm');
    expect(hcm.typed_config).toMatchObject({ stat_prefix: 'ingress', use_remote_address: true, route_config: { name: 'local' } });
    // The HTTP filters, in order, the router at its place.
    expect(hcm.typed_config.http_filters.map((f: { name: string }) => f.name)).toEqual(['envoy.filters.http.cors', 'envoy.filters.http.router']);
    expect(hcm.typed_config).not.toHaveProperty('access_log');
  });

  it('virtual host and route extras stay on the route and rule; targets resolve to clusters, raw ones included', () => {
    const [vh] = design.routes;
    expect(vh.kept).toEqual({ typed_per_filter_config: expect.any(Object) });
    expect(vh.rules[0].kept).toEqual({ match: { grpc: { $value: {} } }, route: { cluster_not_found_response_code: 'NOT_FOUND' }, decorator: { $value: { operation: 'op' } } });
    expect(vh.rules[0].action).toMatchObject({ kind: 'cluster', clusterId: svc.id });
    expect(vh.rules[1].action).toMatchObject({ kind: 'cluster', clusterId: eds.id });
    // A cluster only CDS knows: not an element; the name is kept.
    expect(vh.rules[2].action).toMatchObject({ kind: 'cluster', clusterId: null });
    expect(vh.rules[2].kept).toEqual({ route: { cluster: { $replaceIfEqual: '', with: 'only-in-cds' } } });
  });

  it('an unnamed listener with RDS: an http listener without routes, its name left out again', () => {
    expect(rds).toMatchObject({ protocol: 'http', routeIds: [], name: 'listener_1' });
    expect(rds.kept!.listener).toEqual({ name: { $omitIfEqual: 'listener_1' } });
    expect(rds.kept!.filter!.typed_config).toMatchObject({ rds: { $value: { route_config_name: 'remote' } }, route_config: { $omitIfEqual: expect.any(Object) } });
  });

  it('a UDP listener and an EDS cluster are kept whole (raw), shown by name', () => {
    expect(dns.raw).toEqual(parse(KEPT).static_resources.listeners[2]);
    expect(dns).toMatchObject({ name: 'dns', port: 53 });
    expect(eds.raw).toMatchObject({ name: 'from-eds', type: 'EDS' });
    expect(summary.kept).toContain('static_resources.listeners[2] (the whole listener: it is a UDP listener)');
    expect(summary.kept).toContain('static_resources.clusters[1] (the whole cluster: type EDS)');
    expect(summary.nodes).toContain('cluster "from-eds" ← static_resources.clusters[1]: kept whole (type EDS)');
  });

  it('a cluster keeps its extras, its locality’s and its endpoints’; enum spellings normalised with the protos', () => {
    expect(svc).toMatchObject({ type: 'STATIC', connectTimeout: '5s', endpoints: [{ host: '10.0.0.1', port: 80, weight: null }] });
    expect(svc.kept).toEqual({
      cluster: { dns_lookup_family: 'V4_ONLY', connect_timeout: { $omitIfEqual: '5s' } },
      locality: { priority: 1 },
    });
    expect(svc.endpoints[0].kept).toEqual({ endpoint: { health_check_config: { $value: { port_value: 8081 } } }, metadata: { $value: expect.any(Object) } });
    const plain = imported(importEnvoyConfig(KEPT));
    expect(plain.design.clusters[0].kept!.cluster).toMatchObject({ dns_lookup_family: 'v4_only' });
  });

  it('lists kept paths in config terms', () => {
    expect(summary.kept).toEqual(
      expect.arrayContaining([
        'static_resources.listeners[0].listener_filters',
        'static_resources.listeners[0].filter_chains[0] (a filter chain the model does not describe)',
        'static_resources.listeners[0].filter_chains[1].filters[0] (network filter RBAC)',
        'static_resources.listeners[0].filter_chains[1].filters[1].typed_config.use_remote_address',
        'static_resources.listeners[0].filter_chains[1].filters[1].typed_config.http_filters (as written, instead of what the generator derives)',
        'static_resources.listeners[0].filter_chains[1].filters[1].typed_config.route_config.virtual_hosts[0].typed_per_filter_config',
        'static_resources.clusters[0].load_assignment.endpoints[0].priority',
        'node',
        'dynamic_resources',
        'static_resources.secrets',
      ]),
    );
  });

  it('model fields stay editable: edits show in the generated config, kept data stays', () => {
    const edited: Design = {
      ...design,
      listeners: design.listeners.map((l, i) => (i === 1 ? { ...l, name: 'named-now' } : i === 0 ? { ...l, port: 10443 } : l)),
      clusters: design.clusters.map((c, i) => (i === 0 ? { ...c, connectTimeout: '1s', endpoints: [...c.endpoints, { host: '10.0.0.2', port: 80, weight: null }] } : i === 1 ? { ...c, name: 'renamed-eds' } : c)),
    };
    const out = buildBootstrap(edited) as any;
    const [l0, l1] = out.static_resources.listeners;
    expect(l0.address.socket_address.port_value).toBe(10443);
    expect(l0.listener_filters).toHaveLength(1);
    expect(l1.name).toBe('named-now');
    expect(out.static_resources.clusters[0].connect_timeout).toBe('1s');
    expect(out.static_resources.clusters[0].dns_lookup_family).toBe('V4_ONLY');
    expect(out.static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints).toHaveLength(2);
    expect(out.static_resources.clusters[1]).toMatchObject({ name: 'renamed-eds', type: 'EDS' });
    // The rule forwarding to the raw cluster follows its new name.
    expect(l0.filter_chains[1].filters[1].typed_config.route_config.virtual_hosts[0].routes[1].route.cluster).toBe('renamed-eds');
    // Unedited, the defaults the original left out stay out.
    expect(buildBootstrap(design).static_resources).not.toHaveProperty('clusters.0.connect_timeout');
  });

  it('envoyPathOf points at the virtual hosts behind kept chains and filters', () => {
    expect(envoyPathOf(design, design.routes[0].rules[1].id)).toEqual([
      'static_resources', 'listeners', 0, 'filter_chains', 1, 'filters', 1, 'typed_config', 'route_config', 'virtual_hosts', 0, 'routes', 1,
    ]);
  });

  it('fields and types newer than the bundled protos are kept and listed', () => {
    const text = `
static_resources:
  listeners:
  - name: l
    address: { socket_address: { address: 0.0.0.0, port_value: 80, network_namespace_filepath: /var/run/netns/x } }
    filter_chains:
    - filters:
      - name: future
        typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.network.future.v3.Future, knob: 1 }
      - name: envoy.filters.network.tcp_proxy
        typed_config: { "@type": ${T}.filters.network.tcp_proxy.v3.TcpProxy, stat_prefix: l, cluster: c }
  clusters:
  - { name: c, type: STATIC, load_assignment: { cluster_name: c, endpoints: [{ lb_endpoints: [] }] } }
`;
    const { design: d, summary: s } = imported(importEnvoyConfig(text, registry));
    roundTrips(d, text);
    expect(s.kept).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^static_resources\.listeners\[0\]\.address\.socket_address\.network_namespace_filepath: is not a field of envoy\.config\.core\.v3\.SocketAddress in the bundled protos/),
        expect.stringMatching(/^static_resources\.listeners\[0\]\.filter_chains\[0\]\.filters\[0\]\.typed_config: "@type" .*Future is not in the bundled protos/),
      ]),
    );
    expect(d.listeners[0].kept!.filtersBefore).toHaveLength(1);
  });

  it('lowerCamel field names are read as Envoy reads them (with the protos)', () => {
    const text = `
staticResources:
  clusters:
  - name: c
    connectTimeout: 2s
    type: STRICT_DNS
    loadAssignment: { clusterName: c, endpoints: [{ lbEndpoints: [{ endpoint: { address: { socketAddress: { address: c.internal, portValue: 80 } } } }] }] }
`;
    const { design: d } = imported(importEnvoyConfig(text, registry));
    expect(d.clusters[0]).toMatchObject({ connectTimeout: '2s', endpoints: [{ host: 'c.internal', port: 80, weight: null }] });
    expect(d.clusters[0].kept).toBeUndefined();
    roundTrips(d, text);
  });

  it('a dynamic (xDS) config is kept as it is, not refused', () => {
    const text = `
node: { id: n, cluster: c }
dynamic_resources:
  lds_config: { path_config_source: { path: /etc/envoy/lds.yaml } }
  cds_config: { path_config_source: { path: /etc/envoy/cds.yaml } }
`;
    const { design: d } = imported(importEnvoyConfig(text, registry));
    expect(d.listeners).toEqual([]);
    expect(d.clusters).toEqual([]);
    expect(d.keptBootstrap).toMatchObject({ dynamic_resources: { $value: { lds_config: expect.any(Object) } }, admin: { $omitIfEqual: expect.any(Object) } });
    roundTrips(d, text);
  });
});

describe('round-trip checks', () => {
  it('a 64-bit integer beyond 2^53 keeps every digit (as protobuf JSON’s string form)', () => {
    for (const text of [
      'layered_runtime:\n  layers:\n  - name: s\n    static_layer: { big: 18446744073709551615, small: 1234567890123456 }\n',
      '{"layered_runtime": {"layers": [{"name": "s", "static_layer": {"big": 18446744073709551615}}]}}',
    ]) {
      const { design, summary } = imported(importEnvoyConfig(text, registry));
      const layers = (design.keptBootstrap!.layered_runtime as { $value: { layers: { static_layer: { big: unknown } }[] } }).$value.layers;
      expect(layers[0].static_layer.big).toBe('18446744073709551615');
      expect(summary.notes).toContain(
        'layered_runtime.layers[0].static_layer.big: 18446744073709551615 is beyond what a JavaScript number holds exactly; kept as the string "18446744073709551615" (how protobuf JSON writes 64-bit integers)',
      );
    }
  });

  it('the importer’s own check names where a generated config would differ', async () => {
    const { roundTripProblems } = await import('./importEnvoy');
    const { design } = imported(importEnvoyConfig(FULL));
    // The config as the importer compares it: normalised (upper-case enums …).
    const original = structuredClone(buildBootstrap(design)) as any;
    expect(roundTripProblems(design, original, undefined)).toEqual([]);
    expect(roundTripProblems(design, original, registry)).toEqual([]);
    original.static_resources.clusters[0].connect_timeout = '9s';
    original.static_resources.listeners[0].per_connection_buffer_limit_bytes = 1;
    expect(roundTripProblems(design, original, undefined)).toEqual([
      'static_resources.listeners[0].per_connection_buffer_limit_bytes: would be generated differently',
      'static_resources.clusters[0].connect_timeout: would be generated differently',
    ]);
    expect(roundTripProblems(design, original, registry)[0]).toMatch(/^static_resources\.listeners\[0\]\.per_connection_buffer_limit_bytes: would be generated differently \(the parsed protos differ\)$/);
  });
});
