// Test fixtures (Apache-2.0 data copied from Envoy's repositories and the seed walkthrough), read
// from src/validate/__fixtures__ so the tests run in a clone of this repository alone.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const CORPUS = new URL('./envoy-corpus/', FIXTURES);

export const readFixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

/** Every Envoy config of the corpus, by file name. */
export function corpusConfigs(): { file: string; config: unknown }[] {
  return readdirSync(CORPUS)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, config: parse(readFileSync(new URL(file, CORPUS), 'utf8')) }));
}

/** The seed walkthrough's envoy.json (v1/v2 era), exactly as the blog post printed it. */
export function seedEnvoyJson(): Record<string, any> {
  const markdown = readFixture('seed/kubernetes-with-envoy.md');
  const block = /```json\n([\s\S]*?)```/.exec(markdown);
  if (!block) throw new Error('no JSON block in the seed walkthrough');
  return JSON.parse(block[1]);
}

export type LoadTimeErrorCase = {
  source_test: string;
  route_config: Record<string, any>;
  static_clusters_defined: string[] | null;
  expect_load_ok: boolean;
  expect_error: string;
};

export type RouteVectors = { configs: Record<string, { route_config: Record<string, any> }>; load_time_errors: LoadTimeErrorCase[] };

export const routeVectors = (): RouteVectors => JSON.parse(readFixture('envoy-corpus/route-vectors.json'));
