import { describe, expect, it } from 'vitest';
import { addTestCase, removeElement, templateByName, updateListener, type Design, type TestCase } from '../model';
import { runTestCase, runTestCases } from './testCases';

const front = templateByName('front-proxy')!.build(); // web (cluster-1) on *, api (cluster-2) on api.example.com and /api/
const canary = templateByName('canary')!.build(); // shop-stable 90 / shop-canary 10
const tlsEdge = templateByName('tls-edge')!.build(); // listener-1 redirects, listener-2 → app (cluster-1)

const test = (over: Partial<TestCase> & { authority?: string; path?: string } = {}): TestCase => ({
  id: 'test-1',
  name: 't',
  listener: null,
  request: { authority: over.authority ?? 'example.com', path: over.path ?? '/', method: 'GET', headers: [], scheme: 'http' },
  expect: { clusterId: null },
  ...over,
});

describe('runTestCase', () => {
  it('passes when the request lands on the expected cluster, with the names in words', () => {
    const run = runTestCase(front, test({ path: '/api/users', expect: { clusterId: 'cluster-2' } }));
    expect(run).toMatchObject({ pass: true, actual: 'api', expected: 'api' });
    expect(run.result.outcome).toMatchObject({ kind: 'cluster', clusterId: 'cluster-2' });
  });

  it('fails when it lands elsewhere', () => {
    expect(runTestCase(front, test({ path: '/home', expect: { clusterId: 'cluster-2' } }))).toMatchObject({ pass: false, actual: 'web', expected: 'api' });
  });

  it('uses the authority to choose the virtual host', () => {
    expect(runTestCase(front, test({ authority: 'api.example.com', path: '/home', expect: { clusterId: 'cluster-2' } })).pass).toBe(true);
  });

  it('a weighted split passes for any of its clusters, and only those', () => {
    expect(runTestCase(canary, test({ expect: { clusterId: 'cluster-1' } }))).toMatchObject({ pass: true, actual: 'weighted split', expected: 'shop-stable' });
    expect(runTestCase(canary, test({ expect: { clusterId: 'cluster-2' } }))).toMatchObject({ pass: true, actual: 'weighted split' });
    expect(runTestCase(canary, test({ expect: { clusterId: null } }))).toMatchObject({ pass: false, expected: 'no route (404)' });
  });

  it('a redirect or a direct response never passes', () => {
    expect(runTestCase(tlsEdge, test({ listener: 'listener-1', expect: { clusterId: 'cluster-1' } }))).toMatchObject({ pass: false, actual: 'redirect', expected: 'app' });
    const direct: Design = {
      ...front,
      routes: front.routes.map((r) => ({ ...r, rules: r.rules.map((rule) => ({ ...rule, action: { kind: 'direct' as const, status: 200, body: 'ok' } })) })),
    };
    expect(runTestCase(direct, test({ expect: { clusterId: 'cluster-1' } }))).toMatchObject({ pass: false, actual: 'direct response' });
  });

  it('picks the listener by id; null means the first HTTP listener', () => {
    expect(runTestCase(tlsEdge, test({ listener: 'listener-2', expect: { clusterId: 'cluster-1' } })).pass).toBe(true);
    expect(runTestCase(tlsEdge, test({ listener: null, expect: { clusterId: 'cluster-1' } })).actual).toBe('redirect');
  });

  it('expects no route: passes on a 404 only', () => {
    const onlyApi = { ...front, listeners: [updateListener(front, 'listener-1', { routeIds: ['route-1'] }).listeners[0]] };
    expect(runTestCase(onlyApi, test({ authority: 'other.example.com' }))).toMatchObject({ pass: true, actual: 'no route (404)', expected: 'no route (404)' });
    expect(runTestCase(front, test())).toMatchObject({ pass: false, actual: 'web', expected: 'no route (404)' });
  });

  it('a removed cluster leaves the expectation dangling: the case fails, naming the id', () => {
    const removed = removeElement(front, 'cluster-2');
    const run = runTestCase(removed, test({ path: '/api/x', expect: { clusterId: 'cluster-2' } }));
    expect(run).toMatchObject({ pass: false, expected: 'removed cluster cluster-2' });
  });

  it('a removed listener fails the case, whatever it expects', () => {
    const removed = removeElement(tlsEdge, 'listener-2');
    expect(runTestCase(removed, test({ listener: 'listener-2' }))).toMatchObject({ pass: false, actual: 'removed listener listener-2', expected: 'no route (404)' });
  });

  it('sends method, headers and scheme', () => {
    const withHeader: Design = {
      ...front,
      routes: front.routes.map((r) =>
        r.id !== 'route-2' ? r : { ...r, rules: [{ ...r.rules[1], id: 'rule-9', match: { ...r.rules[1].match, headers: [{ name: 'x-api', kind: 'exact' as const, value: 'yes' }] }, action: { ...r.rules[0].action } }, ...r.rules] },
      ),
    };
    const base = test({ expect: { clusterId: 'cluster-2' } });
    expect(runTestCase(withHeader, base).pass).toBe(false);
    expect(runTestCase(withHeader, { ...base, request: { ...base.request, method: 'POST', headers: [['x-api', 'yes']], scheme: 'https' } }).pass).toBe(true);
  });

  it('runTestCases runs every saved case in order; a design without tests has none', () => {
    expect(runTestCases(front)).toEqual([]);
    let design = addTestCase(front, { name: 'api', request: { path: '/api/' }, expect: { clusterId: 'cluster-2' } }).design;
    design = addTestCase(design, { name: 'home', expect: { clusterId: 'cluster-2' } }).design;
    expect(runTestCases(design).map(({ test, run }) => [test.name, run.pass])).toEqual([
      ['api', true],
      ['home', false],
    ]);
  });
});
