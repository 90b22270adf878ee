import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBootstrap } from '../generate/envoy/bootstrap';
import { generateFiles } from '../generate/files';
import { importEnvoyConfig } from '../import/importEnvoy';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { validateDesign } from '../validate/index';
import { loadDesign } from './load';
import { mergeDesigns, rebuildFromConfig } from './merge';
import { updateCluster, updateListener } from './operations';
import type { Design } from './schema';
import { TEMPLATES, templateByName } from './templates';

const registry = loadEnvoyRegistry();
const template = (name: string) => templateByName(name)!.build();
const corpus = (file: string) => readFileSync(new URL(`../validate/__fixtures__/envoy-corpus/${file}`, import.meta.url), 'utf8');
const FRONT_PROXY = corpus('examples__front-proxy__service-envoy.yaml');
const JAEGER = corpus('examples__jaeger-tracing__envoy.yaml');

function imported(text: string, name = 'imported'): Design {
  const result = importEnvoyConfig(text, registry, { name });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.design;
}

const errors = (design: Design) => validateDesign(design, registry).filter((f) => f.severity === 'error');
const names = (items: { name: string }[]) => items.map((i) => i.name);
const unique = (values: unknown[]) => new Set(values).size === values.length;

/** The merged design loads (schema, unique ids), and its listener and cluster names and ports are unique. */
function expectSound(design: Design) {
  const loaded = loadDesign(JSON.parse(JSON.stringify(design)));
  expect(loaded.ok && loaded.design).toEqual(design);
  expect(unique(names(design.listeners))).toBe(true);
  expect(unique(names(design.clusters))).toBe(true);
  expect(unique(names(design.routes))).toBe(true);
  expect(unique(design.listeners.map((l) => l.port))).toBe(true);
}

describe('mergeDesigns', () => {
  it.each(TEMPLATES.map((t) => [t.name]))('merges %s into itself: every element twice, the copies wired to each other, still valid', (name) => {
    const design = template(name);
    const { design: merged, ids } = mergeDesigns(design, design);
    expectSound(merged);
    // The current elements are untouched, and as many again are added.
    expect(merged.listeners.slice(0, design.listeners.length)).toEqual(design.listeners);
    expect(merged.routes.slice(0, design.routes.length)).toEqual(design.routes);
    expect(merged.clusters.slice(0, design.clusters.length)).toEqual(design.clusters);
    expect(ids).toHaveLength(design.listeners.length + design.routes.length + design.clusters.length);
    // The copies refer only to copies.
    const added = new Set(ids);
    for (const listener of merged.listeners.filter((l) => added.has(l.id))) {
      for (const routeId of listener.routeIds) expect(added.has(routeId)).toBe(true);
      if (listener.tcpClusterId) expect(added.has(listener.tcpClusterId)).toBe(true);
    }
    for (const route of merged.routes.filter((r) => added.has(r.id))) {
      for (const rule of route.rules) {
        const targets = rule.action.kind === 'cluster' ? [rule.action.clusterId] : rule.action.kind === 'weighted' ? rule.action.clusters.map((c) => c.clusterId) : [];
        for (const target of targets) expect(added.has(target!)).toBe(true);
      }
    }
    expect(validateDesign(merged, registry)).toEqual([]);
  });

  it('merging front-proxy into itself: names get a suffix, the copy keeps its routing, and the notes say so', () => {
    const design = template('front-proxy');
    const { design: merged, notes } = mergeDesigns(design, design);
    expect(names(merged.clusters)).toEqual(['web', 'api', 'web-2', 'api-2']);
    expect(names(merged.listeners)).toEqual(['front', 'front-2']);
    const copy = merged.listeners[1];
    expect(copy.port).not.toBe(8080);
    const envoy = buildBootstrap(merged) as { static_resources: { listeners: { filter_chains: { filters: { typed_config: { route_config: { virtual_hosts: { routes: { route: { cluster: string } }[] }[] } } }[] }[] }[] } };
    const clustersOf = (i: number) => envoy.static_resources.listeners[i].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts.flatMap((v) => v.routes.map((r) => r.route.cluster));
    expect(clustersOf(0)).toEqual(['api', 'api', 'web']);
    expect(clustersOf(1)).toEqual(['api-2', 'api-2', 'web-2']);
    expect(notes).toEqual(expect.arrayContaining(['cluster "web" is added as "web-2": the name is taken', `listener "front-2" listens on ${copy.port}: 8080 is taken`]));
  });

  it('adds an imported Envoy config to a template: kept data comes along, the config stays valid', () => {
    const current = template('sidecar');
    const config = imported(FRONT_PROXY, 'front proxy');
    const { design: merged, ids } = mergeDesigns(current, config);
    expectSound(merged);
    expect(merged.name).toBe(current.name);
    expect(merged.deployment).toEqual(current.deployment);
    expect(names(merged.listeners)).toEqual(['listener_0', 'listener_0-2']);
    // Kept as is travels with its element.
    const added = merged.clusters.find((c) => ids.includes(c.id))!;
    expect(added.kept).toEqual(config.clusters[0].kept);
    expect(errors(merged)).toEqual([]);
    const files = generateFiles(merged);
    const envoy = parse(files['envoy.yaml']);
    expect(envoy.static_resources.clusters.map((c: { name: string }) => c.name)).toEqual(['service', ...names(config.clusters).map((n) => (n === 'service' ? 'service-2' : n))]);
  });

  it('keeps an imported listener’s own port when it is free, and moves it when it is taken', () => {
    const config = imported(FRONT_PROXY);
    const port = config.listeners[0].port;
    const free = mergeDesigns(template('tcp-proxy'), config);
    expect(free.design.listeners[1].port).toBe(port);
    expect(free.notes.some((n) => n.includes('listens on'))).toBe(false);
    const clash = updateListener(template('tcp-proxy'), 'listener-1', { port });
    const moved = mergeDesigns(clash, config);
    expect(moved.design.listeners[1].port).not.toBe(port);
    expect(moved.notes).toContain(`listener "listener_0" listens on ${moved.design.listeners[1].port}: ${port} is taken`);
  });

  it('places the imported elements below the current ones, left aligned', () => {
    const current = template('front-proxy');
    const { design: merged, ids } = mergeDesigns(current, imported(FRONT_PROXY));
    const old = Object.values(current.layout);
    const added = ids.map((id) => merged.layout[id]);
    expect(added.every(Boolean)).toBe(true);
    expect(Math.min(...added.map((p) => p.y))).toBeGreaterThan(Math.max(...old.map((p) => p.y)) + 100);
    expect(Math.min(...added.map((p) => p.x))).toBe(Math.min(...old.map((p) => p.x)));
    // Into an empty design, the imported layout stays as it was.
    const empty = { ...current, listeners: [], routes: [], clusters: [], layout: {} };
    const config = imported(FRONT_PROXY);
    const into = mergeDesigns(empty, config).design;
    expect(into.clusters.map((c) => into.layout[c.id])).toEqual(config.clusters.map((c) => config.layout[c.id]));
    expect(into.listeners.map((l) => into.layout[l.id])).toEqual(config.listeners.map((l) => config.layout[l.id]));
  });

  it('renames references to a renamed cluster in kept config too (tracing collector_cluster)', () => {
    const config = imported(JAEGER);
    const { design: merged, ids } = mergeDesigns(config, config);
    expect(names(merged.clusters)).toEqual(['service1', 'jaeger', 'service1-2', 'jaeger-2']);
    const envoy = JSON.stringify(buildBootstrap(merged).static_resources);
    const listeners = parse(envoy).listeners;
    const collector = (i: number) => listeners[i].filter_chains[0].filters[0].typed_config.tracing.provider.typed_config.collector_cluster;
    expect([collector(0), collector(1)]).toEqual(['jaeger', 'jaeger-2']);
    expect(ids).toHaveLength(4);
    expect(errors(merged)).toEqual([]);
  });

  it('bootstrap-level kept config: settings the current design lacks are added, different ones stay the current’s', () => {
    const config = imported(JAEGER);
    expect(config.keptBootstrap?.node).toEqual({ $value: { cluster: 'front-proxy' } });
    // The config has no admin: its patch takes the generated one out, which would drop the current design's.
    expect(config.keptBootstrap?.admin).toBeDefined();
    const added = mergeDesigns(template('sidecar'), config);
    expect(added.design.keptBootstrap).toEqual({ node: config.keptBootstrap?.node });
    expect(added.notes).toEqual(
      expect.arrayContaining(['bootstrap setting node is added from the imported config', "bootstrap setting admin of the imported config is not merged: the current design's admin stays"]),
    );

    const current = { ...template('sidecar'), keptBootstrap: { node: { cluster: 'mine' }, static_resources: { secrets: [{ name: 'a' }] } } };
    const other = { ...config, keptBootstrap: { node: { cluster: 'theirs' }, stats_flush_interval: '5s', static_resources: { secrets: [{ name: 'b' }] } } };
    const kept = mergeDesigns(current, other);
    expect(kept.design.keptBootstrap).toEqual({ node: { cluster: 'mine' }, static_resources: { secrets: [{ name: 'a' }] }, stats_flush_interval: '5s' });
    expect(kept.notes).toEqual(
      expect.arrayContaining([
        "bootstrap setting node of the imported config is not merged: the current design's stays",
        "bootstrap setting static_resources.secrets of the imported config is not merged: the current design's stays",
        'bootstrap setting stats_flush_interval is added from the imported config',
      ]),
    );
    // The same setting on both sides is no news.
    expect(mergeDesigns(config, config).notes.filter((n) => n.startsWith('bootstrap'))).toEqual([]);
  });

  it('keeps the current design’s test cases and says the imported ones are not merged', () => {
    const test = { id: 't1', name: 'root', listener: null, request: { authority: 'x', path: '/', method: 'GET', headers: [], scheme: 'http' as const }, expect: { clusterId: 'cluster-1' } };
    const design = { ...template('sidecar'), tests: [test] };
    const { design: merged, notes } = mergeDesigns(design, design);
    expect(merged.tests).toEqual([test]);
    expect(notes).toContain('1 saved test case(s) of "nginx with an Envoy sidecar" are not merged: the current design keeps its own');
  });
});

describe('rebuildFromConfig', () => {
  const reimport = (design: Design, edit: (text: string) => string = (t) => t) => imported(edit(generateFiles(design)['envoy.yaml']));

  it.each(TEMPLATES.map((t) => [t.name]))('%s: its own unchanged config gives back the same design', (name) => {
    const design = { ...template(name), deployment: { ...template(name).deployment, namespace: 'shop' } };
    expect(rebuildFromConfig(design, reimport(design))).toEqual(design);
  });

  it('a cluster renamed in the text stays the same element, in the same place; references follow', () => {
    const design = template('front-proxy');
    const config = parse(generateFiles(design)['envoy.yaml']);
    const renamed = JSON.stringify(config).replaceAll('"cluster":"api"', '"cluster":"backend"').replace('"cluster_name":"api"', '"cluster_name":"backend"').replace('"name":"api","type"', '"name":"backend","type"');
    const rebuilt = rebuildFromConfig(design, imported(renamed));
    expect(rebuilt.clusters.map((c) => [c.id, c.name])).toEqual([['cluster-1', 'web'], ['cluster-2', 'backend']]);
    expect(rebuilt).toEqual(updateCluster(design, 'cluster-2', { name: 'backend' }));
  });

  it('an element added in the text gets a fresh id and a place below; the deployment and test cases stay', () => {
    const test = { id: 't1', name: 'root', listener: null, request: { authority: 'x', path: '/', method: 'GET', headers: [], scheme: 'http' as const }, expect: { clusterId: 'cluster-1' } };
    const design: Design = { ...template('sidecar'), tests: [test] };
    const text = generateFiles(design)['envoy.yaml'];
    const config = parse(text);
    config.static_resources.clusters.push({ ...config.static_resources.clusters[0], name: 'extra' });
    const rebuilt = rebuildFromConfig(design, imported(JSON.stringify(config)));
    expectSound(rebuilt);
    expect(rebuilt.clusters.map((c) => [c.id, c.name])).toEqual([['cluster-1', 'service'], ['cluster-2', 'extra']]);
    expect(rebuilt.layout['cluster-2'].y).toBeGreaterThan(Math.max(...Object.values(design.layout).map((p) => p.y)));
    expect(rebuilt.deployment).toEqual(design.deployment);
    expect(rebuilt.tests).toEqual([test]);
    expect(errors(rebuilt)).toEqual([]);
  });

  it('fresh ids never reuse the id of an element the text removed', () => {
    const design = template('front-proxy');
    const config = parse(generateFiles(design)['envoy.yaml']);
    config.static_resources.clusters = [config.static_resources.clusters[0], { ...config.static_resources.clusters[0], name: 'one' }, { ...config.static_resources.clusters[0], name: 'two' }];
    const rebuilt = rebuildFromConfig(design, imported(JSON.stringify(config)));
    expect(rebuilt.clusters.map((c) => [c.id, c.name])).toEqual([['cluster-1', 'web'], ['cluster-2', 'one'], ['cluster-3', 'two']]);
    expectSound(rebuilt);
  });
});
