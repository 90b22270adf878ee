// Free-text Envoy names and values survive generation exactly: every file is produced by a
// serialiser, so quoting, escaping and unicode are the serialiser's job, not string templates'.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deployabilityErrors } from '../generate/deployable.testkit';
import { generateFiles } from '../generate/files';
import { parseBootstrap } from '../validate/envoySchema';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { protoRuleViolations } from '../validate/protoRules';
import { loadDesignText } from './load';
import { addRule, updateCluster, updateListener, updateRoute, updateRule } from './operations';
import type { Design } from './schema';
import { weightedAction } from './defaults';
import { templateByName } from './templates';

const registry = loadEnvoyRegistry();

const NAMES: [label: string, value: string][] = [
  ['double quotes', 'say "hi"'],
  ['single quotes', "it's 'quoted'"],
  ['both quotes and backslashes', `"'\\"\\n'`],
  ['colon', 'host:8080'],
  ['colon space', 'key: value'],
  ['space hash (YAML comment)', 'name #not a comment'],
  ['leading hash', '#hash'],
  ['newline', 'line one\nline two'],
  ['trailing newline', 'ends with newline\n'],
  ['CRLF and tab', 'a\r\nb\tc'],
  ['mustache', '{{ .Values.name }}'],
  ['script close tag', '</script><script>alert(1)</script>'],
  ['HTML entities', '&amp; &lt; <b>'],
  ['emoji', 'rocket 🚀 family 👨‍👩‍👧'],
  ['RTL override', 'abc\u202edef'],
  ['zero-width space', 'zero\u200bwidth'],
  ['byte order mark inside', 'bom\ufeffinside'],
  ['line and paragraph separators', 'ls\u2028ps\u2029end'],
  ['CJK and accents', '名前 café Ωmega'],
  ['leading and trailing spaces', '  padded  '],
  ['only spaces', '   '],
  ['YAML keywords', 'null'],
  ['YAML boolean', 'yes'],
  ['YAML tilde', '~'],
  ['number-like', '1e3'],
  ['octal-like', '0o17'],
  ['YAML indicators', '- &anchor *alias !tag ? | > % @ `'],
  ['document markers', '---\n...'],
  ['JSON-like', '{"a": [1, 2]}'],
  ['control characters', 'bell\u0007 esc\u001b nul\u0000'],
  ['very long', 'x'.repeat(10_000)],
  ['very long unicode', '名'.repeat(6_000)],
];

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * front-proxy with `name` everywhere Envoy takes free text: the listener, route (virtual host),
 * cluster and rule names, a domain, added header values, a header matcher value and a
 * direct-response body. cluster-2 (renamed) is used by a forward and a weighted split.
 */
function designNamed(name: string): Design {
  let d = templateByName('front-proxy')!.build();
  d = updateListener(d, 'listener-1', { name });
  d = updateRoute(d, 'route-1', { name, domains: [name, 'api.example.com'] });
  d = updateCluster(d, 'cluster-2', { name });
  const rule1 = d.routes[0].rules[0];
  d = updateRule(d, 'rule-1', {
    name,
    match: { ...rule1.match, headers: [{ name: 'x-tenant', kind: 'exact', value: name }] },
    headers: {
      requestAdd: [{ name: 'x-added', value: name, append: false }],
      requestRemove: [],
      responseAdd: [{ name: 'x-answer', value: name, append: true }],
      responseRemove: [],
    },
  });
  d = updateRule(d, 'rule-2', {
    action: weightedAction([
      { clusterId: 'cluster-2', weight: 80 },
      { clusterId: 'cluster-1', weight: 20 },
    ]),
  });
  const direct = addRule(d, 'route-1', 0);
  return updateRule(direct.design, direct.id, { action: { kind: 'direct', status: 418, body: name } });
}

/** Asserts `name` sits at every place it was put, in a parsed envoy.json or envoy.yaml. */
function expectNameEverywhere(config: any, name: string) {
  const listener = config.static_resources.listeners[0];
  expect(listener.name).toBe(name);
  const hcm = listener.filter_chains[0].filters[0].typed_config;
  expect(hcm.route_config.name).toBe(`${name}_routes`);
  const [api, web] = hcm.route_config.virtual_hosts;
  expect(api.name).toBe(name);
  expect(api.domains).toEqual([name, 'api.example.com']);
  const [direct, rule1] = api.routes;
  expect(direct.direct_response).toEqual({ status: 418, body: { inline_string: name } });
  expect(rule1.name).toBe(name);
  expect(rule1.match.headers).toEqual([{ name: 'x-tenant', string_match: { exact: name } }]);
  expect(rule1.route.cluster).toBe(name);
  expect(rule1.request_headers_to_add[0].header).toEqual({ key: 'x-added', value: name });
  expect(rule1.response_headers_to_add[0].header).toEqual({ key: 'x-answer', value: name });
  expect(web.routes[0].route.weighted_clusters.clusters).toEqual([
    { name, weight: 80 },
    { name: 'web', weight: 20 },
  ]);
  const cluster = config.static_resources.clusters[1];
  expect(cluster.name).toBe(name);
  expect(cluster.load_assignment.cluster_name).toBe(name);
}

describe.each(NAMES)('a name with %s', (_label, name) => {
  const design = designNamed(name);
  const files = generateFiles(design);

  it('is in envoy.json exactly where it was put', () => {
    expectNameEverywhere(JSON.parse(files['envoy.json']), name);
  });

  it('is in envoy.yaml exactly where it was put, and envoy.yaml equals envoy.json', () => {
    const yaml = parse(files['envoy.yaml']);
    expectNameEverywhere(yaml, name);
    expect(yaml).toEqual(JSON.parse(files['envoy.json']));
  });

  it('the ConfigMap holds envoy.yaml byte for byte, and it parses back to the same object', () => {
    const configMap = parse(files['configmap.yaml']);
    expect(configMap.data['envoy.yaml']).toBe(files['envoy.yaml']);
    expect(parse(configMap.data['envoy.yaml'])).toEqual(JSON.parse(files['envoy.json']));
  });

  it('design.json reloads to an equal design', () => {
    const loaded = loadDesignText(files['design.json']);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    expect(loaded.design).toEqual(design);
  });

  it('the bundle passes the strict proto parse and the Kubernetes checks', () => {
    // The protos' validate rules are asserted exactly by the next test.
    expect(deployabilityErrors(files, registry, { protoRules: false })).toEqual([]);
  });

  it('breaks Envoy’s proto validate rules only for NUL/CR/LF or > 16 KiB in domains and header values', () => {
    const parsed = parseBootstrap(JSON.parse(files['envoy.json']), registry);
    if (!parsed.ok) throw new Error(parsed.error);
    const vhost = 'static_resources.listeners[0].filter_chains[0].filters[0].typed_config<HttpConnectionManager>.route_config.virtual_hosts[0]';
    const expected: string[] = [];
    const controls = /[\u0000\r\n]/.test(name);
    const tooLong = utf8Bytes(name) > 16_384;
    if (controls) expected.push(`${vhost}.domains[0]`);
    if (controls || tooLong) {
      expected.push(`${vhost}.routes[1].request_headers_to_add[0].header.value`);
      expected.push(`${vhost}.routes[1].response_headers_to_add[0].header.value`);
    }
    const violations = protoRuleViolations(parsed.message, registry);
    expect(violations.map((v) => v.slice(0, v.indexOf(': ')))).toEqual(expected);
  });
});

describe('names that are the same after trimming are still different names', () => {
  it('keeps "api" and " api " as two clusters', () => {
    let d = designNamed('api');
    d = updateCluster(d, 'cluster-1', { name: ' api ' });
    const envoy = JSON.parse(generateFiles(d)['envoy.json']);
    expect(envoy.static_resources.clusters.map((c: { name: string }) => c.name)).toEqual([' api ', 'api']);
  });
});
