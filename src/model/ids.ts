import type { Design } from './schema';

/** Every id in use: elements and rules share one namespace so edges can name either. */
export function allIds(design: Design): Set<string> {
  const ids = new Set<string>();
  for (const listener of design.listeners) ids.add(listener.id);
  for (const cluster of design.clusters) ids.add(cluster.id);
  for (const route of design.routes) {
    ids.add(route.id);
    for (const rule of route.rules) ids.add(rule.id);
  }
  return ids;
}

/**
 * A new id `<prefix>-<n>`, one above the highest n in use. Deterministic (no clock, no random)
 * so that the same sequence of operations always yields the same document.
 */
export function nextId(design: Design, prefix: string): string {
  let highest = 0;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  for (const id of allIds(design)) {
    const found = pattern.exec(id);
    if (found) highest = Math.max(highest, Number(found[1]));
  }
  return `${prefix}-${highest + 1}`;
}

/** A name not yet used among `taken`: `base`, else `base-2`, `base-3`, … */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
