// A design listener: an HTTP connection manager with its routes inline, or a tcp_proxy.
import type { Listener, Route } from '../../model/schema';
import { applyKept, rawElement } from './kept';
import { buildVirtualHost, usesWebsocket, type ClusterNames } from './route';
import { TYPE, socketAddress, statPrefix, stdoutAccessLog } from './typeUrls';

/** `virtualHost` builds each route (remembered.ts passes its remembering one). */
export function buildListener(listener: Listener, routes: Route[], clusterName: ClusterNames, virtualHost: typeof buildVirtualHost = buildVirtualHost): Record<string, unknown> {
  if (listener.raw) return rawElement(listener.raw, listener.name);
  const kept = listener.kept;
  const main = listener.protocol === 'http' ? httpConnectionManager(listener, routes, clusterName, virtualHost) : tcpProxy(listener, clusterName);
  // A connection manager's kept config does not fit a tcp_proxy, nor the other way round.
  const filter = applyKept(main, (kept?.filterFor ?? listener.protocol) === listener.protocol ? kept?.filter : undefined);
  const filters = kept?.filtersBefore || kept?.filtersAfter ? [...(kept.filtersBefore ?? []), filter, ...(kept.filtersAfter ?? [])] : [filter];
  const chain = applyKept({ filters, ...(listener.tls && { transport_socket: downstreamTls(listener.tls) }) }, kept?.filterChain);
  return applyKept(
    {
      name: listener.name,
      address: socketAddress(listener.address, listener.port),
      filter_chains: [...(kept?.filterChainsBefore ?? []), chain, ...(kept?.filterChainsAfter ?? [])],
    },
    kept?.listener,
  );
}

function httpConnectionManager(listener: Listener, routes: Route[], clusterName: ClusterNames, virtualHost: typeof buildVirtualHost) {
  return {
    name: 'envoy.filters.network.http_connection_manager',
    typed_config: {
      '@type': TYPE.httpConnectionManager,
      stat_prefix: statPrefix(listener.name),
      codec_type: listener.codec,
      ...(listener.requestTimeout !== null && { request_timeout: listener.requestTimeout }),
      ...(listener.accessLog && { access_log: stdoutAccessLog() }),
      // Declared but disabled here: only routes that ask for websocket enable it (route.ts).
      ...(usesWebsocket(routes) && { upgrade_configs: [{ upgrade_type: 'websocket', enabled: false }] }),
      route_config: {
        name: `${listener.name}_routes`,
        virtual_hosts: routes.map((route) => virtualHost(route, clusterName)),
      },
      // The router is the terminal filter and must be last.
      http_filters: [{ name: 'envoy.filters.http.router', typed_config: { '@type': TYPE.router } }],
    },
  };
}

function tcpProxy(listener: Listener, clusterName: ClusterNames) {
  return {
    name: 'envoy.filters.network.tcp_proxy',
    typed_config: {
      '@type': TYPE.tcpProxy,
      stat_prefix: statPrefix(listener.name),
      cluster: listener.tcpClusterId ? clusterName(listener.tcpClusterId) : '',
      ...(listener.accessLog && { access_log: stdoutAccessLog() }),
    },
  };
}

/** Certificate and key come from a kubernetes.io/tls Secret mounted at `mountPath`. */
export function tlsFilePaths(tls: NonNullable<Listener['tls']>) {
  const dir = tls.mountPath.replace(/\/+$/, '');
  return { certificate: `${dir}/tls.crt`, privateKey: `${dir}/tls.key` };
}

function downstreamTls(tls: NonNullable<Listener['tls']>) {
  const paths = tlsFilePaths(tls);
  return {
    name: 'envoy.transport_sockets.tls',
    typed_config: {
      '@type': TYPE.downstreamTls,
      common_tls_context: {
        tls_certificates: [{ certificate_chain: { filename: paths.certificate }, private_key: { filename: paths.privateKey } }],
      },
    },
  };
}
