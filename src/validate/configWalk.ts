// Finds the parts of a normalised bootstrap (proto field names, canonical enums) that Envoy's
// load-time checks look at, each with its config path. Tolerant of any shape: the load-time rules
// also run on configs with schema errors, so a wrong type here is skipped, never thrown on.
import { field, index } from './findings.ts';
import { isPlainObject } from './schemaValues.ts';

export type Json = Record<string, unknown>;
export type At<T = Json> = { value: T; path: string };

const PREFIX = 'type.googleapis.com/';
export const TYPES = {
  hcm: 'envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
  router: 'envoy.extensions.filters.http.router.v3.Router',
  tcpProxy: 'envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
} as const;

const TYPED_STRUCTS = new Set(['xds.type.v3.TypedStruct', 'udpa.type.v1.TypedStruct']);
const typeOfUrl = (url: string) => (url.startsWith(PREFIX) ? url.slice(PREFIX.length) : url.slice(url.lastIndexOf('/') + 1));

/**
 * The message type an Any names, without the `type.googleapis.com/` prefix (or '' if none). A
 * TypedStruct stands for the type in its type_url, as in Envoy's Config::Utility::getFactoryType.
 */
export function anyType(any: unknown): string {
  if (!isPlainObject(any) || typeof any['@type'] !== 'string') return '';
  const type = typeOfUrl(any['@type']);
  return TYPED_STRUCTS.has(type) && typeof any.type_url === 'string' ? typeOfUrl(any.type_url) : type;
}

export const objectAt = (parent: At, name: string): At | null => {
  const value = parent.value[name];
  return isPlainObject(value) ? { value, path: field(parent.path, name) } : null;
};

/** The objects of a repeated message field, keeping their indexes (non-objects are skipped). */
export function listAt(parent: At, name: string): At[] {
  const value = parent.value[name];
  if (!Array.isArray(value)) return [];
  const path = field(parent.path, name);
  const out: At[] = [];
  value.forEach((item, i) => {
    if (isPlainObject(item)) out.push({ value: item, path: index(path, i) });
  });
  return out;
}

export const stringAt = (value: Json, name: string): string | undefined => (typeof value[name] === 'string' ? (value[name] as string) : undefined);

export function root(config: unknown): At {
  return { value: isPlainObject(config) ? config : {}, path: '' };
}

export function staticListeners(config: unknown): At[] {
  const resources = objectAt(root(config), 'static_resources');
  return resources ? listAt(resources, 'listeners') : [];
}

export function staticClusters(config: unknown): At[] {
  const resources = objectAt(root(config), 'static_resources');
  return resources ? listAt(resources, 'clusters') : [];
}

/** The filter chains of a listener, the default chain included. */
export function filterChains(listener: At): At[] {
  const chains = listAt(listener, 'filter_chains');
  const fallback = objectAt(listener, 'default_filter_chain');
  return fallback ? [...chains, fallback] : chains;
}

/** Every HTTP connection manager configured inline in a static listener, with its listener. */
export function connectionManagers(config: unknown): { listener: At; hcm: At }[] {
  const out: { listener: At; hcm: At }[] = [];
  for (const listener of staticListeners(config)) {
    for (const chain of filterChains(listener)) {
      for (const filter of listAt(chain, 'filters')) {
        const typed = objectAt(filter, 'typed_config');
        if (typed && anyType(typed.value) === TYPES.hcm) out.push({ listener, hcm: typed });
      }
    }
  }
  return out;
}

/**
 * Every inline route_config (RDS ones are fetched later and not checked at load time). Envoy
 * validates their cluster names unless validate_clusters is false.
 */
export function inlineRouteConfigs(config: unknown): { routeConfig: At; validateClusters: boolean }[] {
  return connectionManagers(config).flatMap(({ hcm }) => {
    const routeConfig = objectAt(hcm, 'route_config');
    if (!routeConfig) return [];
    return [{ routeConfig, validateClusters: routeConfig.value.validate_clusters !== false }];
  });
}

export const virtualHosts = (routeConfig: At): At[] => listAt(routeConfig, 'virtual_hosts');
export const routesOf = (virtualHost: At): At[] => listAt(virtualHost, 'routes');
