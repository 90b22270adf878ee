import { describe, expect, it } from 'vitest';
import { forwardAction, weightedAction } from '../model/defaults';
import type { RuleAction } from '../model/schema';
import { regexReplaceAll, routeOutcome } from './actions';
import { clusterOf, rule, testDesign } from './design.testkit';
import { matchRequest } from './matchRequest';
import { NO_HCM_SETTINGS, viewRequest } from './request';
import type { TestRequest } from './types';

const split = (weights: number[]) => weightedAction(weights.map((weight, i) => ({ clusterId: `cluster-${'abc'[i]}`, weight })));
const designFor = (action: RuleAction) => testDesign([{ domains: ['*'], rules: [rule({}, action)] }]);
const redirect = (r: Partial<Extract<RuleAction, { kind: 'redirect' }>>): RuleAction => ({
  kind: 'redirect',
  hostRedirect: null,
  pathRedirect: null,
  httpsRedirect: false,
  responseCode: 'MOVED_PERMANENTLY',
  ...r,
});

/** routeOutcome on an Envoy route (JSON), for redirect fields only imported configs hold. */
function envoyOutcome(route: Record<string, unknown>, request: Partial<TestRequest> = {}) {
  const notes: string[] = [];
  const view = viewRequest({ authority: 'example.com', path: '/', ...request }, NO_HCM_SETTINGS, null, notes);
  return routeOutcome({ match: { prefix: '/' }, ...route }, { view, random: null, clusterId: () => null, notes });
}

describe('weighted clusters: random % total picks an interval, in config order', () => {
  const design = designFor(split([90, 10]));
  const pick = (random: number | bigint) => clusterOf(matchRequest(design, { authority: 'x', path: '/' }, { random }));

  it.each([
    [0, 'a'],
    [89, 'a'],
    [90, 'b'],
    [99, 'b'],
    [100, 'a'],
    [190, 'b'],
  ])('random %d → %s', (random, expected) => {
    expect(pick(random)).toBe(expected);
  });

  it('random is a uint64', () => {
    expect(pick(2n ** 64n - 1n)).toBe('a'); // 18446744073709551615 % 100 = 15
    expect(pick(2n ** 64n + 95n)).toBe('b'); // taken modulo 2^64 first
  });

  it('a zero weight owns an empty interval', () => {
    const zero = designFor(split([1, 0, 1]));
    const at = (random: number) => clusterOf(matchRequest(zero, { authority: 'x', path: '/' }, { random }));
    expect([at(0), at(1), at(2), at(3)]).toEqual(['a', 'c', 'a', 'c']);
  });

  it('without a random value: the shares, no pick', () => {
    const result = matchRequest(design, { authority: 'x', path: '/' });
    expect(result.outcome).toEqual({
      kind: 'weighted',
      clusters: [
        { clusterId: 'cluster-a', cluster: 'a', weight: 90, share: 0.9 },
        { clusterId: 'cluster-b', cluster: 'b', weight: 10, share: 0.1 },
      ],
      chosen: null,
    });
  });

  it('a bad random value is ignored with a note', () => {
    const result = matchRequest(design, { authority: 'x', path: '/' }, { random: -1 });
    expect(result.outcome).toMatchObject({ chosen: null });
    expect(result.notes).toContainEqual(expect.stringContaining('random value -1'));
  });

  it('random_value_header_name takes the pick from a request header', () => {
    const d = designFor(split([50, 50]));
    d.routes[0].rules[0].kept = { route: { weighted_clusters: { random_value_header_name: 'x-pick' } } };
    const at = (value: string) => clusterOf(matchRequest(d, { authority: 'x', path: '/', headers: [['x-pick', value]] }, { random: 0 }));
    expect(at('75')).toBe('b');
    expect(at('25')).toBe('a');
    expect(at('not-a-number')).toBe('a');
  });
});

describe('redirect Location (Http::Utility::newUri)', () => {
  const location = (action: RuleAction, request: Partial<TestRequest>) => {
    const result = matchRequest(designFor(action), { authority: 'example.com', path: '/', ...request });
    return result.outcome.kind === 'redirect' ? [result.outcome.status, result.outcome.location] : result.outcome;
  };

  it('https_redirect keeps host, path and query', () => {
    expect(location(redirect({ httpsRedirect: true }), { path: '/a?b=1' })).toEqual([301, 'https://example.com/a?b=1']);
  });

  it('https_redirect drops :80 (the old scheme\'s port) and keeps other ports', () => {
    expect(location(redirect({ httpsRedirect: true }), { authority: 'example.com:80', path: '/a' })).toEqual([301, 'https://example.com/a']);
    expect(location(redirect({ httpsRedirect: true }), { authority: 'example.com:8080', path: '/a' })).toEqual([301, 'https://example.com:8080/a']);
    expect(location(redirect({ httpsRedirect: true }), { authority: 'example.com:443', scheme: 'https', path: '/a' })).toEqual([301, 'https://example.com:443/a']);
    expect(location(redirect({ httpsRedirect: true }), { authority: '[::1]:80', path: '/' })).toEqual([301, 'https://[::1]/']);
  });

  it('host_redirect replaces the host and its port', () => {
    expect(location(redirect({ hostRedirect: 'new.lyft.com' }), { authority: 'redirect.lyft.com:8080', path: '/foo' })).toEqual([301, 'http://new.lyft.com/foo']);
  });

  it('path_redirect keeps the request query unless it has its own', () => {
    expect(location(redirect({ pathRedirect: '/new' }), { path: '/old?x=1' })).toEqual([301, 'http://example.com/new?x=1']);
    expect(location(redirect({ pathRedirect: '/new?y=2' }), { path: '/old?x=1' })).toEqual([301, 'http://example.com/new?y=2']);
    expect(location(redirect({ pathRedirect: '/new', hostRedirect: 'h', httpsRedirect: true }), { path: '/old' })).toEqual([301, 'https://h/new']);
  });

  it.each([
    ['MOVED_PERMANENTLY', 301],
    ['FOUND', 302],
    ['SEE_OTHER', 303],
    ['TEMPORARY_REDIRECT', 307],
    ['PERMANENT_REDIRECT', 308],
  ] as const)('%s → %d', (responseCode, status) => {
    expect(location(redirect({ httpsRedirect: true, responseCode }), {})).toEqual([status, 'https://example.com/']);
  });

  it('scheme_redirect, port_redirect, strip_query, prefix_rewrite and regex_rewrite (imported configs)', () => {
    const at = (r: Record<string, unknown>, request: Partial<TestRequest> = {}, match?: Record<string, unknown>) => {
      const outcome = envoyOutcome({ redirect: r, ...(match && { match }) }, request);
      return outcome.kind === 'redirect' ? outcome.location : outcome;
    };
    expect(at({ scheme_redirect: 'https' }, { path: '/a' })).toBe('https://example.com/a');
    expect(at({ port_redirect: 8443 }, { authority: 'example.com:8080', path: '/a' })).toBe('http://example.com:8443/a');
    expect(at({ strip_query: true }, { path: '/a?x=1' })).toBe('http://example.com/a');
    expect(at({ strip_query: true, path_redirect: '/b?keep=1' }, { path: '/a?x=1' })).toBe('http://example.com/b?keep=1');
    expect(at({ prefix_rewrite: '/baz' }, { path: '/foo/bar?q=1' }, { prefix: '/foo' })).toBe('http://example.com/baz/bar?q=1');
    expect(at({ prefix_rewrite: '/v2/' }, { path: '/V1/x' }, { prefix: '/v1/', case_sensitive: false })).toBe('http://example.com/v2/x');
    expect(at({ regex_rewrite: { pattern: { regex: '^/old/(.*)$' }, substitution: '/new/\\1' } }, { path: '/old/a/b?q' })).toBe('http://example.com/new/a/b?q');
    expect(at({ response_code: 'found', host_redirect: 'h' })).toBe('http://h/');
    expect(envoyOutcome({ redirect: { response_code: 1, host_redirect: 'h' } })).toEqual({ kind: 'redirect', location: 'http://h/', status: 302 });
  });

  it('RE2 substitution: \\0 is the match, \\\\ a backslash', () => {
    expect(regexReplaceAll('e', '/newforreg2_endpoint', 'X')).toBe('/nXwforrXg2_Xndpoint');
    expect(regexReplaceAll('(^.*)/(\\d{4})$', '/foo/1234', '/four/\\2/endpoint\\1')).toBe('/four/1234/endpoint/foo');
    expect(regexReplaceAll('b+', 'abbc', '[\\0\\\\]')).toBe('a[bb\\]c');
  });
});

describe('direct responses', () => {
  it('status and body', () => {
    const result = matchRequest(designFor({ kind: 'direct', status: 503, body: 'maintenance' }), { authority: 'x', path: '/' });
    expect(result.outcome).toEqual({ kind: 'direct', status: 503, body: 'maintenance' });
  });

  it('a 3xx or 201 direct response carries the request URL as Location', () => {
    const result = matchRequest(designFor({ kind: 'direct', status: 302, body: '' }), { authority: 'x:8080', path: '/p?q' });
    expect(result.outcome).toEqual({ kind: 'direct', status: 302, body: '', location: 'http://x:8080/p?q' });
  });

  it('inline_bytes are decoded; a body file is noted', () => {
    expect(envoyOutcome({ direct_response: { status: 200, body: { inline_bytes: btoa('hi') } } })).toEqual({ kind: 'direct', status: 200, body: 'hi' });
    expect(envoyOutcome({ direct_response: { status: 200, body: { filename: '/etc/x' } } })).toEqual({ kind: 'direct', status: 200, body: '' });
  });
});

describe('cluster choice', () => {
  it('a rule not connected to a cluster: no cluster id, and a note', () => {
    const result = matchRequest(designFor(forwardAction(null)), { authority: 'x', path: '/' });
    expect(result.outcome).toEqual({ kind: 'cluster', clusterId: null, cluster: '' });
    expect(result.notes).toContainEqual(expect.stringContaining('not connected'));
  });

  it('cluster_header names the cluster by a request header', () => {
    const design = designFor(forwardAction('cluster-a'));
    design.routes[0].rules[0].kept = { route: { cluster: null, cluster_header: 'x-cluster' } };
    expect(matchRequest(design, { authority: 'x', path: '/', headers: [['X-Cluster', 'b']] }).outcome).toEqual({ kind: 'cluster', clusterId: 'cluster-b', cluster: 'b' });
    expect(matchRequest(design, { authority: 'x', path: '/' }).outcome).toEqual({ kind: 'cluster', clusterId: null, cluster: '' });
  });

  it('a cluster specifier plugin cannot be simulated', () => {
    const design = designFor(forwardAction('cluster-a'));
    design.routes[0].rules[0].kept = { route: { cluster: null, cluster_specifier_plugin: 'lua' } };
    expect(matchRequest(design, { authority: 'x', path: '/' }).outcome).toEqual({ kind: 'unsupported', reason: 'a cluster specifier plugin picks the cluster at run time' });
  });
});

describe('require_tls on a virtual host', () => {
  // A design per test: matchRequest caches per (immutable) design object.
  it('ALL: plain HTTP is redirected to https before any rule', () => {
    const design = designFor(forwardAction('cluster-a'));
    design.routes[0].kept = { require_tls: 'ALL' };
    const result = matchRequest(design, { authority: 'x:8080', path: '/a?b' });
    expect(result.outcome).toEqual({ kind: 'redirect', location: 'https://x:8080/a?b', status: 301 });
    expect(result.trace).toEqual([]);
    expect(clusterOf(matchRequest(design, { authority: 'x', path: '/', headers: [['x-forwarded-proto', 'https']] }))).toBe('a');
  });

  it('EXTERNAL_ONLY: internal requests (x-envoy-internal: true) pass', () => {
    const design = designFor(forwardAction('cluster-a'));
    design.routes[0].kept = { require_tls: 'external_only' };
    expect(matchRequest(design, { authority: 'x', path: '/' }).outcome.kind).toBe('redirect');
    expect(clusterOf(matchRequest(design, { authority: 'x', path: '/', headers: [['x-envoy-internal', 'true']] }))).toBe('a');
  });
});
