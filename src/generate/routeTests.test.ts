import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addTestCase } from '../model/testCases';
import { removeElement } from '../model/operations';
import { TEMPLATES, templateByName } from '../model/templates';
import type { Design } from '../model/schema';
import { matchRequest } from '../routing/matchRequest';
import { FILE_NAMES, generateFiles } from './files';
import { routeConfigPaths, routerCheckTests } from './routeTests';

const front = templateByName('front-proxy')!.build();
const canary = templateByName('canary')!.build();
const tlsEdge = templateByName('tls-edge')!.build();

describe('route-tests.json', () => {
  it('is generated for every design, after README.md; templates have no tests', () => {
    expect(FILE_NAMES).toContain('route-tests.json');
    for (const template of TEMPLATES) expect(JSON.parse(generateFiles(template.build())['route-tests.json'])).toEqual({ tests: [] });
  });

  it('writes each case in router_check_tool format, named after its listener', () => {
    let design = addTestCase(front, {
      name: 'api over TLS',
      request: { authority: 'api.example.com', path: '/v1?x=1', method: 'POST', headers: [['x-a', '1'], ['x-a', '2']], scheme: 'https' },
      expect: { clusterId: 'cluster-2' },
    }).design;
    design = addTestCase(design, { name: 'gone', listener: 'listener-1', expect: { clusterId: null } }).design;
    expect(JSON.parse(generateFiles(design)['route-tests.json'])).toEqual({
      tests: [
        {
          test_name: 'front: api over TLS',
          input: {
            authority: 'api.example.com',
            path: '/v1?x=1',
            method: 'POST',
            ssl: true,
            additional_request_headers: [
              { key: 'x-a', value: '1' },
              { key: 'x-a', value: '2' },
            ],
          },
          validate: { cluster_name: 'api' },
        },
        {
          test_name: 'front: gone',
          input: { authority: 'example.com', path: '/', method: 'GET', ssl: false, additional_request_headers: [] },
          validate: { cluster_name: '' },
        },
      ],
    });
  });

  it('gives a weighted case the random_value that makes Envoy pick the expected cluster', () => {
    let design = addTestCase(canary, { name: 'stable', expect: { clusterId: 'cluster-1' } }).design;
    design = addTestCase(design, { name: 'canary', expect: { clusterId: 'cluster-2' } }).design;
    const tests = routerCheckTests(design);
    expect(tests.map((t) => [t.validate.cluster_name, t.input.random_value])).toEqual([
      ['shop-stable', 0],
      ['shop-canary', 90],
    ]);
    // The request tester, given that random value, picks the same cluster.
    for (const [i, t] of tests.entries()) {
      const outcome = matchRequest(design, { authority: t.input.authority, path: t.input.path }, { random: t.input.random_value }).outcome;
      expect(outcome.kind === 'weighted' && outcome.chosen?.clusterId).toBe(design.tests![i].expect.clusterId);
    }
  });

  it('leaves out cases whose listener is gone; writes a removed expected cluster as such', () => {
    let design = addTestCase(tlsEdge, { name: 'app', listener: 'listener-2', expect: { clusterId: 'cluster-1' } }).design;
    design = addTestCase(design, { name: 'redirects', listener: 'listener-1', expect: { clusterId: 'cluster-1' } }).design;
    expect(routerCheckTests(design).map((t) => t.test_name)).toEqual(['https: app', 'http: redirects']);
    expect(routerCheckTests(removeElement(design, 'listener-2')).map((t) => t.test_name)).toEqual(['http: redirects']);
    expect(routerCheckTests(removeElement(design, 'cluster-1')).map((t) => t.validate.cluster_name)).toEqual(['removed cluster cluster-1', 'removed cluster cluster-1']);
  });

  it('is deterministic', () => {
    const design = addTestCase(canary, { expect: { clusterId: 'cluster-2' } }).design;
    expect(generateFiles(design)['route-tests.json']).toBe(generateFiles(structuredClone(design))['route-tests.json']);
  });
});

describe('README: running the tests in CI', () => {
  const routeConfigAt = (design: Design, path: string) => {
    // Follow the yq path through the generated envoy.yaml.
    let value: unknown = parse(generateFiles(design)['envoy.yaml']);
    for (const [, key, index] of path.matchAll(/\.([a-z_]+)(?:\[(\d+)\])?/g)) {
      value = (value as Record<string, unknown>)[key];
      if (index !== undefined) value = (value as unknown[])[Number(index)];
    }
    return value as { name?: string };
  };

  it('one listener: extract its route_config, run route-tests.json against it', () => {
    const readme = generateFiles(front)['README.md'];
    expect(readme).toContain('## Test the routes');
    expect(readme).toContain("yq '.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config' envoy.yaml > routes-0.yaml\n");
    expect(readme).toContain('router_check_tool -c routes-0.yaml -t route-tests.json --details\n');
  });

  it('several listeners: one route config and one filtered test file per HTTP listener, at paths that hold the route config', () => {
    const readme = generateFiles(tlsEdge)['README.md'];
    expect(readme).toContain(`jq '{tests: [.tests[] | select(.test_name | startswith("https: "))]}' route-tests.json > route-tests-1.json\n`);
    expect(readme).toContain('router_check_tool -c routes-1.yaml -t route-tests-1.json --details\n');
    for (const design of [front, tlsEdge, canary]) {
      for (const { listener, path } of routeConfigPaths(design)) expect(routeConfigAt(design, path).name).toBe(`${listener.name}_routes`);
    }
  });

  it('skips TCP listeners and quotes listener names for the shell', () => {
    const tcp = templateByName('tcp-proxy')!.build();
    expect(routeConfigPaths(tcp)).toEqual([]);
    expect(generateFiles(tcp)['README.md']).toContain('# (no HTTP listener with an inline route configuration: nothing to test)');
    const quoted = { ...tlsEdge, listeners: tlsEdge.listeners.map((l, i) => (i === 1 ? { ...l, name: "it's" } : l)) };
    expect(generateFiles(quoted)['README.md']).toContain(`startswith("it'\\''s: ")`);
  });
});
