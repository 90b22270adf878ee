// Request → listener → virtual host → first matching rule → what Envoy does, with Envoy's semantics
// (source/common/router/config_impl.cc). Matching runs on the Envoy config the generator emits for
// the listener (src/generate/envoy/listener.ts), so what an imported config kept verbatim (a gRPC
// condition, vhost_header, require_tls …) counts exactly as Envoy would count it; results are
// reported by the design's element ids. Pure: no window, no fs.
import { buildListener } from '../generate/envoy/listener';
import type { Design, Listener, Route } from '../model/schema';
import { routeOutcome, sslRedirectLocation } from './actions';
import { evaluateMatch, type MatchContext } from './conditions';
import { domainTable, findVirtualHost, matchingHost } from './domains';
import { hcmSettings, portStart, viewRequest } from './request';
import { semanticsFor } from './semantics';
import { asciiLower, isObj } from './strings';
import type { MatchOptions, MatchOutcome, MatchResult, RuleVerdict, TestRequest } from './types';

type Obj = Record<string, unknown>;
const TYPE_HCM = 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';
const ROUTER = 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router';
const UINT64 = 2n ** 64n;

type PreparedListener = { routes: Route[]; built: ReturnType<typeof buildListener>; idsByName: Map<string, string> };

// Matching reads the listener's generated Envoy config; designs are immutable, so it is built once
// per design and listener, not once per request (saved test cases run many requests per edit).
const prepared = new WeakMap<Design, Map<string, PreparedListener>>();

function preparedListener(design: Design, listener: Listener): PreparedListener {
  let byListener = prepared.get(design);
  if (!byListener) prepared.set(design, (byListener = new Map()));
  const hit = byListener.get(listener.id);
  if (hit) return hit;
  const routesById = new Map(design.routes.map((r) => [r.id, r]));
  const routes = listener.routeIds.flatMap((id) => routesById.get(id) ?? []);
  const names = new Map(design.clusters.map((c) => [c.id, c.name]));
  const idsByName = new Map<string, string>();
  for (const c of design.clusters) if (!idsByName.has(c.name)) idsByName.set(c.name, c.id);
  const entry = { routes, built: buildListener(listener, routes, (id) => names.get(id) ?? id), idsByName };
  byListener.set(listener.id, entry);
  return entry;
}

export function matchRequest(design: Design, request: TestRequest, options: MatchOptions = {}): MatchResult {
  const notes: string[] = [];
  const result = (listener: Listener | null, outcome: MatchOutcome, rest: Partial<MatchResult> = {}): MatchResult => ({
    listenerId: listener?.id ?? null,
    listener: listener?.name ?? null,
    virtualHostId: null,
    virtualHost: null,
    domainMatch: null,
    trace: [],
    ruleId: null,
    route: null,
    outcome,
    notes,
    ...rest,
  });
  const noRoute = (listener: Listener | null, reason: string, rest: Partial<MatchResult> = {}) => result(listener, { kind: 'no-route', status: 404, reason }, rest);

  const chosen = chooseListener(design, options.listener);
  if ('error' in chosen) return noRoute(null, chosen.error);
  const { listener } = chosen;
  const random = randomValue(options.random, notes);

  const { routes, built, idsByName } = preparedListener(design, listener);
  const main = mainFilterChain(listener, built, notes);
  if ('error' in main) return noRoute(listener, main.error);
  const { hcm, tls } = main;
  const routeConfig = hcm.route_config;
  if (!isObj(routeConfig)) {
    const source = hcm.rds !== undefined ? 'RDS' : hcm.scoped_routes !== undefined ? 'scoped RDS' : 'nowhere';
    return noRoute(listener, `listener ${listener.name} takes its routes from ${source}; the tester only sees inline routes`);
  }

  const view = viewRequest(request, hcmSettings(hcm), listener.port, notes);
  listenerNotes(design, listener, request, tls, notes);
  const semantics = semanticsFor(design, options.repeatedHeaders);
  if ([...view.headers.values()].some((values) => values.length > 1)) notes.push(...semantics.why);

  const hosts = (Array.isArray(routeConfig.virtual_hosts) ? routeConfig.virtual_hosts : []).map((v) => (isObj(v) ? v : {}));
  const table = domainTable(hosts.map((h) => (Array.isArray(h.domains) ? h.domains.filter((d): d is string => typeof d === 'string') : [])));
  if (table.duplicates.length > 0) notes.push(`duplicate domains (${table.duplicates.join(', ')}): Envoy refuses the config; the tester uses the first`);
  const ignorePort = options.ignorePortInHostMatching ?? routeConfig.ignore_port_in_host_matching === true;

  // Fast path of findVirtualHost: only a "*" host matches every request, whatever its authority.
  let host: string | null;
  const onlyDefault = table.exact.size === 0 && table.suffixes.length === 0 && table.prefixes.length === 0;
  const vhostHeader = typeof routeConfig.vhost_header === 'string' && routeConfig.vhost_header !== '' ? asciiLower(routeConfig.vhost_header) : null;
  if (vhostHeader) {
    host = view.headers.get(vhostHeader)?.[0] ?? null;
    notes.push(`virtual hosts are chosen by the header ${vhostHeader} (vhost_header), not the authority`);
  } else {
    host = view.authority === '' ? null : view.authority;
  }
  const domain = onlyDefault ? findVirtualHost(table, '') : host === null ? null : findVirtualHost(table, matchingHost(host, ignorePort));
  if (!onlyDefault && !ignorePort && host !== null && matchingHost(host, true) !== matchingHost(host, false)) {
    const bare = findVirtualHost(table, matchingHost(host, true));
    if (bare && bare.index !== domain?.index) {
      const name = typeof hosts[bare.index].name === 'string' ? ` (${hosts[bare.index].name})` : '';
      notes.push(
        `Envoy matches domains with the authority's port: without the port, ${bare.domain}${name} would match. Add a domain with the port, ` +
          'or set ignore_port_in_host_matching (route config) or strip_matching_host_port (listener)',
      );
    }
  }
  if (!domain) {
    const reason =
      host === null
        ? `no ${vhostHeader ? `${vhostHeader} header` : 'authority'} to choose a virtual host by`
        : hosts.length === 0
          ? `listener ${listener.name} has no routes`
          : `no virtual host of listener ${listener.name} has a domain matching ${JSON.stringify(matchingHost(host, ignorePort))}`;
    return noRoute(listener, reason);
  }
  const vhost = hosts[domain.index];
  const route: Route | undefined = routes.length === hosts.length ? routes[domain.index] : undefined;
  const located: Partial<MatchResult> = {
    virtualHostId: route?.id ?? null,
    virtualHost: route?.name ?? (typeof vhost.name === 'string' ? vhost.name : null),
    domainMatch: { domain: domain.domain, kind: domain.kind },
  };

  const tlsRequired = requireTls(vhost.require_tls);
  if (view.forwardedProto !== 'https' && (tlsRequired === 'ALL' || (tlsRequired === 'EXTERNAL_ONLY' && view.headers.get('x-envoy-internal')?.[0] !== 'true'))) {
    notes.push(`the virtual host requires TLS (require_tls ${tlsRequired}): Envoy redirects before looking at any rule`);
    return result(listener, { kind: 'redirect', location: sslRedirectLocation(view), status: 301 }, located);
  }
  if (vhost.matcher !== undefined) return result(listener, { kind: 'unsupported', reason: 'the virtual host routes with a matcher tree, which the tester does not simulate' }, located);

  const ctx: MatchContext = {
    view,
    repeatedHeaders: semantics.repeatedHeaders,
    ignorePathParameters: routeConfig.ignore_path_parameters_in_path_matching === true,
    presentMatchObservesValue: semantics.presentMatchObservesValue,
    random,
  };
  const entries = Array.isArray(vhost.routes) ? vhost.routes : [];
  const trace: RuleVerdict[] = [];
  for (const [index, entry] of entries.entries()) {
    const envoyRoute = isObj(entry) ? entry : {};
    const rule = route?.rules[index];
    const name = rule?.name || (typeof envoyRoute.name === 'string' && envoyRoute.name) || String(index + 1);
    const verdict = evaluateMatch(envoyRoute.match, ctx);
    trace.push({ ruleId: rule?.id ?? `${located.virtualHostId ?? 'virtual-host'}#${index + 1}`, index, name, ...verdict });
    if (!verdict.matched) continue;
    const outcome = routeOutcome(envoyRoute, { view, random, clusterId: (n) => idsByName.get(n) ?? null, notes });
    return result(listener, outcome, { ...located, trace, ruleId: rule?.id ?? null, route: name });
  }
  return noRoute(listener, entries.length === 0 ? `virtual host ${located.virtualHost} has no rules` : `no rule of virtual host ${located.virtualHost} matches`, { ...located, trace });
}

function chooseListener(design: Design, wanted: string | undefined): { listener: Listener } | { error: string } {
  if (wanted !== undefined) {
    const listener = design.listeners.find((l) => l.id === wanted) ?? design.listeners.find((l) => l.name === wanted);
    if (!listener) return { error: `no listener named ${JSON.stringify(wanted)}; the design has ${design.listeners.map((l) => l.name).join(', ') || 'none'}` };
    if (listener.raw) return { error: `listener ${listener.name} is kept verbatim (the model cannot describe it); the tester cannot route through it` };
    if (listener.protocol !== 'http') return { error: `listener ${listener.name} is a TCP proxy: it forwards bytes, HTTP routing does not apply` };
    return { listener };
  }
  const listener = design.listeners.find((l) => l.protocol === 'http' && !l.raw);
  return listener ? { listener } : { error: 'the design has no HTTP listener' };
}

function randomValue(random: number | bigint | undefined, notes: string[]): bigint | null {
  if (random === undefined) return null;
  if (typeof random === 'bigint' ? random >= 0n : Number.isSafeInteger(random) && random >= 0) return BigInt(random) % UINT64;
  notes.push(`the random value ${String(random)} is not a whole number from 0 up: ignored`);
  return null;
}

/** The connection manager of the listener's main filter chain (the one the model describes). */
function mainFilterChain(listener: Listener, built: Obj, notes: string[]): { hcm: Obj; tls: boolean } | { error: string } {
  const kept = listener.kept;
  const chains = Array.isArray(built.filter_chains) ? built.filter_chains : [];
  const chain = chains[kept?.filterChainsBefore?.length ?? 0];
  const filters = isObj(chain) && Array.isArray(chain.filters) ? chain.filters : [];
  const filter = filters[kept?.filtersBefore?.length ?? 0];
  const hcm = isObj(filter) && isObj(filter.typed_config) ? filter.typed_config : null;
  if (!hcm || hcm['@type'] !== TYPE_HCM) return { error: `listener ${listener.name} has no HTTP connection manager the tester can read` };
  if (chains.length > 1) notes.push(`listener ${listener.name} has ${chains.length} filter chains; the tester uses the one with the HTTP connection manager`);
  const others = (Array.isArray(hcm.http_filters) ? hcm.http_filters : [])
    .filter((f) => !(isObj(f) && isObj(f.typed_config) && f.typed_config['@type'] === ROUTER))
    .map((f) => (isObj(f) && typeof f.name === 'string' ? f.name : '?'));
  if (others.length > 0) notes.push(`HTTP filters before the router (${others.join(', ')}) may change or answer the request first; not simulated`);
  return { hcm, tls: isObj(chain) && chain.transport_socket !== undefined };
}

function requireTls(value: unknown): 'NONE' | 'EXTERNAL_ONLY' | 'ALL' {
  if (value === 1 || (typeof value === 'string' && value.toUpperCase() === 'EXTERNAL_ONLY')) return 'EXTERNAL_ONLY';
  if (value === 2 || (typeof value === 'string' && value.toUpperCase() === 'ALL')) return 'ALL';
  return 'NONE';
}

/** Informational: the authority's port and the request's scheme against the design's listeners. */
function listenerNotes(design: Design, listener: Listener, request: TestRequest, tls: boolean, notes: string[]): void {
  const authority = request.headers?.find(([n]) => asciiLower(n.trim()) === 'host')?.[1]?.trim() ?? request.authority;
  const at = portStart(authority);
  const port = at >= 0 && /^\d{1,5}$/.test(authority.slice(at + 1)) ? Number(authority.slice(at + 1)) : null;
  if (port !== null && port !== listener.port) {
    const other = design.listeners.find((l) => l.port === port && l.protocol === 'http' && !l.raw);
    notes.push(
      other
        ? `the authority names port ${port}, where listener ${other.name} listens; routed with listener ${listener.name} (port ${listener.port}) as asked`
        : `no listener listens on port ${port} (the authority's port); routed with listener ${listener.name} (port ${listener.port}). A Kubernetes Service may map ports`,
    );
  }
  const scheme = request.scheme ?? 'http';
  if (scheme === 'https' && !tls) notes.push(`listener ${listener.name} does not terminate TLS: an https request to it fails the handshake`);
  if (scheme === 'http' && tls) notes.push(`listener ${listener.name} terminates TLS: a plain-HTTP request to it fails`);
}

