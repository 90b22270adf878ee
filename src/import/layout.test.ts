import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateByName } from '../model/templates';
import type { Design } from '../model/schema';
import { importEnvoyConfig } from './importEnvoy';
import { ELK_MAX_EDGES, autoLayout, columnLayout } from './layout';

const corpus = (file: string) => readFileSync(new URL(`../validate/__fixtures__/envoy-corpus/${file}`, import.meta.url), 'utf8');
const importedDesign = (file: string): Design => {
  const result = importEnvoyConfig(corpus(file));
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.design;
};
const ids = (design: Design) => [...design.listeners, ...design.routes, ...design.clusters].map((e) => e.id);
const column = (design: Design, layout: Design['layout'], kind: 'listeners' | 'routes' | 'clusters') => design[kind].map((e) => layout[e.id].x);

describe('columnLayout (what the importer returns)', () => {
  const design = importedDesign('examples__front-proxy__service-envoy.yaml');

  it('places every element: listeners, routes, clusters in columns left to right', () => {
    const layout = columnLayout(design);
    expect(Object.keys(layout).sort()).toEqual(ids(design).sort());
    expect(new Set(column(design, layout, 'listeners'))).toEqual(new Set([0]));
    expect(new Set(column(design, layout, 'routes'))).toEqual(new Set([320]));
    expect(new Set(column(design, layout, 'clusters'))).toEqual(new Set([640]));
  });

  it('orders clusters after what points at them, and never overlaps a column', () => {
    const big = importedDesign('docs__root__intro__arch_overview__advanced__matching___include__listener_complicated.yaml');
    const layout = columnLayout(big);
    for (const kind of ['listeners', 'routes', 'clusters'] as const) {
      const ys = big[kind].map((e) => layout[e.id].y).sort((a, b) => a - b);
      expect(new Set(ys).size).toBe(ys.length);
    }
    expect(columnLayout(big)).toEqual(layout);
  });
});

// ELK's bundle (~1.6 MB) loads on first use: slow on a busy machine.
describe('autoLayout (ELK layered, direction RIGHT)', { timeout: 30_000 }, () => {
  it.each(TEMPLATES.map((t) => t.name))('template %s: every element placed, listeners → routes → clusters, deterministic', async (name) => {
    const design = templateByName(name)!.build();
    const laid = await autoLayout(design);
    expect(Object.keys(laid.layout).sort()).toEqual(ids(design).sort());
    const maxX = (kind: 'listeners' | 'routes' | 'clusters') => Math.max(...column(design, laid.layout, kind));
    const minX = (kind: 'listeners' | 'routes' | 'clusters') => Math.min(...column(design, laid.layout, kind));
    if (design.routes.length > 0) {
      expect(maxX('listeners')).toBeLessThan(minX('routes'));
      expect(maxX('routes')).toBeLessThan(minX('clusters'));
    }
    expect(maxX('listeners')).toBeLessThan(minX('clusters'));
    expect((await autoLayout(design)).layout).toEqual(laid.layout);
    // Only the layout changes.
    expect({ ...laid, layout: design.layout }).toEqual(design);
  });

  it('lays out an imported config, and keeps layout keys that are no element’s', async () => {
    const design = importedDesign('examples__front-proxy__service-envoy.yaml');
    const laid = await autoLayout({ ...design, layout: { ...design.layout, note: { x: 1, y: 2 } } });
    expect(laid.layout.note).toEqual({ x: 1, y: 2 });
    expect(Object.keys(laid.layout)).toHaveLength(ids(design).length + 1);
  });

  it('falls back to the column layout above ELK_MAX_EDGES connections (ELK would take minutes)', async () => {
    const base = templateByName('sidecar')!.build();
    const count = ELK_MAX_EDGES + 1;
    const rule = base.routes[0].rules[0];
    if (rule.action.kind !== 'cluster') throw new Error('the sidecar forwards to a cluster');
    const action = rule.action;
    const clusters = Array.from({ length: count }, (_, i) => ({ ...base.clusters[0], id: `cluster-${i + 1}`, name: `c${i + 1}` }));
    const rules = clusters.map((c, i) => ({ ...rule, id: `rule-${i + 1}`, action: { ...action, clusterId: c.id } }));
    const design: Design = { ...base, routes: [{ ...base.routes[0], rules }], clusters: [...clusters] as Design['clusters'], layout: {} };
    const started = Date.now();
    expect((await autoLayout(design)).layout).toEqual(columnLayout(design));
    expect(Date.now() - started).toBeLessThan(20_000); // structural, not a benchmark: ELK here takes minutes
  });

  it('an empty design', async () => {
    const empty = templateByName('sidecar')!.build();
    expect((await autoLayout({ ...empty, listeners: [], routes: [], clusters: [], layout: {} })).layout).toEqual({});
  });
});
