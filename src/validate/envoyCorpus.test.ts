// Real configs written by the Envoy project, load-time error cases from Envoy's router tests, and
// the seed walkthrough's v1/v2-era config (all copied into __fixtures__).
import { describe, expect, it } from 'vitest';
import { loadEnvoyRegistry } from './envoySchema.node.ts';
import { ROUTER, HCM } from './bootstrap.testkit.ts';
import { corpusConfigs, routeVectors, seedEnvoyJson } from './fixtures.testkit.node.ts';
import { validateEnvoyConfig } from './index.ts';

const registry = loadEnvoyRegistry();
const corpus = corpusConfigs();
const isSchema = (rule: string) => rule.startsWith('schema.');

/** Corpus files Envoy would refuse at load time, and why. Their schema and constraints are valid. */
const LOAD_TIME_EXCEPTIONS: Record<string, { rule: string; reason: string }> = {
  'docs__root__configuration__other_features___include__dlb.yaml': {
    rule: 'envoy.listener-address',
    reason: 'a docs excerpt: the listener has only connection_balance_config (no name, address nor filter chains)',
  },
};

describe('the Envoy corpus', () => {
  it('has the 122 configs of the README', () => {
    expect(corpus).toHaveLength(122);
  });

  it('passes the schema and constraint checks with no errors, every file', () => {
    const failing = corpus.flatMap(({ file, config }) =>
      validateEnvoyConfig(config, registry)
        .filter((f) => f.severity === 'error' && isSchema(f.rule))
        .map((f) => `${file}: ${f.path}: ${f.message}`),
    );
    expect(failing).toEqual([]);
  });

  it('passes the load-time checks too, except the files listed with a reason', () => {
    const failing: Record<string, string[]> = {};
    for (const { file, config } of corpus) {
      const rules = validateEnvoyConfig(config, registry).filter((f) => f.severity === 'error').map((f) => f.rule);
      if (rules.length > 0) failing[file] = rules;
    }
    expect(failing).toEqual(Object.fromEntries(Object.entries(LOAD_TIME_EXCEPTIONS).map(([file, { rule }]) => [file, [rule]])));
    expect(corpus.length - Object.keys(failing).length).toBe(121);
  });

  it('reports contrib and newer extensions as not checked (info), never as errors', () => {
    const golang = corpus.find((c) => c.file === 'examples__golang-http__envoy.yaml')!;
    expect(validateEnvoyConfig(golang.config, registry)).toEqual([
      expect.objectContaining({ severity: 'info', rule: 'schema.not-checked', message: 'not checked: envoy.extensions.filters.http.golang.v3alpha.Config is not among the bundled protos' }),
    ]);
    const withInfo = corpus.filter(({ config }) => validateEnvoyConfig(config, registry).some((f) => f.severity === 'info'));
    expect(withInfo.length).toBe(27);
  });
});

describe('route-vectors.json load-time error cases', () => {
  const vectors = routeVectors();
  /** Cluster names a route config refers to: defined when the test defines no list (null). */
  const referenced = (routeConfig: unknown) => [...JSON.stringify(routeConfig).matchAll(/"(?:cluster|name)":"([^"]+)"/g)].map((m) => m[1]);
  const bootstrapOf = (routeConfig: Record<string, unknown>, clusters: string[]) => ({
    static_resources: {
      listeners: [
        {
          name: 'listener_0',
          address: { socket_address: { address: '0.0.0.0', port_value: 10000 } },
          filter_chains: [{ filters: [{ name: 'hcm', typed_config: { '@type': HCM, stat_prefix: 'test', route_config: routeConfig, http_filters: [{ name: 'router', typed_config: { '@type': ROUTER } }] } }] }],
        },
      ],
      clusters: [...new Set(clusters)].map((name) => ({ name, type: 'STATIC', connect_timeout: '1s' })),
    },
  });

  it('has load-time error cases', () => {
    expect(vectors.load_time_errors.length).toBeGreaterThanOrEqual(4);
  });

  it.each(vectors.load_time_errors.map((c) => [c.source_test, c] as const))('%s is flagged with Envoy’s error text', (_name, c) => {
    expect(c.expect_load_ok).toBe(false);
    const json = bootstrapOf(c.route_config, c.static_clusters_defined ?? referenced(c.route_config));
    const errors = validateEnvoyConfig(json, registry).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message)).toContain(c.expect_error);
  });

  it.each(Object.entries(vectors.configs))('the request vectors’ config %s loads without errors', (_name, { route_config }) => {
    const json = bootstrapOf(route_config, referenced(route_config));
    expect(validateEnvoyConfig(json, registry).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe("the seed walkthrough's envoy.json", () => {
  const findings = validateEnvoyConfig(seedEnvoyJson(), registry);

  it('is rejected for the fields the v3 API removed: `config` on the filter, `hosts` on the cluster', () => {
    const removed = findings.filter((f) => f.rule === 'schema.removed-field');
    expect(removed.map((f) => [f.severity, f.path])).toEqual([
      ['error', 'static_resources.listeners[0].filter_chains[0].filters[0].config'],
      ['error', 'static_resources.clusters[0].hosts'],
    ]);
    expect(removed[0].message).toContain('Protobuf message (type envoy.config.bootstrap.v3.Bootstrap reason INVALID_ARGUMENT:config: Cannot find field.) has unknown fields');
  });

  it('also lacks typed_config on the filter, which is how v3 chooses the implementation', () => {
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'envoy.missing-typed-config', message: "Didn't find a registered implementation for 'envoy.http_connection_manager' with type URL: ''" }),
    );
  });

  it('keeps access_log_path as a deprecated-but-valid warning, and reads strict_dns / round_robin', () => {
    expect(findings.filter((f) => f.path === 'admin.access_log_path')).toEqual([expect.objectContaining({ severity: 'warning', rule: 'schema.deprecated' })]);
    expect(findings.filter((f) => f.rule === 'schema.enum')).toEqual([]);
    expect(findings.map((f) => f.rule)).toEqual(['schema.removed-field', 'schema.removed-field', 'envoy.missing-typed-config', 'schema.deprecated']);
  });
});
