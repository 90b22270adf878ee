import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { designJson } from '../generate/designJson';
import { templateByName } from '../model/templates';
import { bootstrapFor } from '../routing/envoyConfig.testkit';
import { loadEnvoyRegistry } from '../validate/envoySchema.node.ts';
import { headerArg, runRoute } from './routeCommand';

const registry = loadEnvoyRegistry();
const files: Record<string, string> = {
  'front.json': designJson(templateByName('front-proxy')!.build()),
  'canary.json': designJson(templateByName('canary')!.build()),
  'edge.json': designJson(templateByName('tls-edge')!.build()),
  'tcp.json': designJson(templateByName('tcp-proxy')!.build()),
  'envoy.yaml': stringify(
    bootstrapFor({
      virtual_hosts: [
        {
          name: 'grpc',
          domains: ['*'],
          routes: [
            { match: { prefix: '/', grpc: {} }, route: { cluster: 'grpc_backend' } },
            { match: { prefix: '/', headers: [{ name: 'x-version', string_match: { exact: 'v2' } }] }, route: { cluster: 'v2' } },
            { match: { prefix: '/' }, route: { cluster: 'web' } },
          ],
        },
      ],
    }),
  ),
  'broken.json': '{"version": 1, "listeners": "nope"}',
  'not-envoy.yaml': 'just: [a, list',
};
const io = {
  readFile: (path: string) => {
    if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return files[path];
  },
};
const run = (...args: string[]) => runRoute(args, io, registry);
const body = (...args: string[]) => {
  const result = run(...args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe('cli route', () => {
  it('a design: virtual host, rule, cluster and the trace', () => {
    expect(body('front.json', '--authority', 'api.example.com', '--path', '/users')).toEqual({
      input: 'design',
      listener: 'front',
      virtualHost: 'api',
      domain: { domain: 'api.example.com', kind: 'exact' },
      route: '1',
      status: null,
      cluster: 'api',
      weightedClusters: null,
      redirect: null,
      directResponse: null,
      noRoute: null,
      unsupported: null,
      trace: [{ rule: '1', ruleId: 'rule-1', matched: true, reasons: ['path "/users" starts with "/"'] }],
      notes: [],
    });
  });

  it('a 404 is a result: exit 0', () => {
    const design = templateByName('front-proxy')!.build();
    design.routes[1].domains = ['www.example.com'];
    files['no-wildcard.json'] = designJson(design);
    const out = body('no-wildcard.json', '--authority', 'other.example.com', '--path', '/');
    expect(out).toMatchObject({ status: 404, cluster: null, noRoute: 'no virtual host of listener front has a domain matching "other.example.com"', trace: [] });
  });

  it('a weighted split: every cluster with its share, and the pick for --random', () => {
    const out = body('canary.json', '--authority', 'shop', '--path', '/', '--random', '95');
    expect(out.cluster).toBe('shop-canary');
    expect(out.weightedClusters).toEqual([
      { cluster: 'shop-stable', weight: 90, share: 0.9 },
      { cluster: 'shop-canary', weight: 10, share: 0.1 },
    ]);
    expect(body('canary.json', '--authority', 'shop', '--path', '/').cluster).toBeNull();
    expect(body('canary.json', '--authority', 'shop', '--path', '/', '--random', '18446744073709551615').cluster).toBe('shop-stable');
  });

  it('a redirect, and --listener', () => {
    expect(body('edge.json', '--authority', 'example.com', '--path', '/a?b=1')).toMatchObject({
      listener: 'http',
      status: 301,
      redirect: { location: 'https://example.com/a?b=1', status: 301 },
      cluster: null,
    });
    expect(body('edge.json', '--listener', 'https', '--scheme', 'https', '--authority', 'example.com', '--path', '/')).toMatchObject({ listener: 'https', cluster: 'app', notes: [] });
  });

  it('an Envoy config in YAML, loaded through the importer; --header both ways', () => {
    expect(body('envoy.yaml', '--authority', 'x', '--path', '/', '--header', 'content-type=application/grpc')).toMatchObject({ input: 'envoy-config', cluster: 'grpc_backend' });
    expect(body('envoy.yaml', '--authority', 'x', '--path', '/', '--header', 'X-Version: v2')).toMatchObject({ cluster: 'v2', route: '2' });
    const web = body('envoy.yaml', '--authority', 'x', '--path', '/');
    expect(web.cluster).toBe('web');
    expect(web.trace.map((t: { matched: boolean }) => t.matched)).toEqual([false, false, true]);
  });

  it('--curl gives the request; --header adds to it', () => {
    const out = body('front.json', '--curl', "curl -s 'http://api.example.com/v1' -H 'x-a: 1'", '--header', 'x-b=2');
    expect(out).toMatchObject({ virtualHost: 'api', cluster: 'api' });
    expect(body('front.json', '--curl', 'curl http://www.example.com/a/../api/x').notes).toContainEqual(expect.stringContaining('curl squashes'));
  });

  it('--ignore-port drops the port before domain matching', () => {
    expect(body('front.json', '--authority', 'api.example.com:8080', '--path', '/').virtualHost).toBe('web');
    expect(body('front.json', '--authority', 'api.example.com:8080', '--path', '/', '--ignore-port').virtualHost).toBe('api');
  });

  it('--help', () => {
    const result = run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cli route FILE --authority HOST --path PATH');
  });

  it.each([
    [[], 'route: give a design.json or an Envoy config'],
    [['a.json', 'b.json', '--authority', 'x', '--path', '/'], 'route: give one FILE'],
    [['front.json', '--path', '/'], 'route: give --authority HOST and --path PATH (or --curl)'],
    [['front.json', '--authority', 'x', '--path', ''], 'route: --path must not be empty (use /)'],
    [['front.json', '--authority', 'x', '--path', '/', '--scheme', 'ftp'], 'route: --scheme must be http or https'],
    [['front.json', '--authority', 'x', '--path', '/', '--random=-1'], 'route: --random must be a whole number from 0 to 18446744073709551615'],
    [['front.json', '--authority', 'x', '--path', '/', '--random', '18446744073709551616'], 'route: --random must be a whole number from 0 to 18446744073709551615'],
    [['front.json', '--authority', 'x', '--path', '/', '--header', 'novalue'], 'route: --header "novalue": expected name=value (or "Name: value")'],
    [['front.json', '--authority', 'x', '--path', '/', '--bogus'], "route: Unknown option '--bogus'"],
    [['front.json', '--curl', 'curl http://x', '--path', '/'], 'route: --curl already gives the request; leave out --path'],
    [['front.json', '--curl', "curl 'http://x"], 'route: --curl: a single quote is not closed'],
  ])('usage error %j: exit 2', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(message);
  });

  it.each([
    [['missing.json'], "missing.json: cannot read: ENOENT: no such file or directory, open 'missing.json'"],
    [['broken.json'], 'broken.json: listeners: '],
    [['not-envoy.yaml'], 'not-envoy.yaml: '],
    [['front.json', '--listener', 'nope'], 'route: no listener named "nope"; front.json has front'],
  ])('bad input %j: exit 2', (args, message) => {
    const result = run(...args, '--authority', 'x', '--path', '/');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('a TCP listener cannot route HTTP: a result saying so', () => {
    expect(body('tcp.json', '--authority', 'x', '--path', '/')).toMatchObject({ status: 404, noRoute: 'the design has no HTTP listener' });
  });
});

describe('headerArg', () => {
  it.each([
    ['a=b', ['a', 'b']],
    ['a=b=c', ['a', 'b=c']],
    ['X-A: 1', ['X-A', '1']],
    ['x-url=http://y', ['x-url', 'http://y']],
    ['x-time: 12:30', ['x-time', '12:30']],
    [':method=POST', [':method', 'POST']],
    [':authority: h', [':authority', 'h']],
    ['a=', ['a', '']],
    ['=b', null],
    ['nothing', null],
    [':=x', null],
  ])('%s', (arg, expected) => {
    expect(headerArg(arg)).toEqual(expected);
  });
});
