import type { MatchResult } from '../../routing/types';

/** One line saying what Envoy does with the request. */
export function describeOutcome(result: MatchResult): string {
  const { outcome } = result;
  switch (outcome.kind) {
    case 'cluster':
      return `→ cluster ${outcome.cluster}`;
    case 'weighted': {
      const shares = outcome.clusters.map((c) => `${c.cluster} ${Math.round(c.share * 100)}%`).join(', ');
      return outcome.chosen ? `→ cluster ${outcome.chosen.cluster} (weighted: ${shares})` : `→ weighted split: ${shares}`;
    }
    case 'redirect':
      return `↪ ${outcome.status} redirect to ${outcome.location}`;
    case 'direct':
      return `◼ direct response ${outcome.status}${outcome.body ? `: ${outcome.body.slice(0, 80)}` : ''}`;
    case 'no-route':
      return `404 no route: ${outcome.reason}`;
    case 'unsupported':
      return `decided at run time: ${outcome.reason}`;
  }
}

/** Ids on the request's path, for highlighting: listener, virtual host, rule, cluster(s). */
export function pathIds(result: MatchResult): string[] {
  const { outcome } = result;
  const clusters =
    outcome.kind === 'cluster'
      ? [outcome.clusterId]
      : outcome.kind === 'weighted'
        ? outcome.chosen
          ? [outcome.chosen.clusterId]
          : outcome.clusters.map((c) => c.clusterId)
        : [];
  return [result.listenerId, result.virtualHostId, result.ruleId, ...clusters].filter((id): id is string => Boolean(id));
}
