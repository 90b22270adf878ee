import { describe, expect, it } from 'vitest';
import { newRoute, newRule } from '../model/defaults.ts';
import type { HeaderMatcher, RouteMatch, Rule } from '../model/schema.ts';
import { pathCovers, ruleCovers, shadowedRules } from './shadowing.ts';

const match = (pathKind: RouteMatch['pathKind'], path: string, extra: Partial<RouteMatch> = {}): RouteMatch => ({
  pathKind,
  path,
  caseSensitive: true,
  headers: [],
  queryParameters: [],
  ...extra,
});
const rule = (id: string, m: RouteMatch): Rule => ({ ...newRule(id, 'cluster-1'), match: m });
const header = (name: string, value: string): HeaderMatcher => ({ name, kind: 'exact', value });

describe('pathCovers', () => {
  it.each([
    ['prefix / covers prefix /api', match('prefix', '/'), match('prefix', '/api'), true],
    ['prefix /api covers exact /api/users', match('prefix', '/api'), match('path', '/api/users'), true],
    ['prefix /api covers separated prefix /api', match('prefix', '/api'), match('path_separated_prefix', '/api'), true],
    ['prefix /api does not cover prefix /ap', match('prefix', '/api'), match('prefix', '/ap'), false],
    ['prefix /api does not cover prefix /API', match('prefix', '/api'), match('prefix', '/API'), false],
    ['case-insensitive prefix /API covers prefix /api/v1', match('prefix', '/API', { caseSensitive: false }), match('prefix', '/api/v1'), true],
    ['case-sensitive /api does not cover case-insensitive /api/v1', match('prefix', '/api'), match('prefix', '/api/v1', { caseSensitive: false }), false],
    ['case-sensitive / covers case-insensitive /api (no letters)', match('prefix', '/'), match('prefix', '/api', { caseSensitive: false }), true],
    ['exact /a covers exact /a', match('path', '/a'), match('path', '/a'), true],
    ['exact /a does not cover prefix /a', match('path', '/a'), match('prefix', '/a'), false],
    ['separated prefix /api covers exact /api and /api/x', match('path_separated_prefix', '/api'), match('path', '/api/x'), true],
    ['separated prefix /api does not cover prefix /apix', match('path_separated_prefix', '/api'), match('prefix', '/apix'), false],
    ['separated prefix /api does not cover prefix /api (it also takes /apix)', match('path_separated_prefix', '/api'), match('prefix', '/api'), false],
    ['separated prefix /api covers prefix /api/', match('path_separated_prefix', '/api'), match('prefix', '/api/'), true],
    ['a regex never covers', match('safe_regex', '.*'), match('prefix', '/a'), false],
    ['nothing claims to cover a regex', match('prefix', '/'), match('safe_regex', '/a.*'), false],
  ])('%s', (_name, earlier, later, expected) => {
    expect(pathCovers(earlier, later)).toBe(expected);
  });
});

describe('ruleCovers', () => {
  it('needs the earlier rule’s header and query conditions to be among the later rule’s', () => {
    const plain = rule('a', match('prefix', '/'));
    const canary = rule('b', match('prefix', '/api', { headers: [header('x-canary', '1')] }));
    expect(ruleCovers(plain, canary)).toBe(true);
    expect(ruleCovers(canary, rule('c', match('prefix', '/api/v1')))).toBe(false);
    expect(ruleCovers(canary, rule('d', match('prefix', '/api/v1', { headers: [header('X-Canary', '1'), header('x-other', '2')] })))).toBe(true);
  });
});

describe('shadowedRules', () => {
  it('names each dead rule with the first earlier rule that covers it', () => {
    const route = {
      ...newRoute('route-1', 'web'),
      rules: [rule('r1', match('prefix', '/static')), rule('r2', match('prefix', '/')), rule('r3', match('prefix', '/api')), rule('r4', match('path', '/static/app.js'))],
    };
    expect(shadowedRules(route).map((s) => [s.rule.id, s.by.id, s.index, s.byIndex])).toEqual([
      ['r3', 'r2', 2, 1],
      ['r4', 'r1', 3, 0],
    ]);
  });

  it('leaves out imported rules whose Envoy match keeps conditions the model does not show', () => {
    const sampled = { ...rule('r1', match('prefix', '/')), kept: { match: { runtime_fraction: { default_value: { numerator: 10 } } } } };
    const route = { ...newRoute('route-1', 'web'), rules: [sampled, rule('r2', match('prefix', '/api'))] };
    expect(shadowedRules(route)).toEqual([]);
  });

  it('finds nothing when specific rules come first', () => {
    const route = { ...newRoute('route-1', 'web'), rules: [rule('r1', match('prefix', '/api')), rule('r2', match('prefix', '/'))] };
    expect(shadowedRules(route)).toEqual([]);
  });
});
