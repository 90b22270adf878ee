// Default values for new elements: what a user gets from the palette before editing anything.
import type { Cluster, Deployment, Listener, Route, Rule, RuleAction } from './schema';

/** A current Envoy release (listed in Envoy's docs in Oct 2026); the seed's v1.5.0 predates the v3 API. */
export const DEFAULT_ENVOY_IMAGE = 'envoyproxy/envoy:v1.39.5';

export function newListener(id: string, name: string): Listener {
  return {
    id,
    name,
    // 0.0.0.0 so the listener serves other Pods; 127.0.0.1 is reachable only inside the Pod.
    address: '0.0.0.0',
    // At or above 1024: the Envoy image drops to a non-root user that cannot bind lower ports.
    port: 10000,
    protocol: 'http',
    tls: null,
    accessLog: true,
    codec: 'AUTO',
    requestTimeout: null,
    routeIds: [],
    tcpClusterId: null,
  };
}

export type ClusterAction = Extract<RuleAction, { kind: 'cluster' }>;
export type WeightedAction = Extract<RuleAction, { kind: 'weighted' }>;

export function forwardAction(clusterId: string | null): ClusterAction {
  return {
    kind: 'cluster',
    clusterId,
    timeout: null,
    prefixRewrite: null,
    hostRewrite: null,
    retry: null,
    websocket: false,
  };
}

export function weightedAction(clusters: WeightedAction['clusters']): WeightedAction {
  const { clusterId: _single, ...options } = forwardAction(null);
  return { ...options, kind: 'weighted', clusters };
}

export function newRule(id: string, clusterId: string | null = null): Rule {
  return {
    id,
    name: '',
    match: { pathKind: 'prefix', path: '/', caseSensitive: true, headers: [], queryParameters: [] },
    action: forwardAction(clusterId),
    headers: { requestAdd: [], requestRemove: [], responseAdd: [], responseRemove: [] },
  };
}

export function newRoute(id: string, name: string, domains: string[] = ['*']): Route {
  return { id, name, domains, rules: [] };
}

export function newCluster(id: string, name: string): Cluster {
  return {
    id,
    name,
    type: 'STRICT_DNS',
    lbPolicy: 'ROUND_ROBIN',
    connectTimeout: '0.25s',
    endpoints: [{ host: `${name}.default.svc.cluster.local`, port: 8080, weight: null }],
    http2: false,
    tls: null,
    healthCheck: null,
    circuitBreakers: null,
    outlierDetection: null,
  };
}

export function newDeployment(): Deployment {
  return {
    name: 'envoy',
    namespace: 'default',
    labels: {},
    app: null,
    envoyImage: DEFAULT_ENVOY_IMAGE,
    // The kubelet probes /ready on the Pod IP, so the admin port must listen beyond loopback.
    admin: { address: '0.0.0.0', port: 9901 },
    configMapName: 'envoy-config',
    resources: { requestsCpu: '100m', requestsMemory: '64Mi', limitsCpu: null, limitsMemory: '256Mi' },
    workloads: { pod: true, daemonSet: false },
    hostPorts: false,
  };
}
