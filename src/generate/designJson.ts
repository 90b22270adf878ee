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
  return toJsonText({ ...canonical, layout: sortedLayout(canonical.layout) });
}

/**
 * What Design.parse gives, element by element: the schema has no rule across elements or between
 * the layout and the rest, and an element (or a layout) parsed once is remembered (at 1,000 rules,
 * parsing the whole design took ~3 ms a keystroke; at 5,000 the layout alone ~10 ms).
 */
function canonicalDesign(design: Design): Design | null {
  const listeners = canonicalElements(design.listeners, Listener);
  const routes = canonicalElements(design.routes, Route);
  const clusters = canonicalElements(design.clusters, Cluster);
  const layout = canonical(design.layout, LAYOUT);
  const rest = Design.safeParse({ ...design, listeners: [], routes: [], clusters: [], layout: {} });
  if (!rest.success || !listeners || !routes || !clusters || !layout) return null;
  return { ...rest.data, listeners, routes, clusters, layout };
}

const LAYOUT = Design.shape.layout;

/** Layout keys sorted, so equal designs serialise to equal bytes; remembered per layout object. */
function sortedLayout(layout: Design['layout']): Design['layout'] {
  let sorted = SORTED.get(layout);
  if (!sorted) SORTED.set(layout, (sorted = Object.fromEntries(Object.entries(layout).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
  return sorted;
}
const SORTED = new WeakMap<object, Design['layout']>();

/** Parsed values (null: one the schema refuses), by value. */
const PARSED = new WeakMap<object, unknown>();

/** `value` parsed by `schema`, or null; remembered (design values are immutable). */
function canonical<T>(value: unknown, schema: z.ZodType<T>): T | null {
  if (typeof value !== 'object' || value === null) return null;
  let parsed = PARSED.get(value) as T | null | undefined;
  if (parsed === undefined) {
    const result = schema.safeParse(value);
    PARSED.set(value, (parsed = result.success ? result.data : null));
  }
  return parsed;
}

function canonicalElements<T>(elements: unknown, schema: z.ZodType<T>): T[] | null {
  if (!Array.isArray(elements)) return null;
  const parsed: T[] = [];
  for (const element of elements) {
    const one = canonical(element, schema);
    if (one === null) return null;
    parsed.push(one);
  }
  return parsed;
}
