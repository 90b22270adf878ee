// Saved test cases (design.tests): does a request still land where its author expects? Pure: runs
// the request tester (matchRequest) and compares its outcome with the expectation.
import type { Design, TestCase } from '../model/schema';
import { matchRequest } from './matchRequest';
import type { MatchResult } from './types';

export type TestCaseRun = {
  pass: boolean;
  /** What Envoy does: a cluster name, 'weighted split', 'redirect', 'direct response', 'no route (404)' (or why it cannot be told). */
  actual: string;
  /** What the case expects: a cluster name, 'no route (404)', or `removed cluster <id>` when the cluster is gone. */
  expected: string;
  result: MatchResult;
};

export const NO_ROUTE = 'no route (404)';

/** The expectation in words: the expected cluster's name, or why there is none. */
export function expectedLabel(design: Design, test: TestCase): string {
  const id = test.expect.clusterId;
  if (id === null) return NO_ROUTE;
  return design.clusters.find((c) => c.id === id)?.name ?? `removed cluster ${id}`;
}

/** Runs one saved test case against the design. */
export function runTestCase(design: Design, test: TestCase): TestCaseRun {
  const expected = expectedLabel(design, test);
  const { request } = test;
  const result = matchRequest(
    design,
    { authority: request.authority, path: request.path, method: request.method, headers: request.headers, scheme: request.scheme },
    test.listener === null ? {} : { listener: test.listener },
  );
  // A removed listener fails the case whatever it expects (matchRequest would also look it up by name).
  if (test.listener !== null && !design.listeners.some((l) => l.id === test.listener)) {
    return { pass: false, actual: `removed listener ${test.listener}`, expected, result };
  }
  const want = test.expect.clusterId;
  const known = want === null || design.clusters.some((c) => c.id === want);
  const { outcome } = result;
  switch (outcome.kind) {
    case 'cluster':
      return { pass: known && want !== null && outcome.clusterId === want, actual: outcome.cluster, expected, result };
    case 'weighted':
      return { pass: known && want !== null && outcome.clusters.some((c) => c.clusterId === want), actual: 'weighted split', expected, result };
    case 'redirect':
      return { pass: false, actual: 'redirect', expected, result };
    case 'direct':
      return { pass: false, actual: 'direct response', expected, result };
    case 'no-route':
      return { pass: want === null, actual: NO_ROUTE, expected, result };
    case 'unsupported':
      return { pass: false, actual: `not simulated (${outcome.reason})`, expected, result };
  }
}

/** Every saved test case of the design, in order, with its run. */
export function runTestCases(design: Design): { test: TestCase; run: TestCaseRun }[] {
  return (design.tests ?? []).map((test) => ({ test, run: runTestCase(design, test) }));
}
