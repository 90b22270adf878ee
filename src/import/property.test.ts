// Property: any valid design survives render → import. The imported design keeps nothing (the
// generator's output is all model fields), renders to the same Envoy config byte for byte, and has
// the same listeners, routes, rules and clusters (ids renumbered, layout and Kubernetes-only
// settings aside).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBootstrap } from '../generate/envoy/bootstrap';
import { toJsonText } from '../generate/jsonText';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import type { Design } from '../model/schema';
import { importEnvoyConfig } from './importEnvoy';

const SEED = 20261212;

/** What Envoy sees of a design, ids replaced by names and positions: comparable across imports. */
function envoyView(design: Design) {
  const clusterName = new Map(design.clusters.map((c) => [c.id, c.name]));
  const routes = new Map(design.routes.map((r) => [r.id, r]));
  const ref = (id: string | null) => (id === null ? null : clusterName.get(id) ?? `dangling:${id}`);
  const rule = ({ id: _id, ...r }: Design['routes'][number]['rules'][number]) => ({
    ...r,
    // case_sensitive does not apply to a regex: the generator leaves it out.
    match: r.match.pathKind === 'safe_regex' ? { ...r.match, caseSensitive: true } : r.match,
    action:
      r.action.kind === 'cluster'
        ? { ...r.action, clusterId: ref(r.action.clusterId) }
        : r.action.kind === 'weighted'
          ? { ...r.action, clusters: r.action.clusters.map((c) => ({ ...c, clusterId: ref(c.clusterId) })) }
          : r.action,
  });
  return {
    listeners: design.listeners.map(({ id: _id, tls, routeIds, tcpClusterId, codec, requestTimeout, ...l }) => ({
      ...l,
      // HTTP settings of a tcp listener are not in its config.
      ...(l.protocol === 'http' && { codec, requestTimeout }),
      tls: tls && { mountPath: tls.mountPath.replace(/\/+$/, '') },
      tcpCluster: ref(tcpClusterId),
      // Only what the listener serves is in its config (a route of no listener is not).
      routes: l.protocol === 'http' ? routeIds.flatMap((r) => routes.get(r) ?? []).map(({ id: _r, rules, ...route }) => ({ ...route, rules: rules.map(rule) })) : [],
    })),
    clusters: design.clusters.map(({ id: _id, ...c }) => c),
    admin: design.deployment.admin,
  };
}

describe('import(render(design)) on random valid designs', () => {
  it('keeps nothing, renders the same config, and holds the same elements', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const rendered = toJsonText(buildBootstrap(design));
        const result = importEnvoyConfig(rendered);
        if (!result.ok) throw new Error(result.errors.join('; '));
        const back = result.design;
        expect(result.summary.unsupported).toEqual([]);
        expect(result.summary.kept).toEqual([]);
        expect(JSON.stringify(back)).not.toMatch(/"(kept|keptBootstrap|raw)"/);
        expect(toJsonText(buildBootstrap(back))).toBe(rendered);
        expect(envoyView(back)).toEqual(envoyView(design));
        // Every element placed.
        expect(Object.keys(back.layout).sort()).toEqual([...back.listeners, ...back.routes, ...back.clusters].map((e) => e.id).sort());
      }),
      { seed: SEED, numRuns: 200 },
    );
  }, 30_000);
});
