import { useMemo } from 'react';
import { addTestCase, removeTestCase, updateTestCase } from '../../model/testCases';
import type { TestCase } from '../../model/schema';
import { runTestCases } from '../../routing/testCases';
import type { MatchResult, TestRequest } from '../../routing/types';
import { useStore } from '../../store/store';

type Props = { request: TestRequest; listener: string; result: MatchResult; onLoad: (test: TestCase) => void };

function expectedClusterOf(result: MatchResult): string | null {
  const { outcome } = result;
  if (outcome.kind === 'cluster') return outcome.clusterId;
  if (outcome.kind === 'weighted') return outcome.chosen?.clusterId ?? outcome.clusters[0]?.clusterId ?? null;
  return null;
}

/**
 * Test cases saved in the design (so they travel in links and design.json), re-run on every
 * edit, each passing or failing against its expected cluster. A failing case is also a Problem.
 */
export function SavedCases({ request, listener, result, onLoad }: Props) {
  const design = useStore((s) => s.design);
  const edit = useStore((s) => s.edit);
  const runs = useMemo(() => runTestCases(design), [design]);
  const save = () =>
    edit((d) =>
      addTestCase(d, {
        name: `${request.method ?? 'GET'} ${request.authority}${request.path}`,
        listener: listener || null,
        request: { ...request, method: request.method ?? 'GET', headers: request.headers ?? [], scheme: request.scheme ?? 'http' },
        expect: { clusterId: expectedClusterOf(result) },
      }).design,
    );
  return (
    <section className="saved-cases" aria-label="Saved test cases">
      <button type="button" onClick={save}>Save as test case</button>
      {runs.length > 0 && (
        <ul>
          {runs.map(({ test, run }) => (
            <li key={test.id} className={run.pass ? 'case-pass' : 'case-fail'} data-testid={`case-${test.name}`}>
              <span className="case-verdict">{run.pass ? 'PASS' : 'FAIL'}</span>
              <span className="case-name">{test.name}</span>
              <label>
                Expected cluster for {test.name}
                <select value={test.expect.clusterId ?? ''} onChange={(e) => edit((d) => updateTestCase(d, test.id, { expect: { clusterId: e.target.value || null } }))}>
                  <option value="">no route (404)</option>
                  {design.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  {test.expect.clusterId && !design.clusters.some((c) => c.id === test.expect.clusterId) && <option value={test.expect.clusterId}>(removed cluster)</option>}
                </select>
              </label>
              {!run.pass && <span className="case-actual">got {run.actual}</span>}
              <button type="button" onClick={() => onLoad(test)}>Load</button>
              <button type="button" onClick={() => edit((d) => removeTestCase(d, test.id))} aria-label={`Delete test case ${test.name}`}>Delete</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
