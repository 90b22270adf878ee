// Permalink codec version 1, the JSON level: design ↔ "compact" value, before deflate.
//
// The compact value is the design with every value that equals the frozen defaults of
// ./defaultsV1 left out, element by element (listener, route, rule, match, action by kind,
// cluster, endpoint, health check, …, deployment), and three shortenings that restore exactly:
//  - an element's `id` is left out when it is the expected `<kind>-<n>` (see ID_KINDS_V1);
//  - a reference to an element of the design (a listener's routes and TCP cluster, a rule's
//    clusters) is written as the element's index in its array; dangling references stay strings;
//  - `layout` is a list of [x, y] (or 0 when absent), one per element in the order listeners,
//    routes, clusters, and `layoutOther` holds any key that is not an element id. Every position
//    is kept, even one that equals the automatic column layout.
//
// Config kept verbatim from an imported Envoy file (`kept`, `raw`, `keptBootstrap`: optional, no
// default) is carried as it is: present when the design has it, absent otherwise, so links made
// before those fields existed decode exactly as they did. Saved test cases (`tests`) likewise.
//
// `expandV1` is the inverse: it deep-merges the defaults back. It never validates (loadDesign
// does, after it) and never throws on any JSON value, except TooManyItems: each array item (and
// label, and extra layout key) costs one unit of a fixed budget, so a small link cannot expand into
// a huge document.
import { DEFAULTS_V1 as D, ID_KINDS_V1, defaultEndpointHostV1, defaultTlsMountPathV1 } from './defaultsV1';

type Obj = Record<string, unknown>;
type ElementArray = 'listeners' | 'routes' | 'clusters';
type IdKind = keyof typeof ID_KINDS_V1;

const NONE = Symbol('no default');
type Derive = (self: Obj, parent: Obj | undefined) => unknown;

type Field = { spec: Spec; def?: unknown; derive?: Derive };
type ObjSpec = { t: 'obj'; fields: Record<string, Field> };
type Spec =
  | { t: 'leaf' }
  | ObjSpec
  | { t: 'nullable'; inner: Spec }
  | { t: 'array'; item: Spec; ids?: IdKind }
  | { t: 'union'; defaultKind: string; variants: Record<string, ObjSpec> }
  | { t: 'ref'; to: ElementArray }
  /** A JSON object of free keys (labels): verbatim, each key one item of the budget. */
  | { t: 'record' };

// ---- The shape of a version-1 design --------------------------------------------------------

const LEAF: Spec = { t: 'leaf' };
const leaf = (def?: unknown): Field => (def === undefined ? { spec: LEAF } : { spec: LEAF, def });
const required: Field = { spec: LEAF };
const obj = (fields: Record<string, Field>): ObjSpec => ({ t: 'obj', fields });
/** Every key of `defaults` as a leaf with that default. */
const leaves = (defaults: Obj): Record<string, Field> => Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, leaf(v)]));
const nullable = (inner: Spec): Field => ({ spec: { t: 'nullable', inner }, def: null });
const arrayOf = (item: Spec, def: unknown = [], ids?: IdKind): Field => ({ spec: { t: 'array', item, ids }, def });
const ref = (to: ElementArray, def?: unknown): Field => ({ spec: { t: 'ref', to }, def });
/** Imported config kept verbatim: an optional value with no default, carried as it is. */
const verbatim: Field = { spec: LEAF };

const retry = obj(leaves(D.retry));
const forwardOptions = (defaults: typeof D.action.cluster | typeof D.action.weighted) => ({
  timeout: leaf(defaults.timeout),
  prefixRewrite: leaf(defaults.prefixRewrite),
  hostRewrite: leaf(defaults.hostRewrite),
  retry: nullable(retry),
  websocket: leaf(defaults.websocket),
});
const ACTION_KIND = D.rule.action.kind;
const action: Spec = {
  t: 'union',
  defaultKind: ACTION_KIND,
  variants: {
    cluster: obj({ kind: leaf(ACTION_KIND), clusterId: ref('clusters', D.action.cluster.clusterId), ...forwardOptions(D.action.cluster) }),
    weighted: obj({
      kind: leaf(ACTION_KIND),
      clusters: arrayOf(obj({ clusterId: ref('clusters'), weight: leaf(D.weightedTarget.weight) }), D.action.weighted.clusters),
      ...forwardOptions(D.action.weighted),
    }),
    redirect: obj({ kind: leaf(ACTION_KIND), ...leaves(D.action.redirect) }),
    direct: obj({ kind: leaf(ACTION_KIND), ...leaves(D.action.direct) }),
  },
};

const headerMatcher = obj({ name: required, ...leaves(D.headerMatcher) });
const queryParameterMatcher = obj({ name: required, ...leaves(D.queryParameterMatcher) });
const headerToAdd = obj(leaves(D.headerToAdd));

const rule = obj({
  id: required,
  name: leaf(D.rule.name),
  match: {
    spec: obj({
      pathKind: leaf(D.rule.match.pathKind),
      path: leaf(D.rule.match.path),
      caseSensitive: leaf(D.rule.match.caseSensitive),
      headers: arrayOf(headerMatcher, D.rule.match.headers),
      queryParameters: arrayOf(queryParameterMatcher, D.rule.match.queryParameters),
    }),
    def: D.rule.match,
  },
  action: { spec: action, def: D.rule.action },
  headers: {
    spec: obj({
      requestAdd: arrayOf(headerToAdd, D.rule.headers.requestAdd),
      requestRemove: leaf(D.rule.headers.requestRemove),
      responseAdd: arrayOf(headerToAdd, D.rule.headers.responseAdd),
      responseRemove: leaf(D.rule.headers.responseRemove),
    }),
    def: D.rule.headers,
  },
  kept: verbatim,
});

const listener = obj({
  id: required,
  name: required,
  address: leaf(D.listener.address),
  port: leaf(D.listener.port),
  protocol: leaf(D.listener.protocol),
  tls: nullable(
    obj({
      secretName: leaf(D.listenerTls.secretName),
      mountPath: { spec: LEAF, derive: (tls) => (typeof tls.secretName === 'string' ? defaultTlsMountPathV1(tls.secretName) : NONE) },
    }),
  ),
  accessLog: leaf(D.listener.accessLog),
  codec: leaf(D.listener.codec),
  requestTimeout: leaf(D.listener.requestTimeout),
  routeIds: arrayOf({ t: 'ref', to: 'routes' }, D.listener.routeIds),
  tcpClusterId: ref('clusters', D.listener.tcpClusterId),
  kept: verbatim,
  raw: verbatim,
});

const route = obj({
  id: required,
  name: required,
  domains: leaf(D.route.domains),
  rules: arrayOf(rule, D.route.rules, 'rules'),
  kept: verbatim,
});

const endpointHost: Derive = (_endpoint, cluster) => (typeof cluster?.name === 'string' ? defaultEndpointHostV1(cluster.name) : NONE);
const endpoint = obj({
  host: { spec: LEAF, derive: endpointHost },
  port: leaf(D.endpoint.port),
  weight: leaf(D.endpoint.weight),
  kept: verbatim,
});

const cluster = obj({
  id: required,
  name: required,
  type: leaf(D.cluster.type),
  lbPolicy: leaf(D.cluster.lbPolicy),
  connectTimeout: leaf(D.cluster.connectTimeout),
  endpoints: {
    spec: { t: 'array', item: endpoint },
    derive: (c) => (typeof c.name === 'string' ? [{ host: defaultEndpointHostV1(c.name), ...D.endpoint }] : NONE),
  },
  http2: leaf(D.cluster.http2),
  tls: nullable(obj(leaves(D.clusterTls))),
  healthCheck: nullable(obj(leaves(D.healthCheck))),
  circuitBreakers: nullable(obj(leaves(D.circuitBreakers))),
  outlierDetection: nullable(obj(leaves(D.outlierDetection))),
  kept: verbatim,
  raw: verbatim,
});

const deployment = obj({
  name: leaf(D.deployment.name),
  namespace: leaf(D.deployment.namespace),
  labels: { spec: { t: 'record' }, def: D.deployment.labels },
  app: nullable(obj(leaves(D.app))),
  envoyImage: leaf(D.deployment.envoyImage),
  admin: { spec: obj(leaves(D.deployment.admin)), def: D.deployment.admin },
  configMapName: leaf(D.deployment.configMapName),
  resources: { spec: obj(leaves(D.deployment.resources)), def: D.deployment.resources },
  workloads: { spec: obj(leaves(D.deployment.workloads)), def: D.deployment.workloads },
  hostPorts: leaf(D.deployment.hostPorts),
});

/** The design's fields but `layout`, in schema order. */
const DESIGN_FIELDS: Record<string, Field> = {
  version: leaf(D.design.version),
  name: leaf(D.design.name),
  listeners: arrayOf(listener, [], 'listeners'),
  routes: arrayOf(route, [], 'routes'),
  clusters: arrayOf(cluster, [], 'clusters'),
  deployment: { spec: deployment, def: D.deployment },
  keptBootstrap: verbatim,
  /** Saved test cases: optional, no default, carried verbatim (ids and references as they are). */
  tests: verbatim,
};

// ---- Helpers --------------------------------------------------------------------------------

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (value: Obj, key: string) => Object.prototype.hasOwnProperty.call(value, key);
/** Sets a key safely, even "__proto__". */
function put(target: Obj, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => has(b as Obj, k) && deepEqual((a as Obj)[k], (b as Obj)[k]));
}

/** A fresh, mutable copy of a (frozen) default. */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

function defaultOf(field: Field, self: Obj, parent: Obj | undefined): unknown {
  if (field.derive) return field.derive(self, parent);
  return has(field as Obj, 'def') ? field.def : NONE;
}

/** Ids: `<kind>-<n>`, n one above the previous element's number, or the previous n + 1. */
function expectedId(counters: Record<IdKind, number>, kind: IdKind): string {
  return `${ID_KINDS_V1[kind]}-${counters[kind]}`;
}
const ID_PATTERNS = Object.fromEntries(Object.entries(ID_KINDS_V1).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}-([1-9][0-9]{0,14})$`)])) as Record<IdKind, RegExp>;
function advance(counters: Record<IdKind, number>, kind: IdKind, id: unknown): void {
  const found = typeof id === 'string' ? ID_PATTERNS[kind].exec(id) : null;
  counters[kind] = found ? Number(found[1]) + 1 : counters[kind] + 1;
}
const freshCounters = (): Record<IdKind, number> => ({ listeners: 1, routes: 1, rules: 1, clusters: 1 });

// ---- Compact (encode) -----------------------------------------------------------------------

/** A reference as compacted: to which array, the id, the index it became (undefined: kept as the id). */
type CompactRef = [to: ElementArray, id: unknown, index: number | undefined];
type CompactContext = {
  index: Record<ElementArray, Map<unknown, number>>;
  counters: Record<IdKind, number>;
  /** The references the element being compacted resolved (see compactElement). */
  refs: CompactRef[];
};

function compactObj(spec: ObjSpec, value: unknown, context: CompactContext, parent: Obj | undefined): unknown {
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [key, field] of Object.entries(spec.fields)) {
    if (!has(value, key)) continue;
    const fallback = defaultOf(field, value, parent);
    if (fallback !== NONE && deepEqual(value[key], fallback)) continue;
    out[key] = compact(field.spec, value[key], context, value);
  }
  // Keys the schema does not know (only in a design that bypassed the load path): as they are.
  for (const key of Object.keys(value)) if (!has(spec.fields, key)) put(out, key, value[key]);
  return out;
}

function compact(spec: Spec, value: unknown, context: CompactContext, parent: Obj | undefined): unknown {
  switch (spec.t) {
    case 'leaf':
    case 'record':
      return value;
    case 'obj':
      return compactObj(spec, value, context, parent);
    case 'nullable':
      return value === null ? null : compact(spec.inner, value, context, parent);
    case 'ref': {
      const index = context.index[spec.to].get(value);
      context.refs.push([spec.to, value, index]);
      return typeof value === 'string' && index !== undefined ? index : value;
    }
    case 'union': {
      if (!isObj(value) || typeof value.kind !== 'string' || !has(spec.variants, value.kind)) return value;
      return compactObj(spec.variants[value.kind], value, context, parent);
    }
    case 'array': {
      if (!Array.isArray(value)) return value;
      const element = spec.ids !== undefined && ELEMENT_ARRAYS.has(spec.ids);
      return value.map((item) => (element && isObj(item) ? compactElement(spec, item, context, parent) : compactItem(spec, item, context, parent)));
    }
  }
}

function compactItem(spec: Spec & { t: 'array' }, item: unknown, context: CompactContext, parent: Obj | undefined): unknown {
  const out = compact(spec.item, item, context, parent);
  if (spec.ids && isObj(item) && isObj(out)) {
    if (item.id === expectedId(context.counters, spec.ids)) delete out.id;
    advance(context.counters, spec.ids, item.id);
  }
  return out;
}

const ELEMENT_ARRAYS = new Set<IdKind>(['listeners', 'routes', 'clusters']);
/** An element's compact value, with what it was made from besides the element (see compactElement). */
type Compacted = { out: unknown; countersBefore: string; countersAfter: Record<IdKind, number>; refs: CompactRef[] };
const COMPACTED = new WeakMap<Obj, Compacted>();
const countersKey = (counters: Record<IdKind, number>) => `${counters.listeners},${counters.routes},${counters.rules},${counters.clusters}`;

/**
 * A listener, route or cluster compacted, or its compact value from an earlier call: a design
 * element is an immutable value, and what else its compact value depends on (the id counters
 * before it, the indexes its references became) is checked to be the same. A keystroke changes
 * one element; compacting every element again took ~3.5 ms at 1,000 rules (the README's link).
 */
function compactElement(spec: Spec & { t: 'array' }, item: Obj, context: CompactContext, parent: Obj | undefined): unknown {
  const countersBefore = countersKey(context.counters);
  const kept = COMPACTED.get(item);
  if (kept && kept.countersBefore === countersBefore && kept.refs.every(([to, id, index]) => context.index[to].get(id) === index)) {
    Object.assign(context.counters, kept.countersAfter);
    return kept.out;
  }
  const outer = context.refs;
  context.refs = [];
  const out = compactItem(spec, item, context, parent);
  COMPACTED.set(item, { out, countersBefore, countersAfter: { ...context.counters }, refs: context.refs });
  context.refs = outer;
  return out;
}

/** The compact value of a design: see the header of this file. */
export function compactV1(design: unknown): unknown {
  if (!isObj(design)) return design;
  const index = {} as CompactContext['index'];
  for (const kind of ['listeners', 'routes', 'clusters'] as const) {
    index[kind] = new Map();
    const items = design[kind];
    if (Array.isArray(items)) {
      items.forEach((item, i) => {
        if (isObj(item) && typeof item.id === 'string' && !index[kind].has(item.id)) index[kind].set(item.id, i);
      });
    }
  }
  const context: CompactContext = { index, counters: freshCounters(), refs: [] };
  const { layout, ...rest } = design;
  const out = compactObj(obj(DESIGN_FIELDS), rest, context, undefined) as Obj;
  if (!isObj(layout)) {
    if (layout !== undefined) out.layout = layout;
    return out;
  }
  // Positions in element order; keys that are no element's id go to `layoutOther`.
  const positions: unknown[] = [];
  const used = new Set<string>();
  for (const id of elementIds(design)) {
    const position = typeof id === 'string' && !used.has(id) && has(layout, id) ? layout[id] : undefined;
    if (isObj(position) && typeof position.x === 'number' && typeof position.y === 'number') {
      positions.push([position.x, position.y]);
      used.add(id as string);
    } else {
      positions.push(0);
    }
  }
  while (positions.length > 0 && positions[positions.length - 1] === 0) positions.pop();
  if (positions.length > 0) out.layout = positions;
  const other = Object.keys(layout).filter((key) => !used.has(key));
  if (other.length > 0) {
    const rest: Obj = {};
    for (const key of other) put(rest, key, layout[key]);
    out.layoutOther = rest;
  }
  return out;
}

function elementIds(design: Obj): unknown[] {
  return (['listeners', 'routes', 'clusters'] as const).flatMap((kind) => {
    const items = design[kind];
    return Array.isArray(items) ? items.map((item) => (isObj(item) ? item.id : undefined)) : [];
  });
}

// ---- Expand (decode) ------------------------------------------------------------------------

/** Thrown when a link holds more array items than MAX_ITEMS. */
export class TooManyItems extends Error {}

/** The most items (elements, rules, endpoints, matchers, positions, labels, …) one link may hold. */
export const MAX_ITEMS = 10_000;

type ExpandContext = { ids: Record<ElementArray, unknown[]>; counters: Record<IdKind, number>; budget: number };

function spend(context: ExpandContext, items: number): void {
  context.budget -= items;
  if (context.budget < 0) throw new TooManyItems(`the link holds more than ${MAX_ITEMS} items`);
}

function expandObj(spec: ObjSpec, payload: unknown, context: ExpandContext, parent: Obj | undefined): unknown {
  if (!isObj(payload)) return payload;
  const out: Obj = {};
  const derived: [string, Field][] = [];
  for (const [key, field] of Object.entries(spec.fields)) {
    if (has(payload, key)) out[key] = expand(field.spec, payload[key], context, out);
    else if (field.derive) derived.push([key, field]);
    else if (has(field as Obj, 'def')) out[key] = clone(field.def);
  }
  for (const [key, field] of derived) {
    const fallback = field.derive!(out, parent);
    if (fallback !== NONE) out[key] = clone(fallback);
  }
  return out;
}

function expand(spec: Spec, payload: unknown, context: ExpandContext, parent: Obj | undefined): unknown {
  switch (spec.t) {
    case 'leaf':
      return payload;
    case 'record':
      if (isObj(payload)) spend(context, Object.keys(payload).length);
      return payload;
    case 'obj':
      return expandObj(spec, payload, context, parent);
    case 'nullable':
      return payload === null ? null : expand(spec.inner, payload, context, parent);
    case 'ref': {
      const ids = context.ids[spec.to];
      return typeof payload === 'number' && Number.isInteger(payload) && payload >= 0 && payload < ids.length ? ids[payload] : payload;
    }
    case 'union': {
      const kind = isObj(payload) ? (has(payload, 'kind') ? payload.kind : spec.defaultKind) : undefined;
      if (typeof kind !== 'string' || !has(spec.variants, kind)) return payload;
      return expandObj(spec.variants[kind], payload, context, parent);
    }
    case 'array': {
      if (!Array.isArray(payload)) return payload;
      spend(context, payload.length);
      return payload.map((item) => {
        const out = expand(spec.item, item, context, parent);
        if (!spec.ids || !isObj(item) || !isObj(out)) return out;
        const id = has(item, 'id') ? item.id : expectedId(context.counters, spec.ids);
        advance(context.counters, spec.ids, id);
        const { id: _, ...rest } = out;
        return { id, ...rest };
      });
    }
  }
}

/** The design document of a compact value (not yet validated). Throws only TooManyItems. */
export function expandV1(payload: unknown): unknown {
  if (!isObj(payload)) return payload;
  const context: ExpandContext = { ids: { listeners: [], routes: [], clusters: [] }, counters: freshCounters(), budget: MAX_ITEMS };
  const field = (key: string) => (has(payload, key) ? expand(DESIGN_FIELDS[key].spec, payload[key], context, undefined) : clone(DESIGN_FIELDS[key].def));
  const idsOf = (items: unknown) => (Array.isArray(items) ? items.map((item) => (isObj(item) ? item.id : undefined)) : []);
  // Referenced kinds first: rules and listeners point at clusters, listeners at routes.
  const clusters = field('clusters');
  context.ids.clusters = idsOf(clusters);
  const routes = field('routes');
  context.ids.routes = idsOf(routes);
  const listeners = field('listeners');
  context.ids.listeners = idsOf(listeners);
  const design: Obj = {
    version: field('version'),
    name: field('name'),
    listeners,
    routes,
    clusters,
    deployment: field('deployment'),
  };
  design.layout = expandLayout(payload, context);
  if (has(payload, 'keptBootstrap')) design.keptBootstrap = field('keptBootstrap');
  if (has(payload, 'tests')) {
    if (Array.isArray(payload.tests)) spend(context, payload.tests.length);
    design.tests = field('tests');
  }
  return design;
}

function expandLayout(payload: Obj, context: ExpandContext): unknown {
  const positions = payload.layout;
  if (positions !== undefined && !Array.isArray(positions)) return positions;
  const entries: [string, unknown][] = [];
  if (Array.isArray(positions)) {
    spend(context, positions.length);
    const ids = [...context.ids.listeners, ...context.ids.routes, ...context.ids.clusters];
    positions.forEach((position, i) => {
      const id = ids[i];
      if (position === 0 || typeof id !== 'string') return;
      entries.push([id, Array.isArray(position) && position.length === 2 ? { x: position[0], y: position[1] } : position]);
    });
  }
  if (isObj(payload.layoutOther)) {
    const other = Object.entries(payload.layoutOther);
    spend(context, other.length);
    entries.push(...other);
  }
  return Object.fromEntries(entries);
}
