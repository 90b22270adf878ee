// Pure operations on a design's saved test cases (design.tests). Like ./operations: each takes a
// design and returns a new one, never mutating. Removing a listener or cluster does not touch the
// test cases that name it: they keep the dangling id and fail, visibly (src/routing/testCases.ts).
import { allIds, uniqueName } from './ids';
import type { Added } from './operations';
import type { Design, TestCase, TestCaseRequest } from './schema';

/** What a new test case holds where the caller gives nothing. */
export const NEW_TEST_REQUEST: Readonly<TestCaseRequest> = Object.freeze({
  authority: 'example.com',
  path: '/',
  method: 'GET',
  headers: [],
  scheme: 'http',
});

/** The fields of a test case the caller may give; `request` may be given in part. */
export type TestCaseDraft = Partial<Omit<TestCase, 'id' | 'request'>> & { request?: Partial<TestCaseRequest> };

/** A new test-case id `test-<n>`, one above the highest n in use (by a test case or any element). */
export function nextTestId(design: Design): string {
  let highest = 0;
  const ids = [...(design.tests ?? []).map((t) => t.id), ...allIds(design)];
  for (const id of ids) {
    const found = /^test-(\d+)$/.exec(id);
    if (found) highest = Math.max(highest, Number(found[1]));
  }
  return `test-${highest + 1}`;
}

/** Appends a test case; unspecified fields get NEW_TEST_REQUEST, the default listener and a 404 expectation. */
export function addTestCase(design: Design, draft: TestCaseDraft = {}): Added {
  const id = nextTestId(design);
  const tests = design.tests ?? [];
  const test: TestCase = {
    id,
    name: draft.name ?? uniqueName('test', tests.map((t) => t.name)),
    listener: draft.listener ?? null,
    request: { ...NEW_TEST_REQUEST, headers: [], ...draft.request },
    expect: draft.expect ?? { clusterId: null },
  };
  return { id, design: { ...design, tests: [...tests, test] } };
}

/** Changes a test case; `request` is merged field by field. Unknown id: the design unchanged. */
export function updateTestCase(design: Design, id: string, patch: TestCaseDraft): Design {
  if (!design.tests?.some((t) => t.id === id)) return design;
  return {
    ...design,
    tests: design.tests.map((t) => (t.id === id ? { ...t, ...defined(patch), id, request: { ...t.request, ...defined(patch.request ?? {}) } } : t)),
  };
}

/** Removes a test case. Unknown id: the design unchanged. */
export function removeTestCase(design: Design, id: string): Design {
  if (!design.tests?.some((t) => t.id === id)) return design;
  return { ...design, tests: design.tests.filter((t) => t.id !== id) };
}

/** Moves a test case from one position to another (the list's order is the report's order). */
export function reorderTestCase(design: Design, from: number, to: number): Design {
  const tests = [...(design.tests ?? [])];
  if (from < 0 || from >= tests.length || to < 0 || to >= tests.length || from === to) return design;
  const [moved] = tests.splice(from, 1);
  tests.splice(to, 0, moved);
  return { ...design, tests };
}

/** The keys of a patch whose value is not undefined (a patch never erases a required field). */
function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
