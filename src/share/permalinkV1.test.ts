import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { connect } from '../model/connections';
import { addCluster, addRoute, removeElement, renameElement, updateRule } from '../model/operations';
import type { Design } from '../model/schema';
import { compactV1 } from './permalinkV1';

type Edit = (design: Design, pick: number) => Design;
const nth = <T>(items: T[], pick: number): T | undefined => (items.length > 0 ? items[pick % items.length] : undefined);
const elements = (design: Design) => [...design.listeners, ...design.routes, ...design.clusters];

// Edits that change an element, the id counters after it, or the indexes references become.
const EDITS: Edit[] = [
  (design, pick) => {
    const element = nth(elements(design), pick);
    return element ? renameElement(design, element.id, `${element.name}-2`) : design;
  },
  (design, pick) => {
    const element = nth(elements(design), pick);
    return element ? removeElement(design, element.id) : design;
  },
  (design) => addCluster(design).design,
  (design, pick) => {
    const added = addRoute(design);
    const listener = nth(design.listeners, pick);
    const connected = listener ? connect(added.design, listener.id, added.id) : null;
    return connected?.ok ? connected.design : added.design;
  },
  (design, pick) => ({ ...design, clusters: [...design.clusters.slice(pick % 2), ...design.clusters.slice(0, pick % 2)] }),
  (design, pick) => {
    const rule = nth(design.routes.flatMap((route) => route.rules), pick);
    const cluster = nth(design.clusters, pick + 1);
    return rule && cluster ? updateRule(design, rule.id, { action: { ...rule.action, kind: 'cluster', clusterId: cluster.id } as Design['routes'][number]['rules'][number]['action'] }) : design;
  },
];

describe('compactV1', () => {
  it('compacts an edited design as it compacts the same design made anew, edit after edit', () => {
    fc.assert(
      fc.property(arbitraryDesign(), fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat()), { minLength: 1, maxLength: 6 }), (start, edits) => {
        let design = start;
        compactV1(design);
        for (const [edit, pick] of edits) {
          design = EDITS[edit](design, pick);
          expect(compactV1(design)).toEqual(compactV1(structuredClone(design)));
        }
      }),
      { seed: 20261126, numRuns: 300 },
    );
  }, 120_000);
});
