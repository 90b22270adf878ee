// Is the parsed value an Envoy v3 bootstrap at all? Refuses, with the place named, what is not:
// another kind of document, a v2 config (`config`, `hosts`, `envoy.api.v2` types, …).
import type { ConfigPath } from './parseText';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields of envoy.config.bootstrap.v3.Bootstrap (a document has at least one). */
export const BOOTSTRAP_FIELDS = new Set([
  'node', 'node_context_params', 'static_resources', 'dynamic_resources', 'cluster_manager', 'hds_config', 'flags_path',
  'stats_sinks', 'deferred_stat_options', 'stats_config', 'stats_flush_interval', 'stats_flush_on_admin', 'watchdog',
  'watchdogs', 'tracing', 'layered_runtime', 'admin', 'overload_manager', 'enable_dispatcher_stats', 'header_prefix',
  'stats_server_version_override', 'use_tcp_for_dns_lookups', 'dns_resolution_config', 'typed_dns_resolver_config',
  'bootstrap_extensions', 'fatal_actions', 'config_sources', 'default_config_source', 'default_socket_interface',
  'certificate_provider_instances', 'inline_headers', 'perf_tracing_file_path', 'default_regex_engine',
  'xds_delegate_extension', 'xds_config_tracker_extension', 'listener_manager', 'application_log_config',
  'grpc_async_client_manager_config', 'memory_allocator_manager',
  // v2-only fields that still identify a bootstrap (refused below, with a better message).
  'runtime',
]);

const camelToSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Errors when `value` is not an Envoy bootstrap object; empty when it is one. */
export function bootstrapShapeErrors(value: unknown): string[] {
  if (!isObj(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a ${typeof value}`;
    return [`not an Envoy bootstrap: the document is ${what}, expected an object with static_resources, dynamic_resources, admin …`];
  }
  const keys = Object.keys(value);
  if (typeof value.apiVersion === 'string' && typeof value.kind === 'string') {
    const hint = value.kind === 'ConfigMap' ? '; import the envoy.yaml it holds instead' : '';
    return [`not an Envoy bootstrap: this is a Kubernetes ${value.kind} manifest${hint}`];
  }
  if (typeof value.version === 'number' && Array.isArray(value.listeners) && isObj(value.deployment)) {
    return ['not an Envoy bootstrap: this is a design document (design.json); open it instead of importing it'];
  }
  if (!keys.some((k) => BOOTSTRAP_FIELDS.has(k) || BOOTSTRAP_FIELDS.has(camelToSnake(k)))) {
    const found = keys.slice(0, 6).join(', ') + (keys.length > 6 ? ', …' : '');
    return [`not an Envoy bootstrap: none of static_resources, dynamic_resources, admin, node … at the top level (found: ${found || 'nothing'})`];
  }
  return [];
}

/** Errors for v2-era config that v3 Envoy refuses, each with where it is. */
export function v2Errors(value: Obj, where: (path: ConfigPath) => string): string[] {
  const errors: string[] = [];
  const add = (path: ConfigPath, message: string) => {
    if (errors.length < 20) errors.push(`${where(path)}: ${message}`);
  };
  if (isObj(value.runtime)) add(['runtime'], 'is v2 (removed in v3); use layered_runtime');
  scanTypes(value, [], add);
  const resources = value.static_resources;
  if (!isObj(resources)) return errors;
  const listeners = Array.isArray(resources.listeners) ? resources.listeners : [];
  listeners.forEach((listener, i) => {
    if (!isObj(listener)) return;
    const at: ConfigPath = ['static_resources', 'listeners', i];
    extensions(listener.listener_filters, [...at, 'listener_filters'], add);
    const chains = Array.isArray(listener.filter_chains) ? listener.filter_chains : [];
    chains.forEach((chain, j) => {
      if (!isObj(chain)) return;
      const chainAt = [...at, 'filter_chains', j];
      if ('tls_context' in chain) add([...chainAt, 'tls_context'], 'is v2 (removed in v3); use transport_socket with a DownstreamTlsContext typed_config');
      extensions(chain.filters, [...chainAt, 'filters'], add);
      const filters = Array.isArray(chain.filters) ? chain.filters : [];
      filters.forEach((filter, k) => {
        const config = isObj(filter) && isObj(filter.typed_config) ? filter.typed_config : null;
        if (!config) return;
        const configAt = [...chainAt, 'filters', k, 'typed_config'];
        extensions(config.http_filters, [...configAt, 'http_filters'], add);
        extensions(config.access_log, [...configAt, 'access_log'], add);
      });
    });
  });
  const clusters = Array.isArray(resources.clusters) ? resources.clusters : [];
  clusters.forEach((cluster, i) => {
    if (!isObj(cluster)) return;
    const at: ConfigPath = ['static_resources', 'clusters', i];
    if ('hosts' in cluster) add([...at, 'hosts'], 'is v2 (removed in v3); use load_assignment with endpoints');
    if ('tls_context' in cluster) add([...at, 'tls_context'], 'is v2 (removed in v3); use transport_socket with an UpstreamTlsContext typed_config');
  });
  return errors;
}

/** Extensions (filters, access logs) configured by the v2 `config` field instead of `typed_config`. */
function extensions(list: unknown, at: ConfigPath, add: (path: ConfigPath, message: string) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (!isObj(item)) return;
    if ('config' in item && !('typed_config' in item)) {
      add([...at, i, 'config'], `is v2 (removed in v3): configure ${typeof item.name === 'string' ? `"${item.name}" ` : ''}with typed_config and an "@type"`);
    }
    if ('deprecated_v1' in item) add([...at, i, 'deprecated_v1'], 'is v1/v2 (removed in v3)');
  });
}

/** `@type`s of v2 packages, anywhere: `envoy.api.v2.*`, `envoy.config.filter.*`, `*.v2.*`, `*.v2alpha.*`. */
function scanTypes(value: unknown, path: ConfigPath, add: (path: ConfigPath, message: string) => void, depth = 0): void {
  if (depth > 200) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => scanTypes(item, [...path, i], add, depth + 1));
    return;
  }
  if (!isObj(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === '@type' && typeof inner === 'string') {
      const type = inner.slice(inner.lastIndexOf('/') + 1);
      if (/^envoy\.api\.v2\.|^envoy\.config\.filter\.|\.v2(alpha\d*)?\./.test(type)) {
        add([...path, key], `"${type}" is a v2 type (removed in v3); use its v3 successor (envoy.extensions.… or envoy.config.….v3)`);
      }
    } else if ((key === 'transport_api_version' || key === 'resource_api_version') && typeof inner === 'string' && /^v2$/i.test(inner)) {
      add([...path, key], 'V2 xDS is removed; use V3');
    } else {
      scanTypes(inner, [...path, key], add, depth + 1);
    }
  }
}

