// An Envoy cluster → a design cluster. Discovery types the model has (STATIC, STRICT_DNS,
// LOGICAL_DNS) become editable clusters, the rest of their config kept verbatim; other discovery
// (EDS, ORIGINAL_DST, a custom cluster_type) becomes a raw cluster, kept whole.
import { buildCluster } from '../generate/envoy/cluster';
import { jsonEqual } from '../generate/envoy/kept';
import { HTTP_PROTOCOL_OPTIONS_KEY, TYPE } from '../generate/envoy/typeUrls';
import { DiscoveryType, Duration, LbPolicy, PositiveDuration, type Cluster, type Endpoint } from '../model/schema';
import { ENUMS, isObj, type ImportContext, type Obj } from './context';
import { keptDiff } from './diff';
import type { ConfigPath } from './parseText';

/** Envoy's default connect timeout, shown when a cluster does not set one. */
const DEFAULT_CONNECT_TIMEOUT = '5s';
const UINT32_MAX = 4294967295;

const isUint32 = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 0 && n <= UINT32_MAX;
const isPort = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 1 && n <= 65535;

export type MappedCluster = { cluster: Cluster; raw: boolean; reason?: string };

export function mapCluster(original: Obj, at: ConfigPath, id: string, name: string, ctx: ImportContext): MappedCluster {
  const base: Cluster = {
    id,
    name,
    type: 'STATIC',
    lbPolicy: 'ROUND_ROBIN',
    connectTimeout: DEFAULT_CONNECT_TIMEOUT,
    endpoints: [],
    http2: false,
    tls: null,
    healthCheck: null,
    circuitBreakers: null,
    outlierDetection: null,
  };

  const type = ctx.enumName(original.type, ENUMS.discoveryType, [...at, 'type']);
  if (type !== undefined) original.type = type;
  const discovery = type ?? (original.cluster_type !== undefined && original.cluster_type !== null ? 'cluster_type' : 'STATIC');
  const connectTimeout = ctx.string(original.connect_timeout, [...at, 'connect_timeout']);
  if (connectTimeout !== undefined && PositiveDuration.safeParse(connectTimeout).success) base.connectTimeout = connectTimeout;
  const lbPolicy = ctx.enumName(original.lb_policy, ENUMS.lbPolicy, [...at, 'lb_policy']);
  if (lbPolicy !== undefined) original.lb_policy = lbPolicy;
  if (lbPolicy !== undefined && LbPolicy.safeParse(lbPolicy).success) base.lbPolicy = lbPolicy as Cluster['lbPolicy'];

  if (!DiscoveryType.safeParse(discovery).success) {
    const reason = discovery === 'cluster_type' ? 'a custom cluster_type' : `type ${discovery}`;
    return { cluster: { ...base, raw: original }, raw: true, reason };
  }
  const cluster: Cluster = { ...base, type: discovery as Cluster['type'] };

  // Endpoints: editable when there is exactly one locality of socket-address endpoints.
  const assignment = ctx.object(original.load_assignment, [...at, 'load_assignment']);
  const groups = assignment ? ctx.list(assignment.endpoints, [...at, 'load_assignment', 'endpoints']) : undefined;
  const group = groups?.length === 1 ? ctx.object(groups[0], [...at, 'load_assignment', 'endpoints', 0]) : undefined;
  const lbEndpoints = group ? ctx.list(group.lb_endpoints, [...at, 'load_assignment', 'endpoints', 0, 'lb_endpoints']) : undefined;
  const endpointsAt: ConfigPath = [...at, 'load_assignment', 'endpoints', 0, 'lb_endpoints'];
  const mapped = group ? (lbEndpoints ?? []).map((le, i) => mapEndpoint(le, [...endpointsAt, i], ctx)) : [];
  const oneLocality = group !== undefined && mapped.every((e) => e !== null);
  if (oneLocality) cluster.endpoints = mapped as Endpoint[];

  const options = ctx.object(original.typed_extension_protocol_options, [...at, 'typed_extension_protocol_options']);
  const http = options && isObj(options[HTTP_PROTOCOL_OPTIONS_KEY]) ? options[HTTP_PROTOCOL_OPTIONS_KEY] : undefined;
  cluster.http2 = !!http && http['@type'] === TYPE.httpProtocolOptions && isObj(http.explicit_http_config) && isObj(http.explicit_http_config.http2_protocol_options);

  const socket = ctx.object(original.transport_socket, [...at, 'transport_socket']);
  const tls = socket ? ctx.object(socket.typed_config, [...at, 'transport_socket', 'typed_config']) : undefined;
  if (tls && tls['@type'] === TYPE.upstreamTls) {
    const sni = ctx.string(tls.sni, [...at, 'transport_socket', 'typed_config', 'sni']);
    cluster.tls = { sni: sni ?? '' };
  }

  cluster.healthCheck = healthCheck(original, at, ctx);
  cluster.circuitBreakers = circuitBreakers(original, at, ctx);
  cluster.outlierDetection = outlierDetection(original, at, ctx);

  // Only what generates exactly the original array is the model's; the rest is kept verbatim.
  const built = buildCluster(cluster);
  if (cluster.healthCheck && !jsonEqual(built.health_checks, original.health_checks)) cluster.healthCheck = null;
  const builtBreakers = built.circuit_breakers as Obj | undefined;
  const breakers = original.circuit_breakers as Obj | undefined;
  if (cluster.circuitBreakers && !jsonEqual(builtBreakers?.thresholds, breakers?.thresholds)) cluster.circuitBreakers = null;

  return { cluster: withKept(cluster, original, at, oneLocality, ctx), raw: false };
}

function mapEndpoint(value: unknown, at: ConfigPath, ctx: ImportContext): Endpoint | null {
  const le = ctx.object(value, at);
  const endpoint = le ? ctx.object(le.endpoint, [...at, 'endpoint']) : undefined;
  const address = endpoint ? ctx.object(endpoint.address, [...at, 'endpoint', 'address']) : undefined;
  const socketAt = [...at, 'endpoint', 'address', 'socket_address'];
  const socket = address ? ctx.object(address.socket_address, socketAt) : undefined;
  if (!le || !socket) return null;
  const host = ctx.string(socket.address, [...socketAt, 'address']);
  const port = ctx.number(socket.port_value, [...socketAt, 'port_value']);
  if (port !== undefined) socket.port_value = port;
  const weight = ctx.number(le.load_balancing_weight, [...at, 'load_balancing_weight']);
  if (weight !== undefined) le.load_balancing_weight = weight;
  if (!host || !isPort(port)) return null;
  if (weight !== undefined && !(isUint32(weight) && weight >= 1)) return null;
  return { host, port, weight: weight ?? null };
}

function healthCheck(original: Obj, at: ConfigPath, ctx: ImportContext): Cluster['healthCheck'] {
  const checks = ctx.list(original.health_checks, [...at, 'health_checks']);
  if (checks?.length !== 1 || !isObj(checks[0])) return null;
  const check = checks[0];
  const http = isObj(check.http_health_check) ? check.http_health_check : undefined;
  const path = http && typeof http.path === 'string' && http.path.startsWith('/') ? http.path : undefined;
  const host = http && typeof http.host === 'string' && http.host !== '' ? http.host : null;
  const interval = typeof check.interval === 'string' && PositiveDuration.safeParse(check.interval).success ? check.interval : undefined;
  const timeout = typeof check.timeout === 'string' && PositiveDuration.safeParse(check.timeout).success ? check.timeout : undefined;
  const healthy = threshold(check.healthy_threshold);
  const unhealthy = threshold(check.unhealthy_threshold);
  if (!path || !interval || !timeout || healthy === null || unhealthy === null) return null;
  return { path, host, interval, timeout, healthyThreshold: healthy, unhealthyThreshold: unhealthy };
}

function threshold(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && isUint32(n) && n >= 1 ? n : null;
}

function circuitBreakers(original: Obj, at: ConfigPath, ctx: ImportContext): Cluster['circuitBreakers'] {
  const breakers = ctx.object(original.circuit_breakers, [...at, 'circuit_breakers']);
  const thresholds = breakers ? ctx.list(breakers.thresholds, [...at, 'circuit_breakers', 'thresholds']) : undefined;
  if (thresholds?.length !== 1 || !isObj(thresholds[0])) return null;
  const t = thresholds[0];
  const read = (key: string) => (isUint32(t[key] as number) ? (t[key] as number) : null);
  return { maxConnections: read('max_connections'), maxPendingRequests: read('max_pending_requests'), maxRequests: read('max_requests'), maxRetries: read('max_retries') };
}

function outlierDetection(original: Obj, at: ConfigPath, ctx: ImportContext): Cluster['outlierDetection'] {
  const detection = ctx.object(original.outlier_detection, [...at, 'outlier_detection']);
  if (!detection) return null;
  const duration = (v: unknown) => (typeof v === 'string' && Duration.safeParse(v).success ? v : null);
  const percent = detection.max_ejection_percent;
  return {
    consecutive5xx: isUint32(detection.consecutive_5xx as number) ? (detection.consecutive_5xx as number) : null,
    interval: duration(detection.interval),
    baseEjectionTime: duration(detection.base_ejection_time),
    maxEjectionPercent: typeof percent === 'number' && Number.isInteger(percent) && percent >= 0 && percent <= 100 ? percent : null,
  };
}

/** The kept patches: on each lb_endpoint, on the one locality, on the cluster. */
function withKept(cluster: Cluster, original: Obj, at: ConfigPath, oneLocality: boolean, ctx: ImportContext): Cluster {
  const built = buildCluster(cluster);
  const assignmentAt: ConfigPath = ['load_assignment', 'endpoints'];
  if (!oneLocality) {
    const diff = keptDiff(built, original);
    ctx.keep(at, diff);
    return diff.patch ? { ...cluster, kept: { cluster: diff.patch } } : cluster;
  }
  const builtGroup = ((built.load_assignment as Obj).endpoints as Obj[])[0];
  const group = ((original.load_assignment as Obj).endpoints as Obj[])[0];
  const lbEndpoints = group.lb_endpoints as Obj[] | undefined;
  const endpoints = cluster.endpoints.map((endpoint, i) => {
    const diff = keptDiff((builtGroup.lb_endpoints as Obj[])[i], lbEndpoints![i]);
    ctx.keep([...at, ...assignmentAt, 0, 'lb_endpoints', i], diff);
    return diff.patch ? { ...endpoint, kept: diff.patch } : endpoint;
  });
  const locality = keptDiff(builtGroup, group, [['lb_endpoints']]);
  ctx.keep([...at, ...assignmentAt, 0], locality);
  const whole = keptDiff(built, original, [assignmentAt]);
  ctx.keep(at, whole);
  const kept = { ...(whole.patch && { cluster: whole.patch }), ...(locality.patch && { locality: locality.patch }) };
  return { ...cluster, endpoints, ...(Object.keys(kept).length > 0 && { kept }) };
}
