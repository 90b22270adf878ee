import { describe, expect, it } from 'vitest';
import { addTestCase } from '../model/testCases.ts';
import { removeElement } from '../model/operations.ts';
import { templateByName } from '../model/templates.ts';
import { loadEnvoyRegistry } from './envoySchema.node.ts';
import { validateDesign } from './index.ts';
import { testCaseFindings } from './testCaseFindings.ts';

const front = templateByName('front-proxy')!.build();
let design = addTestCase(front, { name: 'api', request: { path: '/api/users' }, expect: { clusterId: 'cluster-2' } }).design;
design = addTestCase(design, { name: 'home goes to api', request: { path: '/home' }, expect: { clusterId: 'cluster-2' } }).design;
design = addTestCase(design, { name: 'nothing', expect: { clusterId: null } }).design;

describe('testCaseFindings', () => {
  it('no tests, no findings; passing tests, no findings', () => {
    expect(testCaseFindings(front)).toEqual([]);
    expect(testCaseFindings({ ...design, tests: design.tests!.slice(0, 1) })).toEqual([]);
  });

  it('one error per failing case, pointing at the case', () => {
    expect(testCaseFindings(design)).toEqual([
      { severity: 'error', rule: 'test.failed', message: 'test "home goes to api": expected api, got web', path: 'design.json: tests[1]', elementId: 'test-2' },
      { severity: 'error', rule: 'test.failed', message: 'test "nothing": expected no route (404), got web', path: 'design.json: tests[2]', elementId: 'test-3' },
    ]);
  });

  it('a removed cluster makes its cases fail, visibly', () => {
    const removed = removeElement({ ...design, tests: design.tests!.slice(0, 1) }, 'cluster-2');
    expect(testCaseFindings(removed)).toEqual([
      { severity: 'error', rule: 'test.failed', message: 'test "api": expected removed cluster cluster-2, got cluster-2', path: 'design.json: tests[0]', elementId: 'test-1' },
    ]);
  });
});

describe('validateDesign reports failing test cases', () => {
  const registry = loadEnvoyRegistry();
  it('with the other findings, errors first', () => {
    const findings = validateDesign(design, registry);
    expect(findings.filter((f) => f.rule === 'test.failed').map((f) => f.elementId)).toEqual(['test-2', 'test-3']);
    expect(validateDesign({ ...design, tests: design.tests!.slice(0, 1) }, registry)).toEqual([]);
  });
});
