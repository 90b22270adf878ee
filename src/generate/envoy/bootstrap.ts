// design → Envoy v3 bootstrap object (plain data; serialised in ../files.ts). Its clusters and
// virtual hosts are remembered per element (remembered.ts): shared and frozen, never to be changed.
import type { Design } from '../../model/schema';
import { applyKept } from './kept';
import { buildListener } from './listener';
import { deepFreeze, rememberedCluster, rememberedVirtualHost } from './remembered';
import { socketAddress } from './typeUrls';

export function buildBootstrap(design: Design): Record<string, unknown> {
  const names = new Map(design.clusters.map((c) => [c.id, c.name]));
  const clusterName = (id: string) => names.get(id) ?? id;
  const routesById = new Map(design.routes.map((r) => [r.id, r]));
  const { admin } = design.deployment;
  const bootstrap = applyKept(
    {
      admin: { address: socketAddress(admin.address, admin.port) },
      static_resources: {
        listeners: design.listeners.map((listener) =>
          buildListener(
            listener,
            listener.routeIds.flatMap((id) => routesById.get(id) ?? []),
            clusterName,
            rememberedVirtualHost,
          ),
        ),
        clusters: design.clusters.map(rememberedCluster),
      },
    },
    // Imported bootstrap fields; never the listeners and clusters, built above from the elements.
    withoutElements(design.keptBootstrap),
  );
  // Frozen as its parts are, so that yamlText.ts knows its text stays its text (a ConfigMap embeds it).
  return deepFreeze(bootstrap);
}

/** A kept bootstrap patch minus static_resources.listeners/clusters (the elements own those). */
function withoutElements(patch: Design['keptBootstrap']): Design['keptBootstrap'] {
  const resources = patch?.static_resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) return patch;
  if (!('listeners' in resources) && !('clusters' in resources)) return patch;
  const { listeners: _l, clusters: _c, ...rest } = resources as Record<string, unknown>;
  return { ...patch, static_resources: rest };
}
