// Envoy bootstraps around a route config, for tests that load configs through the importer.

/** Every cluster name a route config forwards or mirrors to. */
export function clusterNames(routeConfig: unknown): string[] {
  const names = new Set<string>();
  JSON.stringify(routeConfig, (key, value) => {
    if (key === 'cluster' && typeof value === 'string') names.add(value);
    if (key === 'clusters' && Array.isArray(value)) for (const c of value) if (typeof c?.name === 'string') names.add(c.name);
    return value;
  });
  return [...names];
}

/** A bootstrap with one listener whose HTTP connection manager holds `routeConfig`, and the clusters. */
export function bootstrapFor(routeConfig: Record<string, unknown>, clusters: string[] = clusterNames(routeConfig)) {
  return {
    static_resources: {
      listeners: [
        {
          name: 'listener_0',
          address: { socket_address: { address: '0.0.0.0', port_value: 10000 } },
          filter_chains: [
            {
              filters: [
                {
                  name: 'envoy.filters.network.http_connection_manager',
                  typed_config: {
                    '@type': 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
                    stat_prefix: 'ingress_http',
                    route_config: routeConfig,
                    http_filters: [{ name: 'envoy.filters.http.router', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router' } }],
                  },
                },
              ],
            },
          ],
        },
      ],
      clusters: clusters.map((name) => ({
        name,
        type: 'STATIC',
        connect_timeout: '1s',
        load_assignment: { cluster_name: name, endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: '127.0.0.1', port_value: 8080 } } } }] }] },
      })),
    },
  };
}
