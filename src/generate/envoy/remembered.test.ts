import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../model/arbitrary.testkit';
import { applyEdits, arbitraryEdits } from '../../model/edits.testkit';
import { renameElement } from '../../model/operations';
import type { Design } from '../../model/schema';
import { buildBootstrap } from './bootstrap';

/** The design as new objects throughout: nothing of it has been built before. */
const fresh = (design: Design): Design => structuredClone(design);

describe('remembered Envoy objects', () => {
  it('build what a fresh build gives, edit after edit (nothing stale)', () => {
    fc.assert(
      fc.property(arbitraryDesign(), arbitraryEdits(), (start, edits) => {
        buildBootstrap(start);
        applyEdits(start, edits, (design) => expect(buildBootstrap(design)).toEqual(buildBootstrap(fresh(design))));
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
