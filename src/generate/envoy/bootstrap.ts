// design → Envoy v3 bootstrap object (plain data; serialised in ../files.ts).
import type { Design } from '../../model/schema';
import { buildCluster } from './cluster';
import { applyKept } from './kept';
import { buildListener } from './listener';
import { socketAddress } from './typeUrls';

export function buildBootstrap(design: Design): Record<string, unknown> {
  const names = new Map(design.clusters.map((c) => [c.id, c.name]));
  const clusterName = (id: string) => names.get(id) ?? id;
  const routesById = new Map(design.routes.map((r) => [r.id, r]));
  const { admin } = design.deployment;
  return applyKept(
    {
      admin: { address: socketAddress(admin.address, admin.port) },
      static_resources: {
        listeners: design.listeners.map((listener) =>
          buildListener(
            listener,
            listener.routeIds.flatMap((id) => routesById.get(id) ?? []),
            clusterName,
          ),
        ),
        clusters: design.clusters.map(buildCluster),
      },
    },
    // Imported bootstrap fields; never the listeners and clusters, built above from the elements.
    withoutElements(design.keptBootstrap),
  );
}

/** A kept bootstrap patch minus static_resources.listeners/clusters (the elements own those). */
function withoutElements(patch: Design['keptBootstrap']): Design['keptBootstrap'] {
  const resources = patch?.static_resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) return patch;
  if (!('listeners' in resources) && !('clusters' in resources)) return patch;
  const { listeners: _l, clusters: _c, ...rest } = resources as Record<string, unknown>;
  return { ...patch, static_resources: rest };
}
