// Maps config paths back to design elements: a finding belongs to the element whose config path
// is the longest prefix of the finding's path. A route served by several listeners is emitted
// under each of them, so all those copies map to it.
import { envoyPathOf, type ConfigPath } from '../generate/envoy/paths.ts';
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

  const existing = new Set(design.routes.map((r) => r.id));
  for (const route of design.routes) {
    // envoyPathOf gives the first copy; its shape inside a listener is the same for every copy.
    const first = envoyPathOf(design, route.id);
    if (!first) continue;
    const insideListener = first.slice(3, -1);
    design.listeners.forEach((listener, listenerIndex) => {
      if (listener.protocol !== 'http') return;
      const hostIndex = listener.routeIds.filter((id) => existing.has(id)).indexOf(route.id);
      if (hostIndex < 0) return;
      const hostPath = ['static_resources', 'listeners', listenerIndex, ...insideListener, hostIndex];
      add(route.id, hostPath);
      route.rules.forEach((rule, ruleIndex) => add(rule.id, [...hostPath, 'routes', ruleIndex]));
    });
  }

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
