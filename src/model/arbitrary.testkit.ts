// Test kit: random VALID designs for property tests.
//
// "Valid" here means more than `loadDesign` accepts: the design is one Envoy would load and the
// Kubernetes API server would accept. Everything the model leaves to the user is kept inside what
// Envoy accepts at runtime: unique listener ports and names, unique domains per listener, at most
// one `*`, every reference resolving, IP endpoints for STATIC, one endpoint for LOGICAL_DNS,
// header keys that Envoy lets a route add or remove, no `%` (Envoy's header formatter) in added
// header values, direct-response bodies under Envoy's 4 KiB default limit, and so on.
import fc from 'fast-check';
import { DESIGN_VERSION } from './schema';
import type {
  Cluster,
  Deployment,
  Design,
  Endpoint,
  HeaderMatcher,
  HeaderToAdd,
  Listener,
  QueryParameterMatcher,
  Route,
  Rule,
  RuleAction,
  RouteMatch,
} from './schema';

// =============================================================================================
// Random valid designs
// =============================================================================================

const ADMIN_PORTS = [9901, 15000, 19000] as const;
const APP_PORTS = [80, 3000, 8081] as const;

const duration = fc.oneof(
  fc.integer({ min: 1, max: 120 }).map((s) => `${s}s`),
  fc.integer({ min: 1, max: 999 }).map((ms) => `0.${String(ms).padStart(3, '0')}s`),
);
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 2 });

// Hand-built word arbitraries: fc.stringMatching is ~100× slower here.
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = LOWER + DIGITS;
const MIXED = LOWER + LOWER.toUpperCase() + DIGITS;
/** Visible ASCII without `%`. */
const VISIBLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => c !== '%').join('');

/** `first`, then up to `maxLength - 2` of `middle`, then `last`; or one character of both `first` and `last`. */
function word(first: string, middle: string, last: string, maxLength: number): fc.Arbitrary<string> {
  const single = [...first].filter((c) => last.includes(c));
  const long = fc
    .tuple(fc.constantFrom(...first), fc.string({ unit: fc.constantFrom(...middle), maxLength: maxLength - 2 }), fc.constantFrom(...last))
    .map(([a, b, c]) => a + b + c);
  return single.length > 0 ? fc.oneof(fc.constantFrom(...single), long) : long;
}

/** Lower-case DNS labels, the building block of host names and Kubernetes names. */
const dnsLabel = (maxLength = 12) => word(ALNUM, `${ALNUM}-`, ALNUM, maxLength);
const pathSegment = fc
  .tuple(fc.constantFrom(...ALNUM), fc.string({ unit: fc.constantFrom(...`${ALNUM}-_.~`), maxLength: 7 }))
  .map(([a, b]) => a + b);
const absolutePath = fc.array(pathSegment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`);

/** Simple, valid RE2 regexes (checked with re2js), well under Envoy's default program size limit. */
const SIMPLE_REGEXES = [
  '/api/[0-9]+',
  '^/v[12]/.*$',
  '/(foo|bar)/?',
  '/static/.+\\.(css|js)',
  '[a-z]+',
  '.*',
  '/users/[^/]+/orders',
  '(?i)/admin.*',
] as const;
const simpleRegex = fc.constantFrom(...SIMPLE_REGEXES);

// Header names: RFC 7230 tokens, lower case, never `:`-prefixed nor `host` (Envoy refuses to
// add or remove those), so the same names serve matchers, adds and removes.
const headerName = fc.oneof(
  fc.constantFrom('x-request-id', 'user-agent', 'x-env', 'x-canary', 'accept', 'x-forwarded-proto'),
  dnsLabel(10).map((s) => `x-${s}`),
);
// Visible ASCII and spaces, without `%` (Envoy parses %COMMAND% in added header values).
const nonEmptyHeaderValue = word(VISIBLE, `${VISIBLE} `, VISIBLE, 16);
const headerValue = fc.oneof(fc.constant(''), nonEmptyHeaderValue);

const headerMatcher: fc.Arbitrary<HeaderMatcher> = fc.oneof(
  fc.record({ name: headerName, kind: fc.constant('exact' as const), value: headerValue }),
  fc.record({ name: headerName, kind: fc.constant('prefix' as const), value: nonEmptyHeaderValue }),
  fc.record({ name: headerName, kind: fc.constant('regex' as const), value: simpleRegex }),
  fc.record({ name: headerName, kind: fc.constantFrom('present' as const, 'absent' as const), value: fc.constant('') }),
);

const queryName = fc
  .tuple(fc.constantFrom(...LOWER), fc.string({ unit: fc.constantFrom(...`${ALNUM}_`), maxLength: 9 }))
  .map(([a, b]) => a + b);
const queryParameterMatcher: fc.Arbitrary<QueryParameterMatcher> = fc.oneof(
  fc.record({ name: queryName, kind: fc.constant('exact' as const), value: headerValue }),
  fc.record({ name: queryName, kind: fc.constant('prefix' as const), value: nonEmptyHeaderValue }),
  fc.record({ name: queryName, kind: fc.constant('regex' as const), value: simpleRegex }),
  fc.record({ name: queryName, kind: fc.constant('present' as const), value: fc.constant('') }),
);

const routeMatch: fc.Arbitrary<RouteMatch> = fc.record({
  caseSensitive: fc.boolean(),
  headers: fc.array(headerMatcher, { maxLength: 2 }),
  queryParameters: fc.array(queryParameterMatcher, { maxLength: 2 }),
}).chain((rest) =>
  fc.oneof(
    // prefix: "" (everything), "/" or any path, with or without a trailing "/".
    fc.record({ pathKind: fc.constant('prefix' as const), path: fc.oneof(fc.constant('/'), fc.constant(''), absolutePath, absolutePath.map((p) => `${p}/`)) }),
    fc.record({ pathKind: fc.constant('path' as const), path: fc.oneof(fc.constant('/'), absolutePath) }),
    fc.record({ pathKind: fc.constant('safe_regex' as const), path: simpleRegex }),
    // ^[^?#]+[^?#/]$ and a leading "/": never "/" alone, never a trailing "/".
    fc.record({ pathKind: fc.constant('path_separated_prefix' as const), path: absolutePath }),
  ).map((path) => ({ ...path, ...rest })),
);

const RETRY_ON = ['5xx', 'gateway-error', 'reset', 'connect-failure', 'retriable-4xx', 'refused-stream'] as const;
const retryPolicy = fc.record({
  retryOn: fc.uniqueArray(fc.constantFrom(...RETRY_ON), { minLength: 1, maxLength: 3 }).map((r) => r.join(',')),
  numRetries: fc.integer({ min: 0, max: 10 }),
  perTryTimeout: optional(duration),
});

const hostName = fc.array(dnsLabel(10), { minLength: 2, maxLength: 4 }).map((labels) => labels.join('.'));

const forwardOptions = fc.record({
  timeout: optional(duration),
  prefixRewrite: optional(fc.oneof(fc.constant('/'), absolutePath, absolutePath.map((p) => `${p}/`))),
  hostRewrite: optional(hostName),
  retry: optional(retryPolicy),
  websocket: fc.boolean(),
});

/** A rule action; `clusterIds` is never empty. */
function ruleAction(clusterIds: readonly string[]): fc.Arbitrary<RuleAction> {
  const clusterId = fc.constantFrom(...clusterIds);
  return fc.oneof(
    fc.record({ kind: fc.constant('cluster' as const), clusterId, options: forwardOptions }).map(({ options, ...a }) => ({ ...a, ...options })),
    fc
      .record({
        split: fc.shuffledSubarray([...clusterIds], { minLength: 1 }),
        weights: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: clusterIds.length, maxLength: clusterIds.length }),
        options: forwardOptions,
      })
      .map(({ split, weights, options }) => {
        const clusters = split.map((id, i) => ({ clusterId: id, weight: weights[i] }));
        // Envoy refuses a split whose weights sum to 0.
        if (clusters.every((c) => c.weight === 0)) clusters[0] = { ...clusters[0], weight: 1 };
        return { kind: 'weighted' as const, clusters, ...options };
      }),
    fc.record({
      kind: fc.constant('redirect' as const),
      hostRedirect: optional(hostName),
      pathRedirect: optional(absolutePath),
      httpsRedirect: fc.boolean(),
      responseCode: fc.constantFrom('MOVED_PERMANENTLY', 'FOUND', 'SEE_OTHER', 'TEMPORARY_REDIRECT', 'PERMANENT_REDIRECT'),
    }),
    fc.record({
      kind: fc.constant('direct' as const),
      status: fc.integer({ min: 200, max: 599 }),
      // Any text, unicode and newlines included; Envoy's default body limit is 4096 bytes.
      body: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })),
    }),
  );
}

const headerToAdd: fc.Arbitrary<HeaderToAdd> = fc.record({ name: headerName, value: headerValue, append: fc.boolean() });

function rule(id: string, clusterIds: readonly string[]): fc.Arbitrary<Rule> {
  return fc.record({
    id: fc.constant(id),
    name: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 16 })),
    match: routeMatch,
    action: ruleAction(clusterIds),
    headers: fc.record({
      requestAdd: fc.array(headerToAdd, { maxLength: 2 }),
      requestRemove: fc.uniqueArray(headerName, { maxLength: 2 }),
      responseAdd: fc.array(headerToAdd, { maxLength: 2 }),
      responseRemove: fc.uniqueArray(headerName, { maxLength: 2 }),
    }),
  });
}

/** Domains unique across every route (so any listener may serve any set of routes), one `*` at most. */
function domains(routeIndex: number, wildcard: boolean): fc.Arbitrary<string[]> {
  const base = `r${routeIndex}`;
  const forms = [
    `${base}.example.com`,
    `*.${base}.example.com`,
    `${base}.example.com:8080`,
    `${base}.svc.cluster.local`,
    `${base}.*`,
    `${base}-api.example.org`,
  ];
  return fc
    .shuffledSubarray(forms, { minLength: wildcard ? 0 : 1, maxLength: 3 })
    .map((picked) => (wildcard ? ['*', ...picked] : picked));
}

function endpoint(type: Cluster['type']): fc.Arbitrary<Endpoint> {
  const ip = fc.oneof(fc.ipV4(), fc.constantFrom('127.0.0.1', '10.0.0.1', '::1', '2001:db8::1'));
  return fc.record({
    host: type === 'STATIC' ? ip : hostName,
    port: fc.integer({ min: 1, max: 65535 }),
    weight: optional(fc.integer({ min: 1, max: 100 })),
  });
}

function cluster(id: string, name: string): fc.Arbitrary<Cluster> {
  return fc.constantFrom('STATIC' as const, 'STRICT_DNS' as const, 'LOGICAL_DNS' as const).chain((type) =>
    fc.record({
      id: fc.constant(id),
      name: fc.constant(name),
      type: fc.constant(type),
      lbPolicy: fc.constantFrom('ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM', 'RING_HASH', 'MAGLEV'),
      connectTimeout: duration,
      endpoints: fc.array(endpoint(type), type === 'LOGICAL_DNS' ? { minLength: 1, maxLength: 1 } : { minLength: 1, maxLength: 3 }),
      http2: fc.boolean(),
      tls: optional(fc.record({ sni: fc.oneof(fc.constant(''), hostName) })),
      healthCheck: optional(
        fc.record({
          path: fc.oneof(fc.constant('/'), absolutePath),
          host: optional(hostName),
          interval: duration,
          timeout: duration,
          healthyThreshold: fc.integer({ min: 1, max: 10 }),
          unhealthyThreshold: fc.integer({ min: 1, max: 10 }),
        }),
      ),
      circuitBreakers: optional(
        fc.record({
          maxConnections: optional(fc.integer({ min: 0, max: 100_000 })),
          maxPendingRequests: optional(fc.integer({ min: 0, max: 100_000 })),
          maxRequests: optional(fc.integer({ min: 0, max: 100_000 })),
          maxRetries: optional(fc.integer({ min: 0, max: 100 })),
        }),
      ),
      outlierDetection: optional(
        fc.record({
          consecutive5xx: optional(fc.integer({ min: 0, max: 100 })),
          interval: optional(duration),
          baseEjectionTime: optional(duration),
          maxEjectionPercent: optional(fc.integer({ min: 0, max: 100 })),
        }),
      ),
    }),
  );
}

const labelKey = fc.oneof(
  word(LOWER, `${ALNUM}-_.`, ALNUM, 16),
  fc.constantFrom('team', 'tier', 'app.kubernetes.io/part-of', 'example.com/owner'),
);
const labelValue = fc.oneof(fc.constant(''), word(MIXED, `${MIXED}-_.`, MIXED, 16));
const quantityPair = (requests: string[], limits: string[]) =>
  // Every limit offered is at or above every request offered: the API server refuses requests > limits.
  fc.record({ request: optional(fc.constantFrom(...requests)), limit: optional(fc.constantFrom(...limits)) });

function deployment(adminPort: number, appPort: number | null): fc.Arbitrary<Deployment> {
  return fc.record({
    // Also the app.kubernetes.io/name label value: at most 63 characters.
    name: fc.oneof(
      dnsLabel(20),
      fc.tuple(dnsLabel(30), dnsLabel(30)).map(([a, b]) => `${a}.${b}`),
      fc.constantFrom('n'.repeat(63), `${'a'.repeat(31)}.${'b'.repeat(31)}`),
    ),
    namespace: dnsLabel(20),
    labels: fc.dictionary(labelKey, labelValue, { maxKeys: 3 }),
    app:
      appPort === null
        ? fc.constant(null)
        : fc.record({
            // "envoy" is the sidecar's own container name.
            name: dnsLabel(12).filter((n) => n !== 'envoy'),
            image: fc.constantFrom('nginx:1.27', 'ghcr.io/example/app@sha256:0123abcd', 'registry.local:5000/app'),
            port: fc.constant(appPort),
          }),
    envoyImage: fc.constantFrom('envoyproxy/envoy:v1.39.5', 'envoyproxy/envoy:v1.31-latest'),
    admin: fc.record({ address: fc.constantFrom('0.0.0.0', '127.0.0.1'), port: fc.constant(adminPort) }),
    configMapName: fc.oneof(dnsLabel(20), fc.tuple(dnsLabel(8), dnsLabel(8)).map(([a, b]) => `${a}.${b}`)),
    resources: fc
      .record({
        cpu: quantityPair(['50m', '100m', '0.25'], ['500m', '1', '2']),
        memory: quantityPair(['32Mi', '64Mi', '100M'], ['128Mi', '256Mi', '1Gi']),
      })
      .map(({ cpu, memory }) => ({
        requestsCpu: cpu.request,
        requestsMemory: memory.request,
        limitsCpu: cpu.limit,
        limitsMemory: memory.limit,
      })),
    workloads: fc.record({ pod: fc.boolean(), daemonSet: fc.boolean() }),
    hostPorts: fc.boolean(),
  });
}

type Shape = {
  listeners: { http: boolean; port: number }[];
  routeCount: number;
  wildcardRoute: number | null;
  clusterCount: number;
  adminPort: number;
  appPort: number | null;
};

const shape: fc.Arbitrary<Shape> = fc
  .record({
    adminPort: fc.constantFrom(...ADMIN_PORTS),
    appPort: optional(fc.constantFrom(...APP_PORTS)),
    ports: fc.uniqueArray(fc.integer({ min: 1024, max: 65535 }), { maxLength: 4 }),
    http: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    routeCount: fc.integer({ min: 0, max: 5 }),
    wildcard: fc.nat(),
    clusterCount: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ adminPort, appPort, ports, http, routeCount, wildcard, clusterCount }) => ({
    // A listener never binds the admin port nor the app's port: they share the Pod's network.
    listeners: ports.filter((p) => p !== adminPort && p !== appPort).map((port, i) => ({ port, http: http[i] })),
    routeCount,
    // Half the time one route (only one) serves `*`.
    wildcardRoute: routeCount > 0 && wildcard % 2 === 0 ? wildcard % routeCount : null,
    clusterCount,
    adminPort,
    appPort,
  }));

const listenerName = (i: number) =>
  fc.oneof(fc.constant(`listener_${i}`), fc.string({ minLength: 1, maxLength: 12 }).map((s) => `${s}#${i}`));

function listener(id: string, index: number, spec: { http: boolean; port: number }, routeIds: string[], clusterIds: string[]): fc.Arbitrary<Listener> {
  return fc.record({
    id: fc.constant(id),
    name: listenerName(index),
    address: fc.constantFrom('0.0.0.0', '127.0.0.1', '::'),
    port: fc.constant(spec.port),
    protocol: fc.constant(spec.http ? ('http' as const) : ('tcp' as const)),
    tls: optional(
      dnsLabel(12).map((secretName) => ({ secretName, mountPath: `/etc/envoy-tls/${secretName}` })),
    ),
    accessLog: fc.boolean(),
    codec: fc.constantFrom('AUTO', 'HTTP1', 'HTTP2'),
    requestTimeout: optional(duration),
    // Each route at most once per listener, in any order.
    routeIds: spec.http ? fc.shuffledSubarray(routeIds) : fc.constant([]),
    tcpClusterId: spec.http ? fc.constant(null) : fc.constantFrom(...clusterIds),
  });
}

/** Ids like the operations make them: `listener-1`, `route-1`, `rule-1`, `cluster-1`. */
function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}

/** Random valid designs: see the header of this file for what "valid" covers. */
export function arbitraryDesign(): fc.Arbitrary<Design> {
  return shape.chain((s) => {
    const clusterIds = ids('cluster', s.clusterCount);
    const routeIds = ids('route', s.routeCount);
    const listenerIds = ids('listener', s.listeners.length);
    const ruleCounts = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: s.routeCount, maxLength: s.routeCount });
    return ruleCounts.chain((counts) => {
      let offset = 0;
      const ruleIds = counts.map((n) => {
        const block = Array.from({ length: n }, (_, k) => `rule-${offset + k + 1}`);
        offset += n;
        return block;
      });
      const clusterNames = fc.uniqueArray(
        fc.oneof(dnsLabel(16), fc.string({ minLength: 1, maxLength: 16 })),
        { minLength: clusterIds.length, maxLength: clusterIds.length },
      );
      const routeNames = fc.uniqueArray(
        fc.oneof(dnsLabel(16), fc.string({ minLength: 1, maxLength: 16 })),
        { minLength: routeIds.length, maxLength: routeIds.length },
      );
      return fc
        .record({
          name: fc.string({ minLength: 1, maxLength: 40 }),
          clusters: clusterNames.chain((names) => fc.tuple(...clusterIds.map((id, i) => cluster(id, names[i])))),
          routes: routeNames.chain((names) =>
            fc.tuple(
              ...routeIds.map((id, i) =>
                fc.record({
                  id: fc.constant(id),
                  name: fc.constant(names[i]),
                  domains: domains(i, s.wildcardRoute === i),
                  rules: fc.tuple(...ruleIds[i].map((ruleId) => rule(ruleId, clusterIds))),
                }),
              ),
            ),
          ),
          listeners: fc
            .tuple(...listenerIds.map((id, i) => listener(id, i, s.listeners[i], routeIds, clusterIds)))
            // Envoy refuses two listeners with one name.
            .filter((ls) => new Set(ls.map((l) => l.name)).size === ls.length),
          deployment: deployment(s.adminPort, s.appPort),
          positions: fc.array(fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }), {
            minLength: 16,
            maxLength: 16,
          }),
        })
        .map(({ name, clusters, routes, listeners, deployment: dep, positions }) => {
          const layoutIds = [...listenerIds, ...routeIds, ...clusterIds];
          const layout = Object.fromEntries(layoutIds.map((id, i) => [id, positions[i % positions.length]]));
          const design: Design = {
            version: DESIGN_VERSION,
            name,
            listeners,
            routes: routes as Route[],
            clusters,
            deployment: dep,
            layout,
          };
          return design;
        });
    });
  });
}
