// Readable names for elements and connection ends, for headings and lists.
import { findElement } from '../../model/operations';
import type { Design } from '../../model/schema';

/** A readable name for one end of a connection. */
export function endName(design: Design, id: string): string {
  const found = findElement(design, id);
  if (!found) return `removed element ${id}`;
  if (found.kind !== 'rule') return `${found.kind} "${found.element.name}"`;
  const position = found.route.rules.findIndex((r) => r.id === id) + 1;
  return `rule ${position} of route "${found.route.name}"`;
}
