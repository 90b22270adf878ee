// The defaults of permalink codec version 1, FROZEN. A link keeps only what differs from these
// values, so every link ever made with `d=1.` depends on them: never edit this table. When the
// model's defaults change (src/model/defaults.ts, the inspector's "new item" values), links get
// longer, not wrong; to profit from new defaults, add a codec version 2 with its own frozen table
// and keep this one to decode old links.
//
// The values are copies, written out literally, of what an unedited element held when version 1
// was made: the factories in src/model/defaults.ts, and the values the inspector gives a section
// that is switched on (health check, outlier detection, retry, redirect, direct response, …).

/** Deep-freezes a plain JSON value, so nothing at run time can change the table either. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULTS_V1 = frozen({
  design: { version: 1, name: 'Untitled design' },
  listener: {
    address: '0.0.0.0',
    port: 10000,
    protocol: 'http',
    tls: null,
    accessLog: true,
    codec: 'AUTO',
    requestTimeout: null,
    routeIds: [] as string[],
    tcpClusterId: null,
  },
  /** Listener TLS, when on. `mountPath` defaults to `/etc/envoy/tls/<secretName>` (see below). */
  listenerTls: { secretName: 'envoy-tls' },
  route: { domains: ['*'], rules: [] as unknown[] },
  rule: {
    name: '',
    match: { pathKind: 'prefix', path: '/', caseSensitive: true, headers: [] as unknown[], queryParameters: [] as unknown[] },
    action: { kind: 'cluster', clusterId: null, timeout: null, prefixRewrite: null, hostRewrite: null, retry: null, websocket: false },
    headers: { requestAdd: [] as unknown[], requestRemove: [] as string[], responseAdd: [] as unknown[], responseRemove: [] as string[] },
  },
  headerMatcher: { kind: 'present', value: '' },
  queryParameterMatcher: { kind: 'present', value: '' },
  /** Action by kind; `kind` itself defaults to "cluster". */
  action: {
    cluster: { clusterId: null, timeout: null, prefixRewrite: null, hostRewrite: null, retry: null, websocket: false },
    weighted: { clusters: [] as unknown[], timeout: null, prefixRewrite: null, hostRewrite: null, retry: null, websocket: false },
    redirect: { hostRedirect: null, pathRedirect: null, httpsRedirect: true, responseCode: 'MOVED_PERMANENTLY' },
    direct: { status: 200, body: '' },
  },
  weightedTarget: { weight: 50 },
  retry: { retryOn: '5xx,reset,connect-failure', numRetries: 2, perTryTimeout: null },
  headerToAdd: { name: 'x-added-by', value: 'envoy', append: false },
  /** `endpoints` defaults to one endpoint `<cluster name>.default.svc.cluster.local:8080` (see below). */
  cluster: {
    type: 'STRICT_DNS',
    lbPolicy: 'ROUND_ROBIN',
    connectTimeout: '0.25s',
    http2: false,
    tls: null,
    healthCheck: null,
    circuitBreakers: null,
    outlierDetection: null,
  },
  /** `host` defaults to `<cluster name>.default.svc.cluster.local` (see below). */
  endpoint: { port: 8080, weight: null },
  clusterTls: { sni: '' },
  healthCheck: { path: '/healthz', host: null, interval: '5s', timeout: '1s', healthyThreshold: 1, unhealthyThreshold: 3 },
  circuitBreakers: { maxConnections: null, maxPendingRequests: null, maxRequests: null, maxRetries: null },
  outlierDetection: { consecutive5xx: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 10 },
  deployment: {
    name: 'envoy',
    namespace: 'default',
    labels: {} as Record<string, string>,
    app: null,
    envoyImage: 'envoyproxy/envoy:v1.39.5',
    admin: { address: '0.0.0.0', port: 9901 },
    configMapName: 'envoy-config',
    resources: { requestsCpu: '100m', requestsMemory: '64Mi', limitsCpu: null, limitsMemory: '256Mi' },
    workloads: { pod: true, daemonSet: false },
    hostPorts: false,
  },
  /** The application container, when on. */
  app: { name: 'app', image: 'nginx:1.27', port: 80 },
});

// Defaults derived from another value of the element: frozen as code, like the table.

/** A listener's TLS mount path defaults to one named after its Secret. */
export const defaultTlsMountPathV1 = (secretName: string): string => `/etc/envoy/tls/${secretName}`;

/** An endpoint's host defaults to the in-cluster DNS name of a Service named like the cluster. */
export const defaultEndpointHostV1 = (clusterName: string): string => `${clusterName}.default.svc.cluster.local`;

/**
 * Ids default to `<kind>-<n>`, counting in document order per kind (rules across all routes),
 * each one above the previous element's number: what the model's operations make.
 */
export const ID_KINDS_V1 = { listeners: 'listener', routes: 'route', rules: 'rule', clusters: 'cluster' } as const;
