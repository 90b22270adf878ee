// Maps config paths back to design elements: a finding belongs to the element whose config path
// is the longest prefix of the finding's path. A route served by several listeners is emitted
// under each of them, so all those copies map to it.
import { envoyPathOf, virtualHostsPathIn, type ConfigPath } from '../generate/envoy/paths.ts';
import type { Design } from '../model/schema.ts';

export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export type ElementIndex = {
  /** The element owning `path` (longest prefix match), or null. */
  elementAt(path: string): string | null;
  /** Every config path of an element, the one envoyPathOf returns first; empty if not emitted. */
  pathsOf(id: string): string[];
};

export function elementIndex(design: Design): ElementIndex {
  const byPath = new Map<string, string>();
  const byId = new Map<string, string[]>();
  const add = (id: string, path: ConfigPath) => {
    const text = formatPath(path);
    byPath.set(text, id);
    const paths = byId.get(id);
    if (paths) paths.push(text);
    else byId.set(id, [text]);
  };

  for (const element of [...design.listeners, ...design.clusters]) {
    const path = envoyPathOf(design, element.id);
    if (path) add(element.id, path);
  }

  // Virtual hosts listener by listener, in the order paths.ts counts them (served routes that
  // exist), so that a route's first path is envoyPathOf's.
  const routes = new Map(design.routes.map((r) => [r.id, r]));
  design.listeners.forEach((listener, listenerIndex) => {
    const inside = virtualHostsPathIn(listener);
    if (!inside) return;
    listener.routeIds
      .filter((id) => routes.has(id))
      .forEach((routeId, hostIndex) => {
        const route = routes.get(routeId)!;
        const hostPath = ['static_resources', 'listeners', listenerIndex, ...inside, hostIndex];
        add(route.id, hostPath);
        route.rules.forEach((rule, ruleIndex) => add(rule.id, [...hostPath, 'routes', ruleIndex]));
      });
  });

  return {
    elementAt(path) {
      // Cut one path component at a time from the end: `a.b[2].c` → `a.b[2]` → `a.b` → `a`.
      let end = path.length;
      while (end > 0) {
        const id = byPath.get(path.slice(0, end));
        if (id !== undefined) return id;
        end = Math.max(path.lastIndexOf('.', end - 1), path.lastIndexOf('[', end - 1));
      }
      return null;
    },
    pathsOf: (id) => byId.get(id) ?? [],
  };
}
