import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { renameElement } from '../model/operations';
import { Design } from '../model/schema';
import { designJson } from './designJson';

/** The definition: the whole design through the schema, layout keys sorted, 2-space JSON. */
function reference(design: Design): string {
  const parsed = Design.parse(design);
  const layout = Object.fromEntries(Object.entries(parsed.layout).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...parsed, layout }, null, 2)}\n`;
}

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

describe('designJson', () => {
  it('is the whole design parsed by the schema, also with keys in other orders, edit after edit', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        expect(designJson(design)).toBe(reference(design));
        const reversed = reversedKeys(design) as Design;
        expect(designJson(reversed)).toBe(reference(reversed));
        const cluster = design.clusters[0];
        if (cluster) {
          const renamed = renameElement(design, cluster.id, 'renamed');
          expect(designJson(renamed)).toBe(reference(renamed));
        }
      }),
      { seed: 20261126, numRuns: 150 },
    );
  });

  it('writes a design the schema refuses as it is, and the same design once mended canonically', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        fc.pre(design.clusters.length > 0);
        const broken = { ...design, clusters: [{ ...design.clusters[0], connectTimeout: 'soon' }, ...design.clusters.slice(1)] };
        expect(JSON.parse(designJson(broken)).clusters[0].connectTimeout).toBe('soon');
        const badLayout = { ...design, layout: { ...design.layout, zz: { x: 'left', y: 0 } } } as unknown as Design;
        expect(JSON.parse(designJson(badLayout)).layout.zz).toEqual({ x: 'left', y: 0 });
        expect(designJson(design)).toBe(reference(design));
      }),
      { seed: 20261127, numRuns: 50 },
    );
  });
});
