import { describe, expect, it } from 'vitest';
import { designJson } from '../generate/designJson';
import { loadDesign, loadDesignText } from './load';
import { addCluster, removeElement } from './operations';
import { Design, MAX_TEST_CASES } from './schema';
import { templateByName } from './templates';
import { addTestCase, nextTestId, removeTestCase, reorderTestCase, updateTestCase } from './testCases';

const base = templateByName('front-proxy')!.build();

describe('test case operations', () => {
  it('addTestCase appends a case with defaults and a fresh test-<n> id, never mutating', () => {
    const first = addTestCase(base);
    expect(first.id).toBe('test-1');
    expect(first.design.tests).toEqual([
      { id: 'test-1', name: 'test', listener: null, request: { authority: 'example.com', path: '/', method: 'GET', headers: [], scheme: 'http' }, expect: { clusterId: null } },
    ]);
    expect(base.tests).toBeUndefined();
    const second = addTestCase(first.design, { name: 'api', listener: 'listener-1', request: { path: '/api/' }, expect: { clusterId: 'cluster-2' } });
    expect(second.id).toBe('test-2');
    expect(second.design.tests![1]).toEqual({
      id: 'test-2',
      name: 'api',
      listener: 'listener-1',
      request: { authority: 'example.com', path: '/api/', method: 'GET', headers: [], scheme: 'http' },
      expect: { clusterId: 'cluster-2' },
    });
    expect(addTestCase(second.design).design.tests![2].name).toBe('test-2');
  });

  it('ids go one above the highest in use, so a removed id is not reused while a higher one exists', () => {
    let design = base;
    for (let i = 0; i < 3; i++) design = addTestCase(design).design;
    design = removeTestCase(design, 'test-2');
    expect(nextTestId(design)).toBe('test-4');
    expect(nextTestId(removeTestCase(design, 'test-3'))).toBe('test-2');
  });

  it('updateTestCase merges the request field by field and keeps the id', () => {
    const { design, id } = addTestCase(base);
    const updated = updateTestCase(design, id, { name: 'renamed', request: { scheme: 'https', headers: [['x-a', '1']] }, expect: { clusterId: 'cluster-1' } });
    expect(updated.tests![0]).toEqual({
      id,
      name: 'renamed',
      listener: null,
      request: { authority: 'example.com', path: '/', method: 'GET', headers: [['x-a', '1']], scheme: 'https' },
      expect: { clusterId: 'cluster-1' },
    });
    expect(updateTestCase(design, id, { name: undefined }).tests![0].name).toBe('test');
    expect(updateTestCase(design, 'test-99', { name: 'x' })).toBe(design);
    expect(design.tests![0].name).toBe('test');
  });

  it('removeTestCase and reorderTestCase', () => {
    let design = base;
    for (const name of ['a', 'b', 'c']) design = addTestCase(design, { name }).design;
    expect(reorderTestCase(design, 2, 0).tests!.map((t) => t.name)).toEqual(['c', 'a', 'b']);
    expect(reorderTestCase(design, 0, 5)).toBe(design);
    expect(removeTestCase(design, 'test-2').tests!.map((t) => t.name)).toEqual(['a', 'c']);
    expect(removeTestCase(design, 'nope')).toBe(design);
  });

  it('removing a cluster or listener leaves the test case pointing at it', () => {
    const { design } = addTestCase(base, { listener: 'listener-1', expect: { clusterId: 'cluster-2' } });
    const after = removeElement(removeElement(design, 'cluster-2'), 'listener-1');
    expect(after.tests).toEqual(design.tests);
  });

  it('new elements do not take test ids, nor tests element ids', () => {
    const { design } = addTestCase(base);
    expect(addCluster(design).id).toBe('cluster-3');
  });
});

describe('schema: tests', () => {
  const withTests = (tests: unknown) => loadDesign({ ...JSON.parse(designJson(base)), tests });

  it('is optional; a design with tests loads and serialises them in design.json', () => {
    expect(loadDesign(JSON.parse(designJson(base))).ok).toBe(true);
    const { design } = addTestCase(base, { request: { headers: [['a', 'b']] } });
    const reloaded = loadDesignText(designJson(design));
    expect(reloaded).toEqual({ ok: true, design });
  });

  it.each([
    ['an empty name', { name: '' }, 'tests[0].name: must not be empty'],
    ['a path without /', { request: { path: 'api' } }, 'tests[0].request.path: must be a path starting with /'],
    ['an empty authority', { request: { authority: '' } }, 'tests[0].request.authority: must name a host, like example.com'],
    ['a bad method', { request: { method: 'GE T' } }, 'tests[0].request.method: must be an HTTP method, like GET or POST'],
    ['a bad scheme', { request: { scheme: 'ftp' } }, 'tests[0].request.scheme: must be http or https'],
    ['a header without a name', { request: { headers: [['', 'v']] } }, 'tests[0].request.headers[0][0]: a header needs a name'],
    ['a too long name', { name: 'x'.repeat(201) }, 'tests[0].name: must be at most 200 characters'],
  ])('refuses %s with a clear message', (_what, patch, message) => {
    const { design } = addTestCase(base);
    const test = design.tests![0];
    const bad = { ...test, ...patch, request: { ...test.request, ...(patch as { request?: object }).request } };
    const result = withTests([bad]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain(message);
  });

  it('bounds the number of cases and refuses duplicate ids', () => {
    const { design } = addTestCase(base);
    const test = design.tests![0];
    const many = Array.from({ length: MAX_TEST_CASES + 1 }, (_, i) => ({ ...test, id: `test-${i + 1}` }));
    expect(Design.safeParse({ ...design, tests: many }).success).toBe(false);
    const result = withTests([test, test]);
    expect(result).toEqual({ ok: false, errors: ['tests: id "test-1" is used by more than one test case'] });
  });
});
