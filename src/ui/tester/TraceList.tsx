import type { MatchResult } from '../../routing/types';

/** Every rule Envoy tried, in order, with why it matched or not. */
export function TraceList({ result }: { result: MatchResult }) {
  if (result.trace.length === 0) return null;
  return (
    <ol className="tester-trace" aria-label="Rules tried">
      {result.trace.map((verdict) => (
        <li key={verdict.ruleId} className={verdict.matched ? 'verdict-match' : 'verdict-miss'}>
          <strong>
            Rule {verdict.name}: {verdict.matched ? 'matches' : 'does not match'}
          </strong>
          <ul>{verdict.reasons.map((reason, i) => <li key={i}>{reason}</li>)}</ul>
        </li>
      ))}
    </ol>
  );
}
