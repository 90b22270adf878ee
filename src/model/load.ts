// The one way a design enters the app: parse → migrate → validate. Permalinks, autosave, opened
// design.json files and the CLI all come through here, so a bad document is refused in one place.
import { z } from 'zod';
import { DESIGN_VERSION, Design } from './schema';

export type LoadResult = { ok: true; design: Design } | { ok: false; errors: string[] };

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

/** Formats zod issues as `path: message`, the path in the document's own terms. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${path || '(document)'}: ${issue.code === 'invalid_key' ? issue.issues.map((i) => i.message).join('; ') : issue.message}`;
  });
}

/** Validates an already-parsed JSON value as a design. */
export function loadDesign(value: unknown): LoadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['(document): must be a JSON object with a "version"'] };
  }
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
