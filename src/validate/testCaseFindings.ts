// Saved test cases (design.tests) that fail are errors: the design no longer routes a request the
// way its author recorded. Rule: test.failed (error), pointing at `design.json: tests[i]`.
import type { Design } from '../model/schema.ts';
import { runTestCase } from '../routing/testCases.ts';
import { error, type Finding } from './findings.ts';

export function testCaseFindings(design: Design): Finding[] {
  return (design.tests ?? []).flatMap((test, i) => {
    const run = runTestCase(design, test);
    if (run.pass) return [];
    return [{ ...error('test.failed', `test "${test.name}": expected ${run.expected}, got ${run.actual}`, `design.json: tests[${i}]`), elementId: test.id }];
  });
}
