// Minimal v3 bootstraps for tests: one HTTP listener with an inline route_config, clusters by name.
const T = 'type.googleapis.com/envoy.extensions';
export const HCM = `${T}.filters.network.http_connection_manager.v3.HttpConnectionManager`;
export const ROUTER = `${T}.filters.http.router.v3.Router`;
export const CORS = `${T}.filters.http.cors.v3.Cors`;
export const TCP_PROXY = `${T}.filters.network.tcp_proxy.v3.TcpProxy`;

/** Path of the route_config inside listener 0 of `bootstrap()`. */
export const RC = 'static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config';

export const routeConfig = (extra: Record<string, unknown> = {}) => ({
  name: 'local_route',
  virtual_hosts: [{ name: 'backend', domains: ['*'], routes: [{ match: { prefix: '/' }, route: { cluster: 'service_a' } }] }],
  ...extra,
});

export const hcm = (extra: Record<string, unknown> = {}) => ({
  '@type': HCM,
  stat_prefix: 'ingress_http',
  route_config: routeConfig(),
  http_filters: [{ name: 'envoy.filters.http.router', typed_config: { '@type': ROUTER } }],
  ...extra,
});

export const listener = (name = 'listener_0', port = 10000, typedConfig: unknown = hcm()) => ({
  name,
  address: { socket_address: { address: '0.0.0.0', port_value: port } },
  filter_chains: [{ filters: [{ name: 'envoy.filters.network.http_connection_manager', typed_config: typedConfig }] }],
});

export const cluster = (name = 'service_a', extra: Record<string, unknown> = {}) => ({
  name,
  connect_timeout: '0.25s',
  type: 'STRICT_DNS',
  lb_policy: 'ROUND_ROBIN',
  load_assignment: {
    cluster_name: name,
    endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: `${name}.default.svc`, port_value: 8080 } } } }] }],
  },
  ...extra,
});

export type Bootstrap = { admin: Record<string, any>; static_resources: { listeners: any[]; clusters: any[] } };

export function bootstrap(options: { listeners?: unknown[]; clusters?: unknown[]; routeConfig?: unknown } = {}): Bootstrap {
  const listeners = options.listeners ?? [listener('listener_0', 10000, options.routeConfig ? hcm({ route_config: options.routeConfig }) : hcm())];
  return {
    admin: { address: { socket_address: { address: '0.0.0.0', port_value: 9901 } } },
    static_resources: { listeners, clusters: options.clusters ?? [cluster()] },
  };
}
