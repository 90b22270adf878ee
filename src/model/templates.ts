// Starting designs. The first is the default: the seed walkthrough's nginx + Envoy sidecar,
// with its bugs fixed (distinct ports, 0.0.0.0, a ConfigMap, -c, a current image).
import { forwardAction, weightedAction, newCluster, newDeployment, newListener, newRoute, newRule } from './defaults';
import { DESIGN_VERSION, type Cluster, type Design, type Listener, type Route, type Rule } from './schema';

export type Template = { name: string; title: string; description: string; build: () => Design };

const COLUMN = { listener: 0, route: 320, cluster: 640 };
const ROW = 200;

/** Places listeners, routes and clusters in three columns, each element on its own row. */
function columns(listeners: Listener[], routes: Route[], clusters: Cluster[]): Design['layout'] {
  const place = (items: { id: string }[], x: number) => items.map((item, row) => [item.id, { x, y: row * ROW }] as const);
  return Object.fromEntries([
    ...place(listeners, COLUMN.listener),
    ...place(routes, COLUMN.route),
    ...place(clusters, COLUMN.cluster),
  ]);
}

function design(name: string, parts: { listeners: Listener[]; routes: Route[]; clusters: Cluster[]; deployment: Design['deployment'] }): Design {
  return { version: DESIGN_VERSION, name, ...parts, layout: columns(parts.listeners, parts.routes, parts.clusters) };
}

function rule(id: string, prefix: string, clusterId: string, extra: Partial<Rule> = {}): Rule {
  const base = newRule(id, clusterId);
  return { ...base, match: { ...base.match, path: prefix }, ...extra };
}

function dnsCluster(id: string, name: string, host: string, port: number, extra: Partial<Cluster> = {}): Cluster {
  return { ...newCluster(id, name), endpoints: [{ host, port, weight: null }], ...extra };
}

function sidecar(): Design {
  const listener = { ...newListener('listener-1', 'listener_0'), routeIds: ['route-1'] };
  const route = { ...newRoute('route-1', 'service', ['*']), rules: [rule('rule-1', '/', 'cluster-1')] };
  // The app shares the Pod's network namespace: Envoy reaches nginx on 127.0.0.1:80.
  const cluster = { ...newCluster('cluster-1', 'service'), type: 'STATIC' as const, endpoints: [{ host: '127.0.0.1', port: 80, weight: null }] };
  const deployment = { ...newDeployment(), name: 'nginx', app: { name: 'nginx', image: 'nginx:1.27', port: 80 } };
  return design('nginx with an Envoy sidecar', { listeners: [listener], routes: [route], clusters: [cluster], deployment });
}

function frontProxy(): Design {
  const listener = { ...newListener('listener-1', 'front'), port: 8080, routeIds: ['route-1', 'route-2'] };
  const api = { ...newRoute('route-1', 'api', ['api.example.com']), rules: [rule('rule-1', '/', 'cluster-2')] };
  const apiByPath = rule('rule-2', '/api/', 'cluster-2', { action: { ...forwardAction('cluster-2'), prefixRewrite: '/' } });
  const web = { ...newRoute('route-2', 'web', ['*']), rules: [apiByPath, rule('rule-3', '/', 'cluster-1')] };
  const clusters = [
    dnsCluster('cluster-1', 'web', 'web.default.svc.cluster.local', 8080),
    dnsCluster('cluster-2', 'api', 'api.default.svc.cluster.local', 8080),
  ];
  const deployment = { ...newDeployment(), name: 'front-proxy' };
  return design('Front proxy: two services by host and path', { listeners: [listener], routes: [api, web], clusters, deployment });
}

function canary(): Design {
  const listener = { ...newListener('listener-1', 'ingress'), routeIds: ['route-1'] };
  const split: Rule = {
    ...newRule('rule-1'),
    action: {
      ...weightedAction([{ clusterId: 'cluster-1', weight: 90 }, { clusterId: 'cluster-2', weight: 10 }]),
      retry: { retryOn: '5xx,reset,connect-failure', numRetries: 2, perTryTimeout: '2s' },
      timeout: '10s',
    },
  };
  const route = { ...newRoute('route-1', 'shop', ['*']), rules: [split] };
  const clusters = [
    dnsCluster('cluster-1', 'shop-stable', 'shop-stable.default.svc.cluster.local', 8080),
    dnsCluster('cluster-2', 'shop-canary', 'shop-canary.default.svc.cluster.local', 8080),
  ];
  return design('Canary: 90/10 split by weight', { listeners: [listener], routes: [route], clusters, deployment: { ...newDeployment(), name: 'shop-canary-proxy' } });
}

function tcpProxy(): Design {
  const listener: Listener = { ...newListener('listener-1', 'postgres'), protocol: 'tcp', port: 5432, tcpClusterId: 'cluster-1' };
  const cluster = dnsCluster('cluster-1', 'postgres', 'postgres.default.svc.cluster.local', 5432, { lbPolicy: 'LEAST_REQUEST', connectTimeout: '1s' });
  return design('TCP proxy to PostgreSQL', { listeners: [listener], routes: [], clusters: [cluster], deployment: { ...newDeployment(), name: 'postgres-proxy' } });
}

function tlsEdge(): Design {
  const http = { ...newListener('listener-1', 'http'), port: 8080, routeIds: ['route-1'] };
  const https: Listener = {
    ...newListener('listener-2', 'https'),
    port: 8443,
    tls: { secretName: 'edge-tls', mountPath: '/etc/envoy/tls/edge' },
    routeIds: ['route-2'],
  };
  const toHttps: Rule = {
    ...newRule('rule-1'),
    action: { kind: 'redirect', hostRedirect: null, pathRedirect: null, httpsRedirect: true, responseCode: 'MOVED_PERMANENTLY' },
  };
  const redirect = { ...newRoute('route-1', 'redirect-to-https', ['*']), rules: [toHttps] };
  const app = { ...newRoute('route-2', 'app', ['*']), rules: [rule('rule-2', '/', 'cluster-1')] };
  const cluster = dnsCluster('cluster-1', 'app', 'app.default.svc.cluster.local', 8443, {
    http2: true,
    tls: { sni: 'app.default.svc.cluster.local' },
    healthCheck: { path: '/healthz', host: null, interval: '10s', timeout: '2s', healthyThreshold: 2, unhealthyThreshold: 3 },
    circuitBreakers: { maxConnections: 1024, maxPendingRequests: 1024, maxRequests: 1024, maxRetries: 3 },
    outlierDetection: { consecutive5xx: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
  });
  return design('TLS edge with HTTP → HTTPS redirect', { listeners: [http, https], routes: [redirect, app], clusters: [cluster], deployment: { ...newDeployment(), name: 'tls-edge' } });
}

function perNodeProxy(): Design {
  const listener = { ...newListener('listener-1', 'node-ingress'), routeIds: ['route-1'] };
  const websocket = rule('rule-1', '/ws', 'cluster-1', { action: { ...forwardAction('cluster-1'), websocket: true } });
  const route = { ...newRoute('route-1', 'backend', ['*']), rules: [websocket, rule('rule-2', '/', 'cluster-1')] };
  const cluster = dnsCluster('cluster-1', 'backend', 'backend.default.svc.cluster.local', 8080);
  const deployment = { ...newDeployment(), name: 'node-proxy', workloads: { pod: false, daemonSet: true }, hostPorts: true };
  return design('Per-node proxy (DaemonSet)', { listeners: [listener], routes: [route], clusters: [cluster], deployment });
}

export const TEMPLATES: readonly Template[] = [
  { name: 'sidecar', title: 'nginx with an Envoy sidecar', description: 'The seed walkthrough, fixed: one listener, one route, one cluster.', build: sidecar },
  { name: 'front-proxy', title: 'Front proxy', description: 'Two services chosen by host and by path.', build: frontProxy },
  { name: 'canary', title: 'Canary split', description: 'A weighted 90/10 split with retries.', build: canary },
  { name: 'tcp-proxy', title: 'TCP proxy', description: 'A tcp_proxy listener in front of PostgreSQL.', build: tcpProxy },
  { name: 'tls-edge', title: 'TLS edge', description: 'HTTPS from a Kubernetes Secret, HTTP redirected to HTTPS.', build: tlsEdge },
  { name: 'per-node-proxy', title: 'Per-node proxy', description: 'A DaemonSet with host ports and a websocket route.', build: perNodeProxy },
];

export const DEFAULT_TEMPLATE = 'sidecar';

export function templateByName(name: string): Template | undefined {
  return TEMPLATES.find((t) => t.name === name);
}

/** A design with nothing drawn yet: only the deployment defaults. */
export function emptyDesign(): Design {
  return { version: DESIGN_VERSION, name: 'Untitled design', listeners: [], routes: [], clusters: [], deployment: newDeployment(), layout: {} };
}

export function defaultDesign(): Design {
  return sidecar();
}
