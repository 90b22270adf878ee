import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../model/arbitrary.testkit';
import { renameElement, reorderRule, updateCluster, updateRule } from '../../model/operations';
import type { Design } from '../../model/schema';
import { buildBootstrap } from './bootstrap';

/** The design as new objects throughout: nothing of it has been built before. */
const fresh = (design: Design): Design => structuredClone(design);

type Edit = (design: Design, pick: number) => Design;
const nth = <T>(items: T[], pick: number): T | undefined => (items.length > 0 ? items[pick % items.length] : undefined);
const rules = (design: Design) => design.routes.flatMap((route) => route.rules.map((rule) => ({ route, rule })));

// The edits a user makes in the inspector, on a random element.
const EDITS: Edit[] = [
  (design, pick) => {
    const cluster = nth(design.clusters, pick);
    return cluster ? renameElement(design, cluster.id, `${cluster.name}-renamed`) : design;
  },
  (design, pick) => {
    const cluster = nth(design.clusters, pick);
    return cluster ? updateCluster(design, cluster.id, { connectTimeout: '7s' }) : design;
  },
  (design, pick) => {
    const found = nth(rules(design), pick);
    return found ? updateRule(design, found.rule.id, { match: { ...found.rule.match, path: `${found.rule.match.path}x` } }) : design;
  },
  (design, pick) => {
    const found = nth(rules(design), pick);
    return found ? renameElement(design, found.rule.id, 'renamed-rule') : design;
  },
  (design, pick) => {
    const route = nth(design.routes, pick);
    return route && route.rules.length > 1 ? reorderRule(design, route.id, 0, route.rules.length - 1) : design;
  },
];

describe('remembered Envoy objects', () => {
  it('build what a fresh build gives, edit after edit (nothing stale)', () => {
    fc.assert(
      fc.property(arbitraryDesign(), fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat()), { minLength: 1, maxLength: 6 }), (start, edits) => {
        let design = start;
        buildBootstrap(design);
        for (const [edit, pick] of edits) {
          design = EDITS[edit](design, pick);
          expect(buildBootstrap(design)).toEqual(buildBootstrap(fresh(design)));
        }
      }),
      { seed: 20261126, numRuns: 200 },
    );
  }, 120_000);

  it('hand out the same frozen objects for unchanged elements, and new ones for what an edit touched', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        fc.pre(design.clusters.length >= 2);
        const before = buildBootstrap(design) as { static_resources: { clusters: object[] } };
        const renamed = renameElement(design, design.clusters[0].id, 'renamed');
        const after = buildBootstrap(renamed) as { static_resources: { clusters: object[] } };
        expect(after.static_resources.clusters[0]).not.toBe(before.static_resources.clusters[0]);
        expect(after.static_resources.clusters.slice(1)).toEqual(before.static_resources.clusters.slice(1));
        after.static_resources.clusters.slice(1).forEach((cluster, i) => expect(cluster).toBe(before.static_resources.clusters[i + 1]));
        expect(Object.isFrozen(after)).toBe(true);
        expect(Object.isFrozen(after.static_resources.clusters[1])).toBe(true);
      }),
      { seed: 20261127, numRuns: 100 },
    );
  });
});
