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
    design.keptBootstrap,
  );
}
