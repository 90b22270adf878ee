// The design document: what a user draws. Pure data, JSON-serialisable, validated by zod.
// Semantics (listeners, routes, clusters, deployment) are kept apart from `layout` (positions).
import { z } from 'zod';

// No generated parsers: the app's Content-Security-Policy forbids eval, and zod's probe for it
// (`new Function`) is reported as a violation even though zod catches it. Before any z.object().
z.config({ jitless: true });

export const DESIGN_VERSION = 1;

/** Envoy's JSON form of google.protobuf.Duration, e.g. "0.25s" or "15s". */
export const Duration = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,9})?s$/, { message: 'must be a duration in seconds, like 0.25s or 15s', abort: true });

/** A Duration Envoy requires to be greater than zero (connect timeouts, health-check timing). */
export const PositiveDuration = Duration.refine((value) => Number(value.slice(0, -1)) > 0, 'must be greater than 0s');

/** protobuf uint32 (and UInt32Value): what Envoy's counters and thresholds accept. */
const Uint32 = z.number().int('must be a whole number').min(0, 'must not be negative').max(4294967295, 'must be at most 4294967295');

export const Port = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

/** A DNS-1123 label: what Kubernetes accepts for namespaces, container and volume names. */
export const KubernetesLabelName = z
  .string()
  .max(63, 'must be at most 63 characters (a Kubernetes DNS-1123 label)')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be lower-case letters, digits and "-", starting and ending with a letter or digit (a Kubernetes DNS-1123 label)',
  );

/** A DNS-1123 subdomain: what Kubernetes accepts for object names such as ConfigMaps. */
export const KubernetesObjectName = z
  .string()
  .max(253, 'must be at most 253 characters (a Kubernetes DNS-1123 subdomain)')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be lower-case letters, digits, "-" and ".", starting and ending with a letter or digit (a Kubernetes DNS-1123 subdomain)',
  );

// Label keys may carry a DNS prefix ("app.kubernetes.io/name"); values are at most 63 characters.
const LabelKey = z
  .string()
  .regex(
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
    'must be a Kubernetes label key, like app or app.kubernetes.io/name',
  );
const LabelValue = z
  .string()
  .regex(
    /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/,
    'must be a Kubernetes label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
  );

const ContainerImage = z
  .string()
  .min(1, 'must name an image')
  .regex(/^[^\s]+$/, 'must not contain spaces');

/** Envoy element names are free text for Envoy, but never empty. */
const ElementName = z.string().min(1, 'must not be empty');
const Id = z.string().min(1);

// ---- Kept verbatim (imported configs) -------------------------------------------------------
//
// An imported Envoy config (src/import) holds more than the model expresses. What the model does
// not express is kept verbatim on the element it belongs to and emitted again at its place
// (src/generate/envoy/kept.ts), so the config round-trips. All of it is optional: a design drawn
// in the app has none, and generates exactly what it generated before these fields existed.

/**
 * A patch on the Envoy object the generator builds for an element. Model edits win over it. By
 * the value at each key:
 * - a string, number, boolean or list: added where the generated object has no such key;
 * - `{ "$value": o }`: the object `o`, added the same way;
 * - any other object: a patch of the generated object at that key (skipped when there is none);
 * - `{ "$replaceIfEqual": v, "with": w }`: the generated value becomes `w` while it is `v`;
 * - `{ "$omitIfEqual": v }`: the key is removed while the generated value is `v` (the original had
 *   no such key and the model shows Envoy's default; an edit brings the key back);
 * - `null`: the key is removed.
 */
export const KeptPatch = z.record(z.string(), z.unknown());
/** A whole Envoy object (a filter, a filter chain, a listener, a cluster), verbatim. */
export const Verbatim = z.record(z.string(), z.unknown());

/** What a listener kept, by the level of the Envoy listener it applies to. */
export const ListenerKept = z.object({
  /** On the Listener (everything but `filter_chains`). */
  listener: KeptPatch.optional(),
  /** Filter chains before and after the one the model describes, verbatim and in order. */
  filterChainsBefore: z.array(Verbatim).optional(),
  filterChainsAfter: z.array(Verbatim).optional(),
  /** On the model's filter chain (everything but `filters`). */
  filterChain: KeptPatch.optional(),
  /** Network filters before and after the connection manager / tcp_proxy, verbatim and in order. */
  filtersBefore: z.array(Verbatim).optional(),
  filtersAfter: z.array(Verbatim).optional(),
  /** On the HTTP connection manager or tcp_proxy filter (everything but the virtual hosts). */
  filter: KeptPatch.optional(),
  /** The protocol `filter` was kept for: it applies only while the listener has that protocol. */
  filterFor: z.enum(['http', 'tcp']).optional(),
});

/** What a cluster kept. */
export const ClusterKept = z.object({
  /** On the Cluster (everything but the lb_endpoints of its one locality). */
  cluster: KeptPatch.optional(),
  /** On the one LocalityLbEndpoints holding the endpoints (locality, priority, weight …). */
  locality: KeptPatch.optional(),
});

// ---- Listener -------------------------------------------------------------------------------

export const ListenerTls = z.object({
  /** Kubernetes Secret of type kubernetes.io/tls holding tls.crt and tls.key. */
  secretName: KubernetesObjectName,
  /** Where the Secret is mounted in the Envoy container. */
  mountPath: z.string().regex(/^\/[^\s]*$/, 'must be an absolute path'),
});

export const Listener = z.object({
  id: Id,
  name: ElementName,
  address: z.string().min(1, 'must not be empty'),
  port: Port,
  protocol: z.enum(['http', 'tcp']),
  tls: ListenerTls.nullable(),
  accessLog: z.boolean(),
  codec: z.enum(['AUTO', 'HTTP1', 'HTTP2']),
  requestTimeout: Duration.nullable(),
  /** Virtual hosts served (http), in order. */
  routeIds: z.array(Id),
  /** The cluster a tcp listener proxies to. */
  tcpClusterId: Id.nullable(),
  /** Imported config the model does not express (see KeptPatch). */
  kept: ListenerKept.optional(),
  /**
   * An imported listener the model cannot describe (no HTTP connection manager nor tcp_proxy, an
   * address that is not a socket address …): emitted exactly as this, with only `name` following
   * the element's name. The other fields are shown, not emitted.
   */
  raw: Verbatim.optional(),
});

// ---- Route (virtual host) -------------------------------------------------------------------

// Envoy's StringMatcher requires a non-empty prefix or regex; an exact match may be empty.
const needsValue = (m: { kind: string; value: string }) => !(m.kind === 'prefix' || m.kind === 'regex') || m.value.length > 0;
const NEEDS_VALUE = { message: 'a prefix or regex match needs a value', path: ['value'] };

export const HeaderMatcher = z
  .object({
    name: z.string().min(1, 'must name a header'),
    kind: z.enum(['exact', 'prefix', 'regex', 'present', 'absent']),
    value: z.string(),
  })
  .refine(needsValue, NEEDS_VALUE);

export const QueryParameterMatcher = z
  .object({
    name: z.string().min(1, 'must name a query parameter'),
    kind: z.enum(['exact', 'prefix', 'regex', 'present']),
    value: z.string(),
  })
  .refine(needsValue, NEEDS_VALUE);

export const RouteMatch = z
  .object({
    pathKind: z.enum(['prefix', 'path', 'safe_regex', 'path_separated_prefix']),
    path: z.string(),
    caseSensitive: z.boolean(),
    headers: z.array(HeaderMatcher),
    queryParameters: z.array(QueryParameterMatcher),
  })
  .superRefine((match, context) => {
    // The constraints Envoy's RouteMatch declares for these two path kinds.
    if (match.pathKind === 'safe_regex' && match.path.length === 0) {
      context.addIssue({ code: 'custom', path: ['path'], message: 'a regex match needs a regex' });
    }
    if (match.pathKind === 'path_separated_prefix' && !/^[^?#]+[^?#/]$/.test(match.path)) {
      context.addIssue({ code: 'custom', path: ['path'], message: 'a path-separated prefix starts with / and must not end with / nor contain ? or #' });
    }
  });

export const RetryPolicy = z.object({
  retryOn: z.string().min(1, 'must list retry conditions, like 5xx,reset'),
  numRetries: Uint32,
  perTryTimeout: Duration.nullable(),
});

const forwardOptions = {
  timeout: Duration.nullable(),
  prefixRewrite: z.string().nullable(),
  hostRewrite: z.string().nullable(),
  retry: RetryPolicy.nullable(),
  websocket: z.boolean(),
};

export const WeightedTarget = z.object({
  clusterId: Id,
  weight: Uint32,
});

export const RedirectCode = z.enum([
  'MOVED_PERMANENTLY',
  'FOUND',
  'SEE_OTHER',
  'TEMPORARY_REDIRECT',
  'PERMANENT_REDIRECT',
]);

export const RuleAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cluster'), clusterId: Id.nullable(), ...forwardOptions }),
  z.object({ kind: z.literal('weighted'), clusters: z.array(WeightedTarget).min(1, 'a split needs at least one cluster'), ...forwardOptions }),
  z.object({
    kind: z.literal('redirect'),
    hostRedirect: z.string().nullable(),
    pathRedirect: z.string().nullable(),
    httpsRedirect: z.boolean(),
    responseCode: RedirectCode,
  }),
  z.object({
    kind: z.literal('direct'),
    status: z.number().int().min(200, 'must be an HTTP status (200–599)').max(599, 'must be an HTTP status (200–599)'),
    body: z.string(),
  }),
]);

export const HeaderToAdd = z.object({
  name: z.string().min(1, 'must name a header'),
  value: z.string(),
  append: z.boolean(),
});

export const RuleHeaders = z.object({
  requestAdd: z.array(HeaderToAdd),
  requestRemove: z.array(z.string().min(1)),
  responseAdd: z.array(HeaderToAdd),
  responseRemove: z.array(z.string().min(1)),
});

export const Rule = z.object({
  id: Id,
  name: z.string(),
  match: RouteMatch,
  action: RuleAction,
  headers: RuleHeaders,
  /** Imported config on this Envoy route the model does not express (see KeptPatch). */
  kept: KeptPatch.optional(),
});

export const Route = z.object({
  id: Id,
  name: ElementName,
  domains: z.array(z.string().min(1, 'a domain must not be empty')).min(1, 'needs at least one domain'),
  rules: z.array(Rule),
  /** Imported config on this virtual host the model does not express (see KeptPatch). */
  kept: KeptPatch.optional(),
});

// ---- Cluster --------------------------------------------------------------------------------

export const Endpoint = z.object({
  host: z.string().min(1, 'must name a host or IP address'),
  port: Port,
  weight: Uint32.min(1, 'must be at least 1').nullable(),
  /** Imported config on this lb_endpoint the model does not express (see KeptPatch). */
  kept: KeptPatch.optional(),
});

export const HealthCheck = z.object({
  path: z.string().regex(/^\//, 'must be a path starting with /'),
  host: z.string().nullable(),
  interval: PositiveDuration,
  timeout: PositiveDuration,
  healthyThreshold: Uint32.min(1, 'must be at least 1'),
  unhealthyThreshold: Uint32.min(1, 'must be at least 1'),
});

export const CircuitBreakers = z.object({
  maxConnections: Uint32.nullable(),
  maxPendingRequests: Uint32.nullable(),
  maxRequests: Uint32.nullable(),
  maxRetries: Uint32.nullable(),
});

export const OutlierDetection = z.object({
  consecutive5xx: Uint32.nullable(),
  interval: Duration.nullable(),
  baseEjectionTime: Duration.nullable(),
  maxEjectionPercent: z.number().int().min(0).max(100).nullable(),
});

export const LbPolicy = z.enum(['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM', 'RING_HASH', 'MAGLEV']);
export const DiscoveryType = z.enum(['STATIC', 'STRICT_DNS', 'LOGICAL_DNS']);

export const Cluster = z.object({
  id: Id,
  name: ElementName,
  type: DiscoveryType,
  lbPolicy: LbPolicy,
  connectTimeout: PositiveDuration,
  endpoints: z.array(Endpoint),
  http2: z.boolean(),
  /** Upstream TLS; `sni` empty means no SNI is sent. */
  tls: z.object({ sni: z.string() }).nullable(),
  healthCheck: HealthCheck.nullable(),
  circuitBreakers: CircuitBreakers.nullable(),
  outlierDetection: OutlierDetection.nullable(),
  /** Imported config the model does not express (see KeptPatch). */
  kept: ClusterKept.optional(),
  /**
   * An imported cluster the model cannot describe (EDS, ORIGINAL_DST, a custom cluster type …):
   * emitted exactly as this, with only `name` following the element's name. Rules may still
   * forward to it.
   */
  raw: Verbatim.optional(),
});

// ---- Deployment -----------------------------------------------------------------------------

// Kubernetes' quantity grammar: a number, then a binary (Ki…Ei), decimal (n, u, m, k, M…E) or
// exponent suffix. Unambiguous, so a long bad input fails in linear time; capped first anyway.
const Quantity = z
  .string()
  .max(64, { message: 'must be a Kubernetes quantity, like 100m or 64Mi', abort: true })
  .regex(/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$/, 'must be a Kubernetes quantity, like 100m or 64Mi')
  .nullable();

export const Resources = z.object({
  requestsCpu: Quantity,
  requestsMemory: Quantity,
  limitsCpu: Quantity,
  limitsMemory: Quantity,
});

export const Deployment = z.object({
  /** Name of the Pod and DaemonSet, and the app.kubernetes.io/name label. */
  name: KubernetesObjectName.max(63, 'must be at most 63 characters (it is also the app.kubernetes.io/name Kubernetes label value)'),
  namespace: KubernetesLabelName,
  labels: z.record(LabelKey, LabelValue),
  /** The application container the Envoy sidecar sits beside (Pod only). */
  app: z
    .object({ name: KubernetesLabelName, image: ContainerImage, port: Port })
    .nullable(),
  envoyImage: ContainerImage,
  admin: z.object({ address: z.string().min(1), port: Port }),
  configMapName: KubernetesObjectName,
  resources: Resources,
  /** Which workloads kustomization.yaml applies; both files are always generated. */
  workloads: z.object({ pod: z.boolean(), daemonSet: z.boolean() }),
  /** DaemonSet only: expose listener ports on each node's IP (hostPort). */
  hostPorts: z.boolean(),
});

// ---- Saved test cases -----------------------------------------------------------------------
//
// Requests the author expects to land on a given cluster (or on no route at all). Checked by
// src/routing/testCases.ts, reported by validateDesign (rule test.failed), exported for Envoy's
// router_check_tool as route-tests.json. References (listener, cluster) are element ids; one that
// no longer resolves makes the case fail, visibly.

export const MAX_TEST_CASES = 500;

const TestHeader = z.tuple([
  z.string().min(1, 'a header needs a name').max(256, 'a header name must be at most 256 characters'),
  z.string().max(8192, 'a header value must be at most 8192 characters'),
]);

export const TestCaseRequest = z.object({
  /** `:authority` (Host), `host` or `host:port`. */
  authority: z.string().min(1, 'must name a host, like example.com').max(1024, 'must be at most 1024 characters'),
  /** `:path`, with its query string. */
  path: z.string().regex(/^\//, 'must be a path starting with /').max(8192, 'must be at most 8192 characters'),
  method: z.string().regex(/^[A-Za-z]{1,32}$/, 'must be an HTTP method, like GET or POST'),
  headers: z.array(TestHeader).max(100, 'at most 100 headers'),
  scheme: z.enum(['http', 'https'], { error: 'must be http or https' }),
});

export const TestCase = z.object({
  id: Id.max(100, 'must be at most 100 characters'),
  name: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  /** The listener (id) the request arrives on; null: the first HTTP listener, like the request tester. */
  listener: Id.nullable(),
  request: TestCaseRequest,
  /** `clusterId` null: the request must find no route (404). */
  expect: z.object({ clusterId: Id.nullable() }),
});

// ---- Design ---------------------------------------------------------------------------------

export const Position = z.object({ x: z.number(), y: z.number() });

export const Design = z.object({
  version: z.literal(DESIGN_VERSION),
  name: z.string().min(1, 'must not be empty').max(200),
  listeners: z.array(Listener),
  routes: z.array(Route),
  clusters: z.array(Cluster),
  deployment: Deployment,
  /** Canvas positions by element id: layout only, no meaning for Envoy. */
  layout: z.record(z.string(), Position),
  /**
   * Imported bootstrap config the model does not express (admin extras, node, stats, tracing,
   * dynamic_resources, layered_runtime, secrets …): a patch on the generated bootstrap, never on
   * its listeners and clusters (see KeptPatch).
   */
  keptBootstrap: KeptPatch.optional(),
  /** Saved request test cases, in order (see TestCase). */
  tests: z.array(TestCase).max(MAX_TEST_CASES, `at most ${MAX_TEST_CASES} test cases`).optional(),
});

export type Design = z.infer<typeof Design>;
export type Listener = z.infer<typeof Listener>;
export type ListenerTls = z.infer<typeof ListenerTls>;
export type Route = z.infer<typeof Route>;
export type Rule = z.infer<typeof Rule>;
export type RouteMatch = z.infer<typeof RouteMatch>;
export type RuleAction = z.infer<typeof RuleAction>;
export type HeaderMatcher = z.infer<typeof HeaderMatcher>;
export type QueryParameterMatcher = z.infer<typeof QueryParameterMatcher>;
export type HeaderToAdd = z.infer<typeof HeaderToAdd>;
export type RetryPolicy = z.infer<typeof RetryPolicy>;
export type WeightedTarget = z.infer<typeof WeightedTarget>;
export type Cluster = z.infer<typeof Cluster>;
export type Endpoint = z.infer<typeof Endpoint>;
export type HealthCheck = z.infer<typeof HealthCheck>;
export type CircuitBreakers = z.infer<typeof CircuitBreakers>;
export type OutlierDetection = z.infer<typeof OutlierDetection>;
export type Deployment = z.infer<typeof Deployment>;
export type Position = z.infer<typeof Position>;
export type TestCase = z.infer<typeof TestCase>;
export type TestCaseRequest = z.infer<typeof TestCaseRequest>;
export type ElementKind = 'listener' | 'route' | 'cluster';
export type KeptPatch = z.infer<typeof KeptPatch>;
export type Verbatim = z.infer<typeof Verbatim>;
export type ListenerKept = z.infer<typeof ListenerKept>;
export type ClusterKept = z.infer<typeof ClusterKept>;
