// design.json: what autosave stores and "Save as" writes. Its own module so that saving a design
// does not load the generators (and YAML) into the page's first bundle.
import type { z } from 'zod';
import { Cluster, Design, Listener, Route } from '../model/schema';
import { toJsonText } from './jsonText';

/**
 * The design in canonical form: parsing through the schema puts keys in schema order, and layout
 * keys are sorted, so equal designs serialise to equal bytes. Generation never throws: a design
 * the schema refuses (only reachable by bypassing the load path) is written as it is.
 */
export function designJson(design: Design): string {
  const canonical = canonicalDesign(design) ?? design;
  const layout = Object.fromEntries(Object.entries(canonical.layout).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return toJsonText({ ...canonical, layout });
}

/**
 * What Design.parse gives, element by element: the schema has no rule across elements, and an
 * element parsed once is remembered (at 1,000 rules, parsing the whole design took ~3 ms a keystroke).
 */
function canonicalDesign(design: Design): Design | null {
  const listeners = canonicalElements(design.listeners, Listener);
  const routes = canonicalElements(design.routes, Route);
  const clusters = canonicalElements(design.clusters, Cluster);
  const rest = Design.safeParse({ ...design, listeners: [], routes: [], clusters: [] });
  if (!rest.success || !listeners || !routes || !clusters) return null;
  return { ...rest.data, listeners, routes, clusters };
}

/** Parsed elements (null: an element the schema refuses), by element. */
const PARSED = new WeakMap<object, unknown>();

function canonicalElements<T>(elements: unknown, schema: z.ZodType<T>): T[] | null {
  if (!Array.isArray(elements)) return null;
  const parsed: T[] = [];
  for (const element of elements) {
    if (typeof element !== 'object' || element === null) return null;
    let canonical = PARSED.get(element) as T | null | undefined;
    if (canonical === undefined) {
      const result = schema.safeParse(element);
      PARSED.set(element, (canonical = result.success ? result.data : null));
    }
    if (canonical === null) return null;
    parsed.push(canonical);
  }
  return parsed;
}
