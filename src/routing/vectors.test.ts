// Envoy's own router test vectors (route-vectors.json, Apache-2.0, from test/common/router/
// config_impl_test.cc and the router_check tool's tests): each route config is wrapped in a minimal
// bootstrap, loaded THROUGH THE IMPORTER, and every request must get Envoy's answer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importEnvoyConfig } from '../import/index';
import { loadEnvoyRegistry } from '../validate/envoySchema.node.ts';
import { bootstrapFor, clusterNames } from './envoyConfig.testkit';
import { matchRequest } from './matchRequest';
import type { MatchResult, TestRequest } from './types';

// Shared with src/validate (same file, copied there from shared/envoy-corpus).
const VECTORS_FILE = new URL('../validate/__fixtures__/envoy-corpus/route-vectors.json', import.meta.url);

type Vector = {
  id: number;
  config: string;
  request: { authority: string; path: string; method: string; scheme: 'http' | 'https'; headers?: Record<string, string> };
  expect: { cluster?: string; route?: null };
  why: string;
};
type Corpus = {
  configs: Record<string, { route_config: Record<string, unknown> }>;
  vectors: Vector[];
  load_time_errors: { source_test: string; route_config: Record<string, unknown>; static_clusters_defined: string[] | null; expect_error: string }[];
};

/** Vectors the tester cannot answer as Envoy does, and why. The test checks this table is exact. */
const KNOWN_FAILURES: { id: number; reason: string }[] = [];

const corpus = JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as Corpus;
const registry = loadEnvoyRegistry();

function importRouteConfig(routeConfig: Record<string, unknown>, clusters?: string[]) {
  const imported = importEnvoyConfig(JSON.stringify(bootstrapFor(routeConfig, clusters)), registry);
  if (!imported.ok) throw new Error(`the importer refused the config: ${imported.errors.join('; ')}`);
  return imported.design;
}

const toRequest = (r: Vector['request']): TestRequest => ({ authority: r.authority, path: r.path, method: r.method, scheme: r.scheme, headers: Object.entries(r.headers ?? {}) });

/** Envoy's answer in the vectors' terms: the cluster, or null for no route. */
function answer(result: MatchResult): string | null {
  const { outcome } = result;
  if (outcome.kind === 'cluster') return outcome.cluster;
  if (outcome.kind === 'no-route') return null;
  return `(${outcome.kind})`;
}

const designs = new Map(Object.entries(corpus.configs).map(([name, config]) => [name, importRouteConfig(config.route_config)]));

describe('Envoy router vectors, through the importer', () => {
  const failures: number[] = [];

  it.each(corpus.vectors.map((v) => [v.id, v.config, v] as const))('vector %d (%s)', (id, config, vector) => {
    const result = matchRequest(designs.get(config)!, toRequest(vector.request));
    const expected = vector.expect.cluster ?? null;
    const got = answer(result);
    if (got !== expected) failures.push(id);
    if (KNOWN_FAILURES.some((f) => f.id === id)) return;
    expect(got, `${vector.why}\n${JSON.stringify(result.trace, null, 2)}`).toBe(expected);
  });

  it('the known-failures table is exact', () => {
    expect(corpus.vectors.length).toBe(21);
    expect(failures.sort((a, b) => a - b)).toEqual(KNOWN_FAILURES.map((f) => f.id));
  });

  it('what the importer kept counts: the filter_state rule of TestRoutes never matches, gRPC needs a gRPC content-type', () => {
    const routes = matchRequest(designs.get('TestRoutes')!, { authority: 'api.lyft.com', path: '/' });
    expect(routes.trace.at(-2)?.reasons).toContainEqual(expect.stringContaining('filter_state condition'));
    const grpc = matchRequest(designs.get('RouterCheck_HeaderMatchedRouting')!, { authority: 'x', path: '/', headers: [['content-type', 'application/json']] });
    expect(answer(grpc)).toBe('local_service_without_headers');
  });
});

describe("Envoy's load-time errors surface as notes", () => {
  const notesFor = (sourceTest: string, request: TestRequest) => {
    const entry = corpus.load_time_errors.find((e) => e.source_test === sourceTest)!;
    const clusters = entry.static_clusters_defined ?? clusterNames(entry.route_config);
    return matchRequest(importRouteConfig(entry.route_config, clusters), request).notes.join('\n');
  };

  it('duplicate domains (compared lower-cased)', () => {
    expect(notesFor('RouteMatcherTest.TestCaseSensitiveDomainConfig', { authority: 'www.lyft.com', path: '/' })).toContain('duplicate domains (www.LYFt.cOM)');
    expect(notesFor('RouteMatcherTest.TestDuplicateSuffixWildcardDomainConfig', { authority: 'a.lyft.com', path: '/' })).toContain('duplicate domains (*.LYFT.COM)');
  });

  it('an unknown cluster', () => {
    expect(notesFor('RouteMatcherTest.ClusterNotFound', { authority: 'www.lyft.com', path: '/foo' })).toContain('no cluster named "www2" in the design: Envoy refuses the config');
  });
});
