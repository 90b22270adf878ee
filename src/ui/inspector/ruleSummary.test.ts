import { describe, expect, it } from 'vitest';
import { forwardAction, newCluster, newRule, weightedAction } from '../../model/defaults';
import type { Rule } from '../../model/schema';
import { matcherValueForKind, replaceAt, withForward } from './ruleEdits';
import { ruleSummary } from './ruleSummary';

const clusters = [newCluster('c1', 'web'), newCluster('c2', 'canary')];

describe('ruleSummary', () => {
  it('describes a forward', () => {
    expect(ruleSummary(newRule('r', 'c1'), clusters)).toBe('prefix / → web');
    expect(ruleSummary({ ...newRule('r'), name: 'catch-all' }, clusters)).toBe('catch-all: prefix / → no cluster');
  });

  it('describes a split with shares and conditions', () => {
    const rule: Rule = {
      ...newRule('r'),
      match: { pathKind: 'safe_regex', path: '^/v[0-9]+/', caseSensitive: true, headers: [{ name: 'x', kind: 'present', value: '' }], queryParameters: [] },
      action: weightedAction([{ clusterId: 'c1', weight: 90 }, { clusterId: 'c2', weight: 10 }]),
    };
    expect(ruleSummary(rule, clusters)).toBe('regex ^/v[0-9]+/ + 1 condition → split web 90% / canary 10%');
  });

  it('describes redirects, direct responses and removed clusters', () => {
    const redirect: Rule = { ...newRule('r'), action: { kind: 'redirect', hostRedirect: null, pathRedirect: '/new', httpsRedirect: true, responseCode: 'FOUND' } };
    expect(ruleSummary(redirect, clusters)).toBe('prefix / → redirect https /new');
    expect(ruleSummary({ ...newRule('r'), action: { kind: 'direct', status: 404, body: '' } }, clusters)).toBe('prefix / → respond 404');
    expect(ruleSummary(newRule('r', 'gone'), clusters)).toBe('prefix / → removed cluster gone');
  });
});

describe('rule edits', () => {
  it('change forward options only on forwarding rules', () => {
    const forward = newRule('r', 'c1');
    expect(withForward({ timeout: '5s' })(forward)).toEqual({ action: { ...forwardAction('c1'), timeout: '5s' } });
    const direct: Rule = { ...forward, action: { kind: 'direct', status: 200, body: '' } };
    expect(withForward({ timeout: '5s' })(direct)).toEqual({});
  });

  it('keep a matcher value valid for its new kind', () => {
    expect(matcherValueForKind('regex', '(')).toBe('.*');
    expect(matcherValueForKind('regex', 'ab+')).toBe('ab+');
    expect(matcherValueForKind('regex', '')).toBe('.*');
    expect(matcherValueForKind('prefix', '')).toBe('prefix');
    expect(matcherValueForKind('present', 'x')).toBe('x');
    expect(matcherValueForKind('exact', '')).toBe('');
  });

  it('replace one row', () => {
    expect(replaceAt([{ a: 1 }, { a: 2 }], 1, { a: 3 })).toEqual([{ a: 1 }, { a: 3 }]);
  });
});
