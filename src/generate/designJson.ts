// design.json: what autosave stores and "Save as" writes. Its own module so that saving a design
// does not load the generators (and YAML) into the page's first bundle.
import { Design } from '../model/schema';
import { toJsonText } from './jsonText';

/**
 * The design in canonical form: parsing through the schema puts keys in schema order, and layout
 * keys are sorted, so equal designs serialise to equal bytes. Generation never throws: a design
 * the schema refuses (only reachable by bypassing the load path) is written as it is.
 */
export function designJson(design: Design): string {
  const parsed = Design.safeParse(design);
  const canonical = parsed.success ? parsed.data : design;
  const layout = Object.fromEntries(Object.entries(canonical.layout).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return toJsonText({ ...canonical, layout });
}
