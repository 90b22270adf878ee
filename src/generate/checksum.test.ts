import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { renameElement, updateDeployment, updateRule } from '../model/operations';
import type { Design } from '../model/schema';
import { configChecksum } from './checksum';
import { buildBootstrap } from './envoy/bootstrap';

const checksumOf = (design: Design) => configChecksum(buildBootstrap(design));

describe('configChecksum', () => {
  it('is the same for the same config, whatever was built or hashed before', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const first = checksumOf(design);
        expect(first).toMatch(/^[0-9a-f]{64}$/);
        expect(checksumOf(structuredClone(design))).toBe(first);
        const cluster = design.clusters[0];
        if (cluster) {
          const renamed = renameElement(design, cluster.id, `${cluster.name}-2`);
          checksumOf(renamed);
          expect(checksumOf(renameElement(renamed, cluster.id, cluster.name))).toBe(first);
        }
      }),
      { seed: 20261126, numRuns: 100 },
    );
  });

  it('changes with any change to the config: a cluster’s name, a rule’s path, the admin port', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const before = checksumOf(design);
        const changed: Design[] = [updateDeployment(design, { admin: { ...design.deployment.admin, port: design.deployment.admin.port + 1 } })];
        if (design.clusters[0]) changed.push(renameElement(design, design.clusters[0].id, `${design.clusters[0].name}-2`));
        const rule = design.routes.flatMap((r) => r.rules)[0];
        if (rule) changed.push(updateRule(design, rule.id, { match: { ...rule.match, path: `${rule.match.path}x` } }));
        for (const other of changed) {
          // Only where the Envoy config differs (a renamed cluster nobody names still renames the cluster).
          if (JSON.stringify(buildBootstrap(other)) === JSON.stringify(buildBootstrap(design))) continue;
          expect(checksumOf(other)).not.toBe(before);
        }
      }),
      { seed: 20261127, numRuns: 100 },
    );
  });

  it('tells apart configs whose parts are the same but in another order', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        fc.pre(design.clusters.length >= 2 && design.clusters[0].name !== design.clusters[1].name);
        const swapped = { ...design, clusters: [design.clusters[1], design.clusters[0], ...design.clusters.slice(2)] };
        expect(checksumOf(swapped)).not.toBe(checksumOf(design));
      }),
      { seed: 20261128, numRuns: 50 },
    );
  });
});
