// An Envoy listener → a design listener, and the routes its connection manager serves. The model
// describes one filter chain with one HTTP connection manager (or tcp_proxy): that chain is the
// first holding one; other chains and network filters, and everything else of the listener, are
// kept verbatim around it. A listener with neither becomes a raw listener, kept whole.
import { buildListener } from '../generate/envoy/listener';
import { jsonEqual } from '../generate/envoy/kept';
import { CONFIG_DIR } from '../generate/kubernetes/envoyContainer';
import { TYPE, stdoutAccessLog } from '../generate/envoy/typeUrls';
import { Duration, KubernetesObjectName, type Listener, type ListenerKept, type Route } from '../model/schema';
import { ENUMS, isObj, type ImportContext, type Obj } from './context';
import { keptDiff } from './diff';
import { clusterNameOf, mapVirtualHost, type ClusterIds, type IdSource } from './mapRoute';
import { formatPath, type ConfigPath } from './parseText';

/** The port shown for a listener without one (an internal listener, a pipe): Kubernetes files only. */
const PLACEHOLDER_PORT = 10000;

export type MappedListener = { listener: Listener; routes: Route[]; raw?: string };

type Main = { chain: Obj; chainIndex: number; filter: Obj; filterIndex: number; http: boolean };

export function mapListener(original: Obj, at: ConfigPath, id: string, name: string, ids: IdSource, clusters: ClusterIds, ctx: ImportContext): MappedListener {
  const base: Listener = {
    id,
    name,
    address: '0.0.0.0',
    port: PLACEHOLDER_PORT,
    protocol: 'tcp',
    tls: null,
    accessLog: false,
    codec: 'AUTO',
    requestTimeout: null,
    routeIds: [],
    tcpClusterId: null,
  };
  const address = ctx.object(original.address, [...at, 'address']);
  const socket = address ? ctx.object(address.socket_address, [...at, 'address', 'socket_address']) : undefined;
  const host = socket ? ctx.string(socket.address, [...at, 'address', 'socket_address', 'address']) : undefined;
  const port = socket ? ctx.number(socket.port_value, [...at, 'address', 'socket_address', 'port_value']) : undefined;
  if (socket && port !== undefined) socket.port_value = port;
  const protocol = socket ? ctx.enumName(socket.protocol, ENUMS.socketProtocol, [...at, 'address', 'socket_address', 'protocol']) : undefined;
  if (socket && protocol !== undefined) socket.protocol = protocol;
  if (host) base.address = host;
  if (port !== undefined && Number.isInteger(port) && port >= 1 && port <= 65535) base.port = port;

  const main = findMain(original, at, ctx);
  const reason = !socket
    ? 'its address is not a socket address'
    : protocol === 'UDP'
      ? 'it is a UDP listener'
      : !main
        ? `it has no HTTP connection manager nor tcp_proxy${networkFilters(original)}`
        : null;
  if (reason) {
    if (base.port === PLACEHOLDER_PORT && port !== PLACEHOLDER_PORT) ctx.summary.notes.push(`${formatPath(at)}: has no port; the design shows ${PLACEHOLDER_PORT} (used by the Kubernetes files only)`);
    return { listener: { ...base, raw: original }, routes: [], raw: reason };
  }
  const { chain, chainIndex, filter, filterIndex, http } = main!;
  const chainAt: ConfigPath = [...at, 'filter_chains', chainIndex];
  const filterAt: ConfigPath = [...chainAt, 'filters', filterIndex];
  const config = filter.typed_config as Obj;
  const listener: Listener = { ...base, protocol: http ? 'http' : 'tcp', accessLog: jsonEqual(config.access_log, stdoutAccessLog()) };
  let routes: Route[] = [];
  if (http) {
    const codec = ctx.enumName(config.codec_type, ENUMS.codecType, [...filterAt, 'typed_config', 'codec_type']);
    if (codec !== undefined) config.codec_type = codec;
    if (codec === 'HTTP1' || codec === 'HTTP2') listener.codec = codec;
    const timeout = ctx.string(config.request_timeout, [...filterAt, 'typed_config', 'request_timeout']);
    if (timeout !== undefined && Duration.safeParse(timeout).success) listener.requestTimeout = timeout;
    const routeConfig = ctx.object(config.route_config, [...filterAt, 'typed_config', 'route_config']);
    const hostsAt: ConfigPath = [...filterAt, 'typed_config', 'route_config', 'virtual_hosts'];
    const hosts = routeConfig ? ctx.list(routeConfig.virtual_hosts, hostsAt) ?? [] : [];
    routes = hosts.map((value, i) => mapVirtualHost(ctx.object(value, [...hostsAt, i]) ?? {}, [...hostsAt, i], ids, clusters, ctx));
    listener.routeIds = routes.map((r) => r.id);
    listener.tls = downstreamTls(chain, chainAt, ctx);
  } else {
    const cluster = ctx.string(config.cluster, [...filterAt, 'typed_config', 'cluster']);
    listener.tcpClusterId = cluster !== undefined ? clusters.get(cluster) ?? null : null;
    listener.tls = downstreamTls(chain, chainAt, ctx);
  }
  return { listener: withKept(listener, routes, original, main!, at, clusters, ctx), routes };
}

/**
 * The filter chain the model describes: the first holding an HTTP connection manager (its routes
 * are the most to edit), else the first holding a tcp_proxy; by `@type`, never by name.
 */
function findMain(original: Obj, at: ConfigPath, ctx: ImportContext): Main | null {
  const chains = ctx.list(original.filter_chains, [...at, 'filter_chains']) ?? [];
  const found: Main[] = [];
  for (const [chainIndex, value] of chains.entries()) {
    const chain = ctx.object(value, [...at, 'filter_chains', chainIndex]);
    const filters = chain ? ctx.list(chain.filters, [...at, 'filter_chains', chainIndex, 'filters']) ?? [] : [];
    for (const [filterIndex, item] of filters.entries()) {
      const filter = ctx.object(item, [...at, 'filter_chains', chainIndex, 'filters', filterIndex]);
      const config = filter ? ctx.object(filter.typed_config, [...at, 'filter_chains', chainIndex, 'filters', filterIndex, 'typed_config']) : undefined;
      const type = config?.['@type'];
      if (type === TYPE.httpConnectionManager || type === TYPE.tcpProxy) {
        found.push({ chain: chain!, chainIndex, filter: filter!, filterIndex, http: type === TYPE.httpConnectionManager });
        break;
      }
    }
  }
  return found.find((m) => m.http) ?? found[0] ?? null;
}

function networkFilters(original: Obj): string {
  const chains = Array.isArray(original.filter_chains) ? original.filter_chains : [];
  const types = chains.flatMap((chain) =>
    isObj(chain) && Array.isArray(chain.filters)
      ? chain.filters.map((f) => (isObj(f) && isObj(f.typed_config) && typeof f.typed_config['@type'] === 'string' ? f.typed_config['@type'].split('.').pop()! : '?'))
      : [],
  );
  return types.length > 0 ? ` (network filters: ${[...new Set(types)].join(', ')})` : '';
}

/**
 * Listener TLS the model describes: one certificate whose chain and key are `tls.crt` and
 * `tls.key` in one directory, what a kubernetes.io/tls Secret mounted there holds.
 */
function downstreamTls(chain: Obj, at: ConfigPath, ctx: ImportContext): Listener['tls'] {
  const socket = ctx.object(chain.transport_socket, [...at, 'transport_socket']);
  const config = socket && isObj(socket.typed_config) ? socket.typed_config : undefined;
  if (!config || config['@type'] !== TYPE.downstreamTls || !isObj(config.common_tls_context)) return null;
  const certificates = config.common_tls_context.tls_certificates;
  if (!Array.isArray(certificates) || certificates.length !== 1) return null;
  const [certificate] = certificates;
  const file = (value: unknown) => (isObj(value) && Object.keys(value).length === 1 && typeof value.filename === 'string' ? value.filename : null);
  if (!isObj(certificate) || Object.keys(certificate).length !== 2) return null;
  const chainFile = file(certificate.certificate_chain);
  const keyFile = file(certificate.private_key);
  const dir = chainFile?.endsWith('/tls.crt') ? chainFile.slice(0, -'/tls.crt'.length) : null;
  if (!dir || keyFile !== `${dir}/tls.key` || !/^\/[^\s]*[^\s/]$/.test(dir)) return null;
  // A Secret mounted over (or above) the config's own directory would hide the config.
  if (CONFIG_DIR === dir || CONFIG_DIR.startsWith(`${dir}/`)) return null;
  const last = dir.slice(dir.lastIndexOf('/') + 1);
  const secretName = KubernetesObjectName.safeParse(last).success ? last : 'envoy-tls';
  ctx.summary.notes.push(`${formatPath(at)}: TLS certificate and key from ${dir}; the Kubernetes files mount the Secret "${secretName}" there (create it with kubectl create secret tls)`);
  return { secretName, mountPath: dir };
}

function withKept(listener: Listener, routes: Route[], original: Obj, main: Main, at: ConfigPath, clusters: ClusterIds, ctx: ImportContext): Listener {
  const built = buildListener(listener, routes, clusterNameOf(clusters));
  const builtChain = (built.filter_chains as Obj[])[0];
  const builtFilter = (builtChain.filters as Obj[])[0];
  const chainAt: ConfigPath = [...at, 'filter_chains', main.chainIndex];
  const filterAt: ConfigPath = [...chainAt, 'filters', main.filterIndex];

  const filter = keptDiff(builtFilter, main.filter, main.http ? [['typed_config', 'route_config', 'virtual_hosts']] : []);
  ctx.keep(filterAt, filter);
  const chain = keptDiff(builtChain, main.chain, [['filters']]);
  ctx.keep(chainAt, chain);
  const whole = keptDiff(built, original, [['filter_chains']]);
  ctx.keep(at, whole);

  const chains = original.filter_chains as Obj[];
  const filters = main.chain.filters as Obj[];
  const kept: ListenerKept = {
    ...(whole.patch && { listener: whole.patch }),
    ...(main.chainIndex > 0 && { filterChainsBefore: chains.slice(0, main.chainIndex) }),
    ...(main.chainIndex < chains.length - 1 && { filterChainsAfter: chains.slice(main.chainIndex + 1) }),
    ...(chain.patch && { filterChain: chain.patch }),
    ...(main.filterIndex > 0 && { filtersBefore: filters.slice(0, main.filterIndex) }),
    ...(main.filterIndex < filters.length - 1 && { filtersAfter: filters.slice(main.filterIndex + 1) }),
    ...(filter.patch && { filter: filter.patch, filterFor: listener.protocol }),
  };
  chains.forEach((_, i) => {
    if (i !== main.chainIndex) ctx.summary.kept.push(`${formatPath([...at, 'filter_chains', i])} (a filter chain the model does not describe)`);
  });
  filters.forEach((f, i) => {
    if (i === main.filterIndex) return;
    const type = isObj(f) && isObj(f.typed_config) ? ` ${String(f.typed_config['@type']).split('.').pop()}` : '';
    ctx.summary.kept.push(`${formatPath([...chainAt, 'filters', i])} (network filter${type})`);
  });
  return Object.keys(kept).length > 0 ? { ...listener, kept } : listener;
}
