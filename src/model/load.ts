// The one way a design enters the app: parse → migrate → validate. Permalinks, autosave, opened
// design.json files and the CLI all come through here, so a bad document is refused in one place.
import { z } from 'zod';
import { DESIGN_VERSION, Design } from './schema';

export type LoadResult = { ok: true; design: Design } | { ok: false; errors: string[] };

/** The largest design text read, checked before parsing (no design comes near it). */
export const MAX_DESIGN_CHARS = 5 * 1024 * 1024;
/**
 * How deep a document may nest. Only kept Envoy config nests freely, and Envoy's protobuf JSON
 * parser stops at 100 levels; deeper data would overflow the stack of the generators (and of any
 * recursive code) after it loaded, so it is refused here instead.
 */
export const MAX_DESIGN_DEPTH = 128;

/** Upgrades older document versions step by step. Version 1 is the first; none to migrate yet. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrate(doc: Record<string, unknown>): { ok: true; doc: Record<string, unknown> } | { ok: false; error: string } {
  let current = doc;
  if (typeof current.version !== 'number' || !Number.isInteger(current.version) || current.version < 1) {
    return { ok: false, error: 'version: missing or not a design version number' };
  }
  let version: number = current.version;
  if (version > DESIGN_VERSION) {
    return { ok: false, error: `version: ${version} is newer than this app understands (${DESIGN_VERSION}); update the app` };
  }
  while (version < DESIGN_VERSION) {
    current = MIGRATIONS[version](current);
    version = current.version as number;
  }
  return { ok: true, doc: current };
}

type Path = (string | number)[];
const formatPath = (path: Path) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/**
 * Where `value` is not plain JSON data (NaN, a BigInt, a Date, a function …: only a caller that
 * hands over objects can reach this) or nests deeper than MAX_DESIGN_DEPTH; null when it is fine.
 * Data kept verbatim is not checked by the schema, so this is what keeps it serialisable.
 */
function notPlainJson(value: unknown, path: Path = []): { path: Path; problem: string; cut?: boolean } | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, problem: `${value} is not a JSON number` };
  if (typeof value !== 'object') return { path, problem: `${typeof value} is not JSON data` };
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return { path, problem: 'not JSON data' };
  if (path.length >= MAX_DESIGN_DEPTH) return { path: path.slice(0, 6), problem: `nested more than ${MAX_DESIGN_DEPTH} levels deep`, cut: true };
  // Index and key loops rather than entries(): this walks every value of a design being opened
  // (~20 ms at 2,300 rules with an entry array per property).
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = notPlainJsonAt(value[index], path, index);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // An object key holding `undefined` is an absent key, as JSON.stringify writes it.
    const inner = record[key];
    if (inner === undefined) continue;
    const found = notPlainJsonAt(inner, path, key);
    if (found) return found;
  }
  return null;
}

function notPlainJsonAt(inner: unknown, path: Path, key: string | number): ReturnType<typeof notPlainJson> {
  path.push(key);
  const found = notPlainJson(inner, path);
  if (!found) path.pop();
  return found;
}

/** Formats zod issues as `path: message`, the path in the document's own terms. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path as Path);
    return `${path || '(document)'}: ${issue.code === 'invalid_key' ? issue.issues.map((i) => i.message).join('; ') : issue.message}`;
  });
}

/** Validates an already-parsed JSON value as a design. */
export function loadDesign(value: unknown): LoadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['(document): must be a JSON object with a "version"'] };
  }
  const notJson = notPlainJson(value);
  if (notJson) return { ok: false, errors: [`${formatPath(notJson.path) || '(document)'}${notJson.cut ? '…' : ''}: ${notJson.problem}`] };
  const migrated = migrate(value as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const parsed = Design.safeParse(migrated.doc, { error: (issue) => (issue.input === undefined ? 'required' : undefined) });
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error) };
  const duplicates = duplicateIds(parsed.data);
  if (duplicates.length > 0) return { ok: false, errors: duplicates.map((id) => `id "${id}" is used by more than one element`) };
  const duplicateTests = duplicateTestIds(parsed.data);
  if (duplicateTests.length > 0) return { ok: false, errors: duplicateTests.map((id) => `tests: id "${id}" is used by more than one test case`) };
  return { ok: true, design: parsed.data };
}

/** Parses design JSON text, then validates it. */
export function loadDesignText(text: string): LoadResult {
  if (text.length > MAX_DESIGN_CHARS) {
    return { ok: false, errors: [`(document): too large to open: ${(text.length / 1024 / 1024).toFixed(1)} MiB, the limit is ${MAX_DESIGN_CHARS / 1024 / 1024} MiB`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  return loadDesign(value);
}

function duplicateIds(design: Design): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const every = [
    ...design.listeners.map((l) => l.id),
    ...design.clusters.map((c) => c.id),
    ...design.routes.flatMap((r) => [r.id, ...r.rules.map((rule) => rule.id)]),
  ];
  for (const id of every) (seen.has(id) ? duplicates : seen).add(id);
  return [...duplicates];
}

function duplicateTestIds(design: Design): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const test of design.tests ?? []) (seen.has(test.id) ? duplicates : seen).add(test.id);
  return [...duplicates];
}
