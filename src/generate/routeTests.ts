// route-tests.json: the design's saved test cases (design.tests) in the test format of Envoy's
// router_check_tool (test/tools/router_check, schema envoy.RouterCheckToolSchema.Validation):
//   { "tests": [ { "test_name", "input": { authority, path, method, ssl, additional_request_headers
//     [, random_value] }, "validate": { "cluster_name" } } ] }
// The tool checks one route configuration at a time, so each test's name starts with its listener's
// name ("<listener>: <test>") and the README shows how to run each listener's tests against that
// listener's route_config. Deterministic; never throws.
import type { Design, Listener, TestCase } from '../model/schema';
import { expectedLabel, runTestCase } from '../routing/testCases';
import { toJsonText } from './jsonText';

type RouterCheckTest = {
  test_name: string;
  input: {
    authority: string;
    path: string;
    method: string;
    ssl: boolean;
    additional_request_headers: { key: string; value: string }[];
    random_value?: number;
  };
  validate: { cluster_name: string };
};

/** The listener a test case runs on: its own, or the first HTTP listener (as the request tester picks). */
export function testListener(design: Design, test: TestCase): Listener | null {
  if (test.listener !== null) return design.listeners.find((l) => l.id === test.listener) ?? null;
  return design.listeners.find((l) => l.protocol === 'http' && !l.raw) ?? null;
}

/** The prefix of every router_check_tool test name of a listener. */
export const testNamePrefix = (listener: Listener) => `${listener.name}: `;

/**
 * The test cases as router_check_tool tests. A case whose listener is gone (or that has no HTTP
 * listener) is left out: there is no route configuration to run it against. An expected cluster
 * that was removed is written as `removed cluster <id>`, which no route produces: it fails in CI as
 * it fails in the designer.
 */
export function routerCheckTests(design: Design): RouterCheckTest[] {
  return (design.tests ?? []).flatMap((test) => {
    const listener = testListener(design, test);
    if (!listener || listener.protocol !== 'http' || listener.raw) return [];
    const { request } = test;
    const input: RouterCheckTest['input'] = {
      authority: request.authority,
      path: request.path,
      method: request.method,
      ssl: request.scheme === 'https',
      additional_request_headers: request.headers.map(([key, value]) => ({ key, value })),
    };
    const random = weightedPick(design, test);
    if (random !== null) input.random_value = random;
    const cluster_name = test.expect.clusterId === null ? '' : expectedLabel(design, test);
    return [{ test_name: `${testNamePrefix(listener)}${test.name}`, input, validate: { cluster_name } }];
  });
}

/**
 * For a case that lands on a weighted split holding the expected cluster: a random_value that makes
 * Envoy pick that cluster (random % total falls in its [begin, end) band), since the tool checks one pick.
 */
function weightedPick(design: Design, test: TestCase): number | null {
  const { outcome } = runTestCase(design, test).result;
  if (outcome.kind !== 'weighted' || test.expect.clusterId === null) return null;
  let begin = 0;
  for (const share of outcome.clusters) {
    if (share.clusterId === test.expect.clusterId && share.weight > 0) return begin;
    begin += share.weight;
  }
  return null;
}

export function buildRouteTests(design: Design): string {
  return toJsonText({ tests: routerCheckTests(design) });
}

/** Where each HTTP listener's inline route configuration sits in envoy.yaml, as a yq path. */
export function routeConfigPaths(design: Design): { listener: Listener; path: string }[] {
  return design.listeners.flatMap((listener, i) => {
    if (listener.protocol !== 'http' || listener.raw) return [];
    const chain = listener.kept?.filterChainsBefore?.length ?? 0;
    const filter = listener.kept?.filtersBefore?.length ?? 0;
    return [{ listener, path: `.static_resources.listeners[${i}].filter_chains[${chain}].filters[${filter}].typed_config.route_config` }];
  });
}
