import { describe, expect, it } from 'vitest';
import type { RouteMatch } from '../model/schema';
import { evaluateMatch, type MatchContext } from './conditions';
import { clusterOf, rule, testDesign } from './design.testkit';
import { matchRequest } from './matchRequest';
import { NO_HCM_SETTINGS, viewRequest } from './request';
import type { RepeatedHeaders, TestRequest } from './types';

/** Whether a design rule with `match` takes `request` (its verdict's reasons alongside). */
function verdict(match: Partial<RouteMatch>, request: Partial<TestRequest>, repeatedHeaders?: RepeatedHeaders) {
  const design = testDesign([{ domains: ['*'], rules: [rule(match, 'a')] }]);
  const result = matchRequest(design, { authority: 'example.com', path: '/', ...request }, { repeatedHeaders });
  return { matched: result.trace[0].matched, reasons: result.trace[0].reasons };
}
const matches = (match: Partial<RouteMatch>, request: Partial<TestRequest>, repeatedHeaders?: RepeatedHeaders) => verdict(match, request, repeatedHeaders).matched;

/** evaluateMatch on an Envoy RouteMatch (JSON), for what only imported configs hold. */
function envoy(match: Record<string, unknown>, request: Partial<TestRequest> = {}, extra: Partial<MatchContext> = {}) {
  const view = viewRequest({ authority: 'example.com', path: '/', ...request }, NO_HCM_SETTINGS, null, []);
  return evaluateMatch(match, { view, repeatedHeaders: 'joined', ignorePathParameters: false, presentMatchObservesValue: true, random: null, ...extra });
}

describe('path matchers', () => {
  it.each([
    ['prefix', '/api', '/api', true],
    ['prefix', '/api', '/api/x', true],
    ['prefix', '/api', '/apix', true],
    ['prefix', '/api', '/ap', false],
    ['prefix', '/api', '/API', false],
    ['prefix', '', '/anything', true],
    ['path', '/foo', '/foo', true],
    ['path', '/foo', '/foo/', false],
    ['path', '/foo', '/fo', false],
    ['safe_regex', '/t[io]c', '/tic', true],
    ['safe_regex', '/t[io]c', '/tick', false],
    ['safe_regex', '/t[io]c', '/x/tic', false],
    ['safe_regex', '.*/\\d{3}$', '/a/123', true],
    ['path_separated_prefix', '/rest/api', '/rest/api', true],
    ['path_separated_prefix', '/rest/api', '/rest/api/', true],
    ['path_separated_prefix', '/rest/api', '/rest/api/v1', true],
    ['path_separated_prefix', '/rest/api', '/rest/apithing', false],
    ['path_separated_prefix', '/rest/api', '/rest/ap', false],
  ] as const)('%s %s vs %s → %s', (pathKind, path, requestPath, expected) => {
    expect(matches({ pathKind, path }, { path: requestPath })).toBe(expected);
  });

  it('query string and fragment are stripped before any path matcher', () => {
    expect(matches({ pathKind: 'path', path: '/api/locations' }, { path: '/api/locations?works=true' })).toBe(true);
    expect(matches({ pathKind: 'path', path: '/a' }, { path: '/a#section' })).toBe(true);
    expect(matches({ pathKind: 'safe_regex', path: '/tic' }, { path: '/tic?tac=true' })).toBe(true);
    expect(matches({ pathKind: 'path_separated_prefix', path: '/rest/api' }, { path: '/rest/api?x=/y' })).toBe(true);
    expect(matches({ pathKind: 'prefix', path: '/a?b' }, { path: '/a?b=1' })).toBe(false);
  });

  it('caseSensitive false covers prefix, path and path_separated_prefix (ASCII only)', () => {
    expect(matches({ pathKind: 'prefix', path: '/API', caseSensitive: false }, { path: '/api/x' })).toBe(true);
    expect(matches({ pathKind: 'path', path: '/FOOD', caseSensitive: false }, { path: '/food' })).toBe(true);
    expect(matches({ pathKind: 'path_separated_prefix', path: '/Rest/API', caseSensitive: false }, { path: '/rest/api/x' })).toBe(true);
    expect(matches({ pathKind: 'path', path: '/k', caseSensitive: false }, { path: '/\u212A' })).toBe(false);
    // The rule matches but the path seen after the prefix is the request's.
    expect(verdict({ pathKind: 'prefix', path: '/API', caseSensitive: false }, { path: '/api' }).reasons).toEqual(['path "/api" starts with "/API" (ignoring case)']);
  });

  it('case_sensitive does not apply to safe_regex', () => {
    expect(envoy({ safe_regex: { regex: '/ABC' }, case_sensitive: false }, { path: '/abc' }).matched).toBe(false);
    expect(envoy({ safe_regex: { regex: '(?i)/ABC' } }, { path: '/abc' }).matched).toBe(true);
  });

  it('explains each verdict', () => {
    expect(verdict({ pathKind: 'prefix', path: '/api' }, { path: '/api/x' }).reasons).toEqual(['path "/api/x" starts with "/api"']);
    expect(verdict({ pathKind: 'safe_regex', path: '/t[io]c' }, { path: '/tick' }).reasons).toEqual(['path "/tick" does not match regex "/t[io]c" (the whole path)']);
    expect(verdict({ pathKind: 'path_separated_prefix', path: '/rest/api' }, { path: '/rest/apithing' }).reasons).toEqual([
      'path "/rest/apithing" starts with "/rest/api" but "t" follows it, not "/" nor the end',
    ]);
  });

  it('an invalid RE2 regex never matches, and says why', () => {
    const result = envoy({ safe_regex: { regex: '(?=lookahead)' } }, { path: '/x' });
    expect(result.matched).toBe(false);
    expect(result.reasons[0]).toMatch(/not valid RE2.*Envoy refuses the config/);
  });

  it('ignore_path_parameters_in_path_matching cuts the path at ";"', () => {
    expect(envoy({ path: '/path-bluh' }, { path: '/path-bluh;env=prod' }).matched).toBe(false);
    expect(envoy({ path: '/path-bluh' }, { path: '/path-bluh;env=prod' }, { ignorePathParameters: true }).matched).toBe(true);
  });

  it('connect_matcher takes CONNECT requests only', () => {
    expect(envoy({ connect_matcher: {} }, { method: 'CONNECT' }).matched).toBe(true);
    expect(envoy({ connect_matcher: {} }, { method: 'GET' }).matched).toBe(false);
  });
});

describe('header matchers', () => {
  const header = (kind: 'exact' | 'prefix' | 'regex' | 'present' | 'absent', value = '', name = 'x-env') => ({ headers: [{ name, kind, value }] });

  it.each([
    ['exact', 'canary', [['x-env', 'canary']], true],
    ['exact', 'canary', [['X-Env', 'canary']], true],
    ['exact', 'canary', [['x-env', 'Canary']], false],
    ['exact', 'canary', [['x-env', '  canary  ']], true],
    ['exact', '', [['x-env', '']], true],
    ['exact', 'canary', [], false],
    ['prefix', 'can', [['x-env', 'canary']], true],
    ['prefix', 'can', [['x-env', 'scan']], false],
    ['regex', 'user=test-\\d+', [['x-env', 'user=test-12']], true],
    ['regex', 'test', [['x-env', 'user=test-12']], false],
    ['present', '', [['x-env', '']], true],
    ['present', '', [], false],
    ['absent', '', [], true],
    ['absent', '', [['x-env', 'x']], false],
  ] as const)('%s %j with %j → %s', (kind, value, headers, expected) => {
    expect(matches(header(kind, value), { headers: headers.map(([n, v]) => [n, v] as [string, string]) })).toBe(expected);
  });

  it('a missing header fails a value matcher, and says so', () => {
    expect(verdict(header('exact', 'canary'), {}).reasons).toEqual(['path "/" starts with "/"', 'header x-env missing']);
  });

  it('every header matcher must match', () => {
    const both = { headers: [{ name: 'a', kind: 'exact' as const, value: '1' }, { name: 'b', kind: 'exact' as const, value: '2' }] };
    expect(matches(both, { headers: [['a', '1'], ['b', '2']] })).toBe(true);
    expect(matches(both, { headers: [['a', '1']] })).toBe(false);
  });

  it('repeated headers joined with "," (Envoy ≤ 1.38)', () => {
    const headers: [string, string][] = [['x-role', 'user'], ['x-role', 'admin']];
    expect(matches(header('exact', 'user,admin', 'x-role'), { headers }, 'joined')).toBe(true);
    expect(matches(header('exact', 'admin', 'x-role'), { headers }, 'joined')).toBe(false);
    expect(verdict(header('exact', 'user,admin', 'x-role'), { headers }, 'joined').reasons[1]).toBe('header x-role "user,admin" (2 values joined with ",") equals "user,admin"');
  });

  it('repeated headers one value at a time (Envoy ≥ 1.39)', () => {
    const headers: [string, string][] = [['x-role', 'user'], ['x-role', 'admin']];
    expect(matches(header('exact', 'admin', 'x-role'), { headers }, 'each')).toBe(true);
    expect(matches(header('exact', 'user,admin', 'x-role'), { headers }, 'each')).toBe(false);
    expect(verdict(header('exact', 'nobody', 'x-role'), { headers }, 'each').reasons[1]).toBe('header x-role: none of its 2 values equal "nobody" (each value on its own)');
    // One header line holding a comma is one value either way.
    expect(matches(header('exact', 'user,admin', 'x-role'), { headers: [['x-role', 'user,admin']] }, 'each')).toBe(true);
  });

  it('repeated headers are joined with "," by default, whatever the image, and that is noted', () => {
    const headers: [string, string][] = [['x-role', 'user'], ['x-role', 'admin']];
    const run = (envoyImage: string, value = 'admin') => {
      const design = testDesign([{ domains: ['*'], rules: [rule(header('exact', value, 'x-role'))] }], { envoyImage });
      return matchRequest(design, { authority: 'x', path: '/', headers });
    };
    for (const image of ['envoyproxy/envoy:v1.39.5', 'envoyproxy/envoy:v1.38.2', 'envoyproxy/envoy:dev']) {
      expect(run(image).trace[0].matched).toBe(false);
      expect(run(image, 'user,admin').trace[0].matched).toBe(true);
    }
    expect(run('envoyproxy/envoy:v1.39.5').notes).toContainEqual(expect.stringContaining('joined with ","'));
  });

  it('pseudo-headers :authority, :path, :method and :scheme are matchable', () => {
    expect(matches(header('exact', 'POST', ':method'), { method: 'POST' })).toBe(true);
    expect(matches(header('exact', 'GET', ':method'), {})).toBe(true);
    expect(matches(header('exact', 'example.com', ':authority'), {})).toBe(true);
    expect(matches(header('prefix', '/a?', ':path'), { path: '/a?b=1' })).toBe(true);
    expect(matches(header('exact', 'https', ':scheme'), { scheme: 'https' })).toBe(true);
    expect(matches(header('exact', 'http', 'x-forwarded-proto'), {})).toBe(true);
  });

  it('a Host header is the authority (and no "host" header remains)', () => {
    expect(matches(header('exact', 'other.com', ':authority'), { headers: [['Host', 'other.com']] })).toBe(true);
    expect(matches(header('present', '', 'host'), { headers: [['Host', 'other.com']] })).toBe(false);
  });

  it('invert_match, treat_missing_header_as_empty, present_match false, range, suffix, contains, ignore_case', () => {
    const h = (m: Record<string, unknown>, headers: [string, string][] = []) => envoy({ prefix: '/', headers: [{ name: 'x', ...m }] }, { headers }).matched;
    expect(h({ string_match: { exact: 'a' }, invert_match: true }, [['x', 'b']])).toBe(true);
    expect(h({ string_match: { exact: 'a' }, invert_match: true }, [['x', 'a']])).toBe(false);
    // An inverted value matcher still needs the header.
    expect(h({ string_match: { exact: 'a' }, invert_match: true })).toBe(false);
    expect(h({ string_match: { exact: '' }, treat_missing_header_as_empty: true })).toBe(true);
    expect(h({ present_match: false })).toBe(true);
    expect(h({ present_match: false }, [['x', '1']])).toBe(false);
    expect(h({ present_match: true, invert_match: true })).toBe(true);
    expect(h({ present_match: false, invert_match: true }, [['x', '1']])).toBe(true);
    expect(h({})).toBe(false);
    expect(h({}, [['x', '']])).toBe(true);
    expect(h({ range_match: { start: 10, end: 20 } }, [['x', '10']])).toBe(true);
    expect(h({ range_match: { start: 10, end: 20 } }, [['x', '20']])).toBe(false);
    expect(h({ range_match: { start: '-5', end: '0' } }, [['x', '-1']])).toBe(true);
    expect(h({ range_match: { start: 10, end: 20 } }, [['x', '1x']])).toBe(false);
    expect(h({ string_match: { suffix: '.json' } }, [['x', 'a.json']])).toBe(true);
    expect(h({ string_match: { contains: 'mid' } }, [['x', 'amidb']])).toBe(true);
    expect(h({ string_match: { exact: 'ABC', ignore_case: true } }, [['x', 'abc']])).toBe(true);
    expect(h({ string_match: { prefix: 'AB', ignore_case: true } }, [['x', 'abc']])).toBe(true);
    expect(h({ exact_match: 'v' }, [['x', 'v']])).toBe(true);
    expect(h({ safe_regex_match: { regex: 'v+' } }, [['x', 'vvv']])).toBe(true);
    expect(h({ prefix_match: 'v' }, [['x', 'vw']])).toBe(true);
  });
});

describe('query parameter matchers', () => {
  const query = (kind: 'exact' | 'prefix' | 'regex' | 'present', value = '', name = 'debug') => ({ queryParameters: [{ name, kind, value }] });

  it.each([
    ['present', '', '/?debug', true],
    ['present', '', '/?debug=1', true],
    ['present', '', '/?nodebug=1', false],
    ['present', '', '/', false],
    ['exact', 'foo', '/?debug=foo&debug=bar', true],
    ['exact', 'foo', '/?debug=bar&debug=foo', false],
    ['exact', '', '/?debug', true],
    ['exact', '', '/?debug=', true],
    ['exact', 'a b', '/?debug=a%20b', false],
    ['exact', 'a%20b', '/?debug=a%20b', true],
    ['exact', 'a+b', '/?debug=a+b', true],
    ['prefix', 'fo', '/?debug=foo', true],
    ['regex', '\\d+[02468]', '/?debug=02', true],
    ['regex', '\\d+[02468]', '/?debug=2', false],
    ['regex', '\\d+[02468]', '/?debug=123', false],
    ['exact', 'v', '/a?x=1&debug=v#frag', true],
  ] as const)('%s %j on %s → %s', (kind, value, path, expected) => {
    expect(matches(query(kind, value), { path })).toBe(expected);
  });

  it('names are case-sensitive and raw', () => {
    expect(matches(query('present', '', 'Debug'), { path: '/?debug=1' })).toBe(false);
    expect(matches(query('present', '', 'a%20b'), { path: '/?a%20b=1' })).toBe(true);
  });

  it('present_match false asks for absence (Envoy ≥ 1.34)', () => {
    expect(envoy({ prefix: '/', query_parameters: [{ name: 'd', present_match: false }] }, { path: '/' }).matched).toBe(true);
    expect(envoy({ prefix: '/', query_parameters: [{ name: 'd', present_match: false }] }, { path: '/?d' }).matched).toBe(false);
    expect(envoy({ prefix: '/', query_parameters: [{ name: 'd', present_match: false }] }, { path: '/?d' }, { presentMatchObservesValue: false }).matched).toBe(true);
  });

  it('explains', () => {
    expect(verdict(query('exact', 'foo'), { path: '/?debug=bar' }).reasons[1]).toBe('query debug "bar" is not "foo"');
    expect(verdict(query('present'), { path: '/' }).reasons[1]).toBe('query debug missing');
  });
});

describe('conditions only an imported config holds', () => {
  it('grpc: content-type application/grpc or application/grpc+…', () => {
    const grpc = (contentType?: string) => envoy({ prefix: '/', grpc: {} }, { headers: contentType ? [['content-type', contentType]] : [] }).matched;
    expect(grpc('application/grpc')).toBe(true);
    expect(grpc('application/grpc+proto')).toBe(true);
    expect(grpc('application/grpc-web')).toBe(false);
    expect(grpc()).toBe(false);
  });

  it('cookies', () => {
    const cookie = (m: Record<string, unknown>, value?: string) => envoy({ prefix: '/', cookies: [{ name: 'session', ...m }] }, { headers: value ? [['cookie', value]] : [] }).matched;
    expect(cookie({ string_match: { exact: 'abc' } }, 'a=1; session=abc')).toBe(true);
    expect(cookie({ string_match: { exact: 'abc' } }, 'session="abc"')).toBe(true);
    expect(cookie({ string_match: { exact: 'abc' } }, 'session=xyz')).toBe(false);
    expect(cookie({ string_match: { exact: 'abc' } })).toBe(false);
    expect(cookie({ string_match: { exact: 'abc' }, invert_match: true })).toBe(true);
    expect(cookie({}, 'session=1')).toBe(true);
    expect(cookie({ present_match: false })).toBe(true);
  });

  it('runtime_fraction: random % denominator < numerator; assumed to match without a random value', () => {
    const fraction = { runtime_fraction: { default_value: { numerator: 25, denominator: 'HUNDRED' }, runtime_key: 'k' }, prefix: '/' };
    expect(envoy(fraction, {}, { random: 24n }).matched).toBe(true);
    expect(envoy(fraction, {}, { random: 25n }).matched).toBe(false);
    expect(envoy(fraction, {}, { random: 124n }).matched).toBe(true);
    expect(envoy(fraction).matched).toBe(true);
    expect(envoy({ prefix: '/', runtime_fraction: { default_value: { numerator: 5, denominator: 'TEN_THOUSAND' } } }, {}, { random: 10004n }).matched).toBe(true);
  });

  it('tls_context: the tester presents no client certificate', () => {
    expect(envoy({ prefix: '/', tls_context: { presented: true } }).matched).toBe(false);
    expect(envoy({ prefix: '/', tls_context: { presented: false } }).matched).toBe(true);
  });

  it('filter_state, dynamic_metadata and unknown conditions are treated as not matching', () => {
    const state = envoy({ prefix: '/', filter_state: [{ key: 'envoy.address' }] });
    expect(state.matched).toBe(false);
    expect(state.reasons[1]).toContain('treated as not matching');
    expect(envoy({ prefix: '/', dynamic_metadata: [{ filter: 'f' }] }).matched).toBe(false);
    expect(envoy({ prefix: '/', something_new: {} }).matched).toBe(false);
  });
});

describe('rules in order', () => {
  it('the first matching rule wins; later rules are not evaluated', () => {
    const design = testDesign([
      {
        domains: ['*'],
        rules: [rule({ pathKind: 'prefix', path: '/api' }, 'a', 'api'), rule({ pathKind: 'prefix', path: '/' }, 'b', 'all'), rule({ pathKind: 'prefix', path: '/' }, 'c')],
      },
    ]);
    const api = matchRequest(design, { authority: 'x', path: '/api/v1' });
    expect([clusterOf(api), api.route, api.trace.map((t) => t.matched)]).toEqual(['a', 'api', [true]]);
    const web = matchRequest(design, { authority: 'x', path: '/web' });
    expect([clusterOf(web), web.route, web.trace.map((t) => t.matched)]).toEqual(['b', 'all', [false, true]]);
  });

  it('an unnamed rule is reported by its 1-based position', () => {
    const design = testDesign([{ domains: ['*'], rules: [rule({ pathKind: 'path', path: '/x' }), rule()] }]);
    const result = matchRequest(design, { authority: 'x', path: '/y' });
    expect(result.route).toBe('2');
    expect(result.trace.map((t) => [t.index, t.name])).toEqual([[0, '1'], [1, '2']]);
  });

  it('no rule matches: 404 with the reason and the whole trace', () => {
    const design = testDesign([{ name: 'web', domains: ['*'], rules: [rule({ pathKind: 'prefix', path: '/a' }), rule({ pathKind: 'prefix', path: '/b' })] }]);
    const result = matchRequest(design, { authority: 'x', path: '/c' });
    expect(result.outcome).toEqual({ kind: 'no-route', status: 404, reason: 'no rule of virtual host web matches' });
    expect(result.trace).toHaveLength(2);
    expect(result.ruleId).toBeNull();
  });
});
