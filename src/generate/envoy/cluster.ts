// One Envoy cluster per design cluster: endpoints as load_assignment, options only when set.
import type { Cluster, Endpoint } from '../../model/schema';
import { applyKept, rawElement } from './kept';
import { HTTP_PROTOCOL_OPTIONS_KEY, TYPE, socketAddress } from './typeUrls';

export function buildCluster(cluster: Cluster): Record<string, unknown> {
  if (cluster.raw) return rawElement(cluster.raw, cluster.name);
  return applyKept(
    {
      name: cluster.name,
      type: cluster.type,
      connect_timeout: cluster.connectTimeout,
      lb_policy: cluster.lbPolicy,
      load_assignment: {
        cluster_name: cluster.name,
        endpoints: [applyKept({ lb_endpoints: cluster.endpoints.map(buildEndpoint) }, cluster.kept?.locality)],
      },
      ...(cluster.http2 && { typed_extension_protocol_options: http2Options() }),
      ...(cluster.tls && { transport_socket: upstreamTls(cluster.tls.sni) }),
      ...(cluster.healthCheck && { health_checks: [buildHealthCheck(cluster.healthCheck)] }),
      ...(cluster.circuitBreakers && { circuit_breakers: buildCircuitBreakers(cluster.circuitBreakers) }),
      ...(cluster.outlierDetection && { outlier_detection: buildOutlierDetection(cluster.outlierDetection) }),
    },
    cluster.kept?.cluster,
  );
}

function buildEndpoint(endpoint: Endpoint) {
  return applyKept(
    {
      endpoint: { address: socketAddress(endpoint.host, endpoint.port) },
      ...(endpoint.weight !== null && { load_balancing_weight: endpoint.weight }),
    },
    endpoint.kept,
  );
}

function http2Options() {
  return {
    [HTTP_PROTOCOL_OPTIONS_KEY]: {
      '@type': TYPE.httpProtocolOptions,
      explicit_http_config: { http2_protocol_options: {} },
    },
  };
}

function upstreamTls(sni: string) {
  return {
    name: 'envoy.transport_sockets.tls',
    typed_config: { '@type': TYPE.upstreamTls, ...(sni && { sni }) },
  };
}

function buildHealthCheck(check: NonNullable<Cluster['healthCheck']>) {
  return {
    timeout: check.timeout,
    interval: check.interval,
    unhealthy_threshold: check.unhealthyThreshold,
    healthy_threshold: check.healthyThreshold,
    http_health_check: { path: check.path, ...(check.host && { host: check.host }) },
  };
}

/** Only the thresholds the user set; Envoy's defaults apply to the rest. */
function buildCircuitBreakers(breakers: NonNullable<Cluster['circuitBreakers']>) {
  return {
    thresholds: [
      {
        ...(breakers.maxConnections !== null && { max_connections: breakers.maxConnections }),
        ...(breakers.maxPendingRequests !== null && { max_pending_requests: breakers.maxPendingRequests }),
        ...(breakers.maxRequests !== null && { max_requests: breakers.maxRequests }),
        ...(breakers.maxRetries !== null && { max_retries: breakers.maxRetries }),
      },
    ],
  };
}

function buildOutlierDetection(detection: NonNullable<Cluster['outlierDetection']>) {
  return {
    ...(detection.consecutive5xx !== null && { consecutive_5xx: detection.consecutive5xx }),
    ...(detection.interval !== null && { interval: detection.interval }),
    ...(detection.baseEjectionTime !== null && { base_ejection_time: detection.baseEjectionTime }),
    ...(detection.maxEjectionPercent !== null && { max_ejection_percent: detection.maxEjectionPercent }),
  };
}
