// Every extension in the v3 API is chosen by the `@type` of its typed_config, never by its name.
const prefix = 'type.googleapis.com/envoy.extensions';

export const TYPE = {
  httpConnectionManager: `${prefix}.filters.network.http_connection_manager.v3.HttpConnectionManager`,
  tcpProxy: `${prefix}.filters.network.tcp_proxy.v3.TcpProxy`,
  router: `${prefix}.filters.http.router.v3.Router`,
  stdoutAccessLog: `${prefix}.access_loggers.stream.v3.StdoutAccessLog`,
  downstreamTls: `${prefix}.transport_sockets.tls.v3.DownstreamTlsContext`,
  upstreamTls: `${prefix}.transport_sockets.tls.v3.UpstreamTlsContext`,
  httpProtocolOptions: `${prefix}.upstreams.http.v3.HttpProtocolOptions`,
} as const;

/** The key of typed_extension_protocol_options for upstream HTTP options. */
export const HTTP_PROTOCOL_OPTIONS_KEY = 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions';

export function stdoutAccessLog() {
  return [{ name: 'envoy.access_loggers.stdout', typed_config: { '@type': TYPE.stdoutAccessLog } }];
}

export function socketAddress(address: string, port: number) {
  return { socket_address: { address, port_value: port } };
}

/** Envoy stat prefixes become metric names: keep them to characters every stats sink accepts. */
export function statPrefix(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return cleaned || 'listener';
}
