// Listener and filter chain checks Envoy makes when it adds static listeners
// (source/common/listener_manager, source/common/config/utility.h), with Envoy's messages.
import { error, field, warning, type Finding } from './findings.ts';
import { TYPES, anyType, connectionManagers, filterChains, listAt, objectAt, staticListeners, stringAt, type At } from './configWalk.ts';

/** `0.0.0.0:10000`, `[::]:10000`, a pipe path or an internal listener name: Envoy's asString(). */
export function addressText(address: At['value']): string | null {
  const socket = address.socket_address as Record<string, unknown> | undefined;
  if (socket && typeof socket === 'object') {
    const host = String(socket.address ?? '');
    const port = socket.port_value ?? socket.named_port ?? 0;
    return `${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
  const pipe = address.pipe as Record<string, unknown> | undefined;
  if (pipe && typeof pipe.path === 'string') return pipe.path;
  const internal = address.envoy_internal_address as Record<string, unknown> | undefined;
  if (internal && typeof internal.server_listener_name === 'string') return `envoy://${internal.server_listener_name}`;
  return null;
}

const socketOf = (listener: At) => objectAt(listener, 'address')?.value.socket_address as Record<string, unknown> | undefined;
const isUdp = (listener: At) => socketOf(listener)?.protocol === 'UDP';

/** What makes two listener addresses the same socket: protocol, address, and (newer Envoy) network namespace. */
function socketKey(listener: At, text: string): string {
  const namespace = socketOf(listener)?.network_namespace_filepath;
  return `${isUdp(listener) ? 'udp' : 'tcp'} ${text} ${typeof namespace === 'string' ? namespace : ''}`;
}

/**
 * Names, addresses and filter chains of the static listeners. A second listener with a name
 * already used is dropped by Envoy without a word, so its address is not checked either.
 */
export function listenerFindings(config: unknown): Finding[] {
  const out: Finding[] = [];
  const names = new Set<string>();
  const addresses = new Map<string, string>();
  for (const listener of staticListeners(config)) {
    const name = stringAt(listener.value, 'name') ?? '';
    if (names.has(name)) {
      out.push(
        warning(
          'envoy.duplicate-listener-name',
          `duplicate listener name '${name}': Envoy keeps the first listener of that name and silently drops this one, so nothing listens on its address`,
          field(listener.path, 'name'),
        ),
      );
      continue;
    }
    names.add(name);
    // An internal listener is addressed by its name (envoy_internal_address), not a socket.
    if (listener.value.internal_listener) {
      out.push(...filterChainPresence(listener, `envoy://${name}`));
      continue;
    }
    const address = objectAt(listener, 'address');
    const text = address && addressText(address.value);
    if (!address || text === null) {
      out.push(error('envoy.listener-address', `error adding listener named '${name}': address is necessary`, listener.path));
      continue;
    }
    out.push(...filterChainPresence(listener, text));
    // Port 0 asks the kernel for any free port; listeners that do not bind cannot clash.
    if (text.endsWith(':0') || listener.value.bind_to_port === false) continue;
    const key = socketKey(listener, text);
    if (addresses.has(key)) {
      out.push(error('envoy.duplicate-listener-address', `error adding listener: '${name}' has duplicate address '${text}' as existing listener`, address.path));
    } else {
      addresses.set(key, name);
    }
  }
  return out;
}

/** TCP (and QUIC) listeners need a filter chain; plain UDP listeners (udp_proxy) do not. */
function filterChainPresence(listener: At, address: string): Finding[] {
  if (filterChains(listener).length > 0 || listener.value.api_listener) return [];
  const quic = (listener.value.udp_listener_config as Record<string, unknown> | undefined)?.quic_options !== undefined;
  if (isUdp(listener) && !quic) return [];
  return [error('envoy.listener-filter-chains', `error adding listener '${address}': no filter chains specified`, listener.path)];
}

// Factory names and terminal-ness of the filters Envoy ships. Contrib and unknown filters are not
// judged: we cannot know whether they end a chain.
const TERMINAL_NETWORK = new Set([
  TYPES.hcm,
  TYPES.tcpProxy,
  'envoy.extensions.filters.network.redis_proxy.v3.RedisProxy',
  'envoy.extensions.filters.network.thrift_proxy.v3.ThriftProxy',
  'envoy.extensions.filters.network.dubbo_proxy.v3.DubboProxy',
  'envoy.extensions.filters.network.direct_response.v3.Config',
  'envoy.extensions.filters.network.echo.v3.Echo',
]);
const NON_TERMINAL_NETWORK = new Set([
  'envoy.extensions.filters.network.rbac.v3.RBAC',
  'envoy.extensions.filters.network.local_ratelimit.v3.LocalRateLimit',
  'envoy.extensions.filters.network.ratelimit.v3.RateLimit',
  'envoy.extensions.filters.network.ext_authz.v3.ExtAuthz',
  'envoy.extensions.filters.network.client_ssl_auth.v3.ClientSSLAuth',
  'envoy.extensions.filters.network.sni_cluster.v3.SniCluster',
  'envoy.extensions.filters.network.sni_dynamic_forward_proxy.v3.FilterConfig',
  'envoy.extensions.filters.network.connection_limit.v3.ConnectionLimit',
  'envoy.extensions.filters.network.mongo_proxy.v3.MongoProxy',
  'envoy.extensions.filters.network.zookeeper_proxy.v3.ZooKeeperProxy',
]);
const TERMINAL_HTTP = new Set([TYPES.router, 'envoy.extensions.filters.http.upstream_codec.v3.UpstreamCodec']);

/** `envoy.extensions.filters.http.cors.v3.Cors` → `envoy.filters.http.cors`, the factory's name. */
function factoryName(type: string): string {
  const match = /^envoy\.extensions\.filters\.(http|network|listener|udp)\.([a-z0-9_]+)\./.exec(type);
  return match ? `envoy.filters.${match[1]}.${match[2]}` : type;
}

type ChainKind = { label: 'http' | 'network'; isTerminal: (type: string) => boolean; isKnown: (type: string) => boolean };

/** Config::Utility::validateTerminalFilters, and the factory lookup by type URL before it. */
function chainFindings(filters: At[], kind: ChainKind): Finding[] {
  const out: Finding[] = [];
  filters.forEach((filter, i) => {
    const name = stringAt(filter.value, 'name') ?? '';
    // Filters from ECDS (config_discovery) arrive later; optional ones may be skipped.
    if (filter.value.config_discovery || filter.value.is_optional === true) return;
    const typed = filter.value.typed_config;
    const type = anyType(typed);
    if (!type) {
      out.push(error('envoy.missing-typed-config', `Didn't find a registered implementation for '${name}' with type URL: ''`, filter.path));
      return;
    }
    const last = i === filters.length - 1;
    if (kind.isTerminal(type) && !last) {
      out.push(
        error('envoy.filter-order', `Error: terminal filter named ${name} of type ${factoryName(type)} must be the last filter in a ${kind.label} filter chain.`, filter.path),
      );
    } else if (last && !kind.isTerminal(type) && kind.isKnown(type)) {
      out.push(
        error('envoy.filter-order', `Error: non-terminal filter named ${name} of type ${factoryName(type)} is the last filter in a ${kind.label} filter chain.`, filter.path),
      );
    }
  });
  return out;
}

/** Network filter chains of every static listener, and the HTTP filters of every inline HCM. */
export function filterFindings(config: unknown, isRegistered: (type: string) => boolean): Finding[] {
  const network: ChainKind = { label: 'network', isTerminal: (t) => TERMINAL_NETWORK.has(t), isKnown: (t) => NON_TERMINAL_NETWORK.has(t) };
  const http: ChainKind = { label: 'http', isTerminal: (t) => TERMINAL_HTTP.has(t), isKnown: isRegistered };
  const out: Finding[] = [];
  for (const listener of staticListeners(config)) {
    for (const chain of filterChains(listener)) out.push(...chainFindings(listAt(chain, 'filters'), network));
    for (const filter of listAt(listener, 'listener_filters')) {
      if (filter.value.config_discovery || anyType(filter.value.typed_config)) continue;
      out.push(error('envoy.missing-typed-config', `Didn't find a registered implementation for '${stringAt(filter.value, 'name') ?? ''}' with type URL: ''`, filter.path));
    }
  }
  // An HCM without http_filters gets a router added by Envoy, so only non-empty lists are judged.
  for (const { hcm } of connectionManagers(config)) out.push(...chainFindings(listAt(hcm, 'http_filters'), http));
  return out;
}
