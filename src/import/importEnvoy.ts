// Envoy v3 bootstrap (YAML or JSON) → a design. What the model expresses becomes model fields;
// everything else is kept verbatim on the element it belongs to (or on the design), so that
// generating the design gives back the original config, proto-equal (see src/generate/envoy/kept.ts).
// Pure (no fs, no window), synchronous, never throws. Positions come from `columnLayout`; callers
// that can wait run `autoLayout` (./layout) for ELK's layered layout.
import type { FileRegistry } from '@bufbuild/protobuf';
import { buildBootstrap } from '../generate/envoy/bootstrap';
import { jsonEqual } from '../generate/envoy/kept';
import { newDeployment } from '../model/defaults';
import { loadDesign } from '../model/load';
import { DESIGN_VERSION, type Cluster, type Design, type Listener, type Route } from '../model/schema';
import { bootstrapShapeErrors, v2Errors } from './checks';
import { ImportContext, isObj, type ImportSummary, type Obj } from './context';
import { IMPLICIT_DEFAULTS, keptDiff } from './diff';
import { columnLayout } from './layout';
import { mapCluster } from './mapCluster';
import { mapListener } from './mapListener';
import type { ClusterIds, IdSource } from './mapRoute';
import { formatPath, parseConfigText, type ConfigPath } from './parseText';
import { configsProtoEqual } from './protoCompare';
import { walkConfig } from './protoWalk';

export type { ImportSummary } from './context';
export type ImportResult = { ok: true; design: Design; summary: ImportSummary } | { ok: false; errors: string[] };
export type ImportOptions = {
  /** The design's name (e.g. the file's name); "Imported Envoy config" when not given. */
  name?: string;
};

const DEFAULT_NAME = 'Imported Envoy config';
const fail = (errors: string[]): ImportResult => ({ ok: false, errors });

/**
 * Imports an Envoy v3 bootstrap. With `registry` (src/validate's Envoy protos) the whole config is
 * also checked for values of the wrong type, its enum spellings and lowerCamel names normalised,
 * what the bundled protos do not know listed, and the round trip verified proto-equal.
 */
export function importEnvoyConfig(text: string, registry?: FileRegistry, options: ImportOptions = {}): ImportResult {
  try {
    return importConfig(text, registry, options);
  } catch (error) {
    if (error instanceof RangeError) return fail(['the config is nested too deeply to import']);
    return fail([`could not import the config: ${(error as Error)?.message ?? String(error)}`]);
  }
}

function importConfig(text: string, registry: FileRegistry | undefined, options: ImportOptions): ImportResult {
  const parsed = parseConfigText(text);
  if (!parsed.ok) return fail(parsed.errors);
  const { where } = parsed;
  const shape = bootstrapShapeErrors(parsed.value);
  if (shape.length > 0) return fail(shape);
  const v2 = v2Errors(parsed.value as Obj, where);
  if (v2.length > 0) return fail(v2);

  const ctx = new ImportContext(where);
  ctx.summary.notes.push(...parsed.notes);
  let config = parsed.value as Obj;
  if (registry) {
    const walked = walkConfig(config, registry);
    const typeErrors = walked.issues.filter((i) => i.kind === 'type');
    if (typeErrors.length > 0) return fail(typeErrors.slice(0, 20).map((i) => `${where(i.path)}: ${i.message}`));
    config = walked.value as Obj;
    for (const issue of walked.issues) ctx.summary.kept.push(`${formatPath(issue.path)}: ${issue.message} (newer Envoy or a contrib build?); kept verbatim, not checked`);
  }

  const resources = ctx.object(config.static_resources, ['static_resources']) ?? {};
  const listenerValues = ctx.list(resources.listeners, ['static_resources', 'listeners']) ?? [];
  const clusterValues = ctx.list(resources.clusters, ['static_resources', 'clusters']) ?? [];
  const objects = (values: unknown[], kind: string) =>
    values.map((value, i) => ctx.object(value, ['static_resources', kind, i]) ?? {});
  const clusterObjects = objects(clusterValues, 'clusters');
  const listenerObjects = objects(listenerValues, 'listeners');
  if (ctx.errors.length > 0) return fail(ctx.errors);

  // Clusters first: rules and tcp listeners refer to them by name.
  const clusterNames = elementNames(clusterObjects, ['static_resources', 'clusters'], 'cluster', ctx);
  const clusterIds: ClusterIds = new Map();
  const clusters: Cluster[] = clusterObjects.map((original, i) => {
    const id = `cluster-${i + 1}`;
    if (!clusterIds.has(clusterNames[i])) clusterIds.set(clusterNames[i], id);
    const at: ConfigPath = ['static_resources', 'clusters', i];
    const mapped = mapCluster(original, at, id, clusterNames[i], ctx);
    const c = mapped.cluster;
    if (mapped.raw) {
      ctx.summary.kept.push(`${formatPath(at)} (the whole cluster: ${mapped.reason})`);
      ctx.summary.nodes.push(`cluster "${c.name}" ← ${formatPath(at)}: kept whole (${mapped.reason})`);
    } else {
      ctx.summary.nodes.push(`cluster "${c.name}" ← ${formatPath(at)}: ${c.type}, ${plural(c.endpoints.length, 'endpoint')}`);
    }
    return c;
  });

  let routeCount = 0;
  let ruleCount = 0;
  const ids: IdSource = { route: () => `route-${++routeCount}`, rule: () => `rule-${++ruleCount}` };
  const listenerNames = elementNames(listenerObjects, ['static_resources', 'listeners'], 'listener', ctx);
  const listeners: Listener[] = [];
  const routes: Route[] = [];
  listenerObjects.forEach((original, i) => {
    const at: ConfigPath = ['static_resources', 'listeners', i];
    const mapped = mapListener(original, at, `listener-${i + 1}`, listenerNames[i], ids, clusterIds, ctx);
    const l = mapped.listener;
    listeners.push(l);
    routes.push(...mapped.routes);
    if (mapped.raw) {
      ctx.summary.kept.push(`${formatPath(at)} (the whole listener: ${mapped.raw})`);
      ctx.summary.nodes.push(`listener "${l.name}" ← ${formatPath(at)}: kept whole (${mapped.raw})`);
      return;
    }
    const serves = l.protocol === 'http' ? plural(l.routeIds.length, 'route') : `tcp_proxy to ${l.tcpClusterId ? `"${clusters.find((c) => c.id === l.tcpClusterId)?.name}"` : 'a cluster the design does not hold'}`;
    ctx.summary.nodes.push(`listener "${l.name}" ← ${formatPath(at)}: ${l.protocol} ${l.address}:${l.port}${l.tls ? ' (TLS)' : ''}, ${serves}`);
    for (const route of mapped.routes) ctx.summary.nodes.push(`route "${route.name}" (virtual host of "${l.name}"): ${route.domains.join(', ')}; ${plural(route.rules.length, 'rule')}`);
  });
  if (ctx.errors.length > 0) return fail(ctx.errors);

  const deployment = newDeployment();
  const admin = adminAddress(config, ctx);
  if (admin) deployment.admin = admin;
  else ctx.summary.notes.push(`admin: the config has ${config.admin ? 'no socket address for it' : 'none'}; none is generated, but the Kubernetes files probe /ready on port ${deployment.admin.port}: set the admin address in the deployment settings`);

  const base: Design = { version: DESIGN_VERSION, name: options.name?.trim() || DEFAULT_NAME, listeners, routes, clusters, deployment, layout: {} };
  const bootstrap = keptDiff(buildBootstrap(base), config, [['static_resources', 'listeners'], ['static_resources', 'clusters']]);
  ctx.keep([], bootstrap);
  const design: Design = { ...base, ...(bootstrap.patch && { keptBootstrap: bootstrap.patch }) };

  const loaded = loadDesign(design);
  if (!loaded.ok) return fail(loaded.errors.map((e) => `internal error: the imported design is not valid: ${e}`));
  const result = { ...loaded.design, layout: columnLayout(loaded.design) };
  ctx.summary.unsupported.push(...roundTripProblems(result, config, registry));
  // Listeners (with their routes) before clusters; kept paths in config order.
  const clusterNodes = ctx.summary.nodes.filter((n) => n.startsWith('cluster '));
  ctx.summary.nodes = [...ctx.summary.nodes.filter((n) => !n.startsWith('cluster ')), ...clusterNodes];
  ctx.summary.kept.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return { ok: true, design: result, summary: ctx.summary };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Element names: the config's, or (when it has none, which Envoy allows for listeners) a unique
 * stand-in, which the kept patch leaves out of the generated config again.
 */
function elementNames(objects: Obj[], at: ConfigPath, kind: string, ctx: ImportContext): string[] {
  const names = objects.map((o, i) => ctx.string(o.name, [...at, i, 'name']));
  const taken = new Set(names.filter((n): n is string => !!n));
  const seen = new Set<string>();
  return names.map((name, i) => {
    if (name) {
      if (seen.has(name)) ctx.summary.notes.push(`${formatPath([...at, i, 'name'])}: "${name}" is used twice; Envoy ${kind === 'listener' ? 'ignores the second listener' : 'refuses a duplicate cluster'}`);
      seen.add(name);
      return name;
    }
    let n = i;
    while (taken.has(`${kind}_${n}`)) n++;
    const standIn = `${kind}_${n}`;
    taken.add(standIn);
    return standIn;
  });
}

function adminAddress(config: Obj, ctx: ImportContext): Design['deployment']['admin'] | null {
  const admin = ctx.object(config.admin, ['admin']);
  const address = admin ? ctx.object(admin.address, ['admin', 'address']) : undefined;
  const socket = address ? ctx.object(address.socket_address, ['admin', 'address', 'socket_address']) : undefined;
  if (!socket) return null;
  const host = ctx.string(socket.address, ['admin', 'address', 'socket_address', 'address']);
  const port = ctx.number(socket.port_value, ['admin', 'address', 'socket_address', 'port_value']);
  if (port !== undefined) socket.port_value = port;
  if (!host || port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { address: host, port };
}

/** Where generating the imported design would not give back the (normalised) original. */
export function roundTripProblems(design: Design, original: Obj, registry: FileRegistry | undefined): string[] {
  const generated = buildBootstrap(design);
  if (registry) {
    const compared = configsProtoEqual(generated, original, registry);
    if (compared.equal) return [];
    const paths = differences(generated, original, []);
    return paths.length > 0 ? paths.map((p) => `${formatPath(p)}: would be generated differently (${compared.reason})`) : [`(document): ${compared.reason}`];
  }
  return differences(generated, original, []).map((p) => `${formatPath(p)}: would be generated differently`);
}

/** Paths where two JSON configs differ, as protobuf JSON reads them. */
function differences(a: unknown, b: unknown, path: ConfigPath, out: ConfigPath[] = []): ConfigPath[] {
  if (out.length >= 10 || jsonEqual(a, b)) return out;
  if (isObj(a) && isObj(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const [x, y] = [a[key], b[key]];
      // Read the same by protobuf JSON: no value, null, and (for repeated fields) an empty list.
      const unset = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || IMPLICIT_DEFAULTS[key] === v;
      if (unset(x) && unset(y)) continue;
      differences(x, y, [...path, key], out);
    }
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => differences(item, b[i], [...path, i], out));
  } else {
    out.push(path);
  }
  return out;
}
