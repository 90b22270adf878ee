// Unreachable rules: Envoy takes the first route of a virtual host whose match succeeds, so a rule
// is dead when an earlier rule matches every request it matches. Only certain cases are claimed
// (path kinds compared as strings, header and query conditions as sets); regexes never cover.
import type { HeaderMatcher, QueryParameterMatcher, Route, Rule, RouteMatch } from '../model/schema.ts';

const hasCasedLetters = (s: string) => s.toLowerCase() !== s.toUpperCase();

/**
 * Whether every path `later` accepts starts with (or, for `exact`, equals) `text` as `earlier`
 * compares it. A case-sensitive earlier rule covers a case-insensitive later one only when its
 * text has no letters (every spelling of the later path then carries it unchanged).
 */
function caseCompatible(earlier: RouteMatch, later: RouteMatch, text: string): boolean {
  return !earlier.caseSensitive || later.caseSensitive || !hasCasedLetters(text);
}

const fold = (earlier: RouteMatch, s: string) => (earlier.caseSensitive ? s : s.toLowerCase());

/** The earlier rule's path condition holds for every path the later rule's path condition accepts. */
export function pathCovers(earlier: RouteMatch, later: RouteMatch): boolean {
  if (earlier.pathKind === 'safe_regex' || later.pathKind === 'safe_regex') return false;
  const e = fold(earlier, earlier.path);
  const l = fold(earlier, later.path);
  if (!caseCompatible(earlier, later, earlier.path)) return false;
  switch (earlier.pathKind) {
    case 'prefix':
      // prefix q, exact q and separated prefix q all accept only paths starting with q.
      return l.startsWith(e);
    case 'path':
      return later.pathKind === 'path' && l === e;
    case 'path_separated_prefix': {
      // Accepts e itself and e/…; a later prefix must force the "/" after e.
      const underneath = l.startsWith(`${e}/`);
      if (later.pathKind === 'prefix') return underneath;
      return l === e || underneath;
    }
  }
}

const headerKey = (m: HeaderMatcher) => `${m.name.toLowerCase()}\n${m.kind}\n${m.value}`;
const queryKey = (m: QueryParameterMatcher) => `${m.name}\n${m.kind}\n${m.value}`;

/** Every header and query condition of the earlier rule is also a condition of the later one. */
export function conditionsCovered(earlier: RouteMatch, later: RouteMatch): boolean {
  const headers = new Set(later.headers.map(headerKey));
  const query = new Set(later.queryParameters.map(queryKey));
  return earlier.headers.every((m) => headers.has(headerKey(m))) && earlier.queryParameters.every((m) => query.has(queryKey(m)));
}

/** An imported rule whose Envoy match keeps what the model does not show (runtime_fraction, grpc …). */
const hasKeptMatch = (rule: Rule) => rule.kept !== undefined && Object.prototype.hasOwnProperty.call(rule.kept, 'match');

export const ruleCovers = (earlier: Rule, later: Rule) =>
  !hasKeptMatch(earlier) && !hasKeptMatch(later) && pathCovers(earlier.match, later.match) && conditionsCovered(earlier.match, later.match);

export type Shadowed = { rule: Rule; index: number; by: Rule; byIndex: number };

/**
 * For each unreachable rule of a route, the first earlier rule that covers it. Earlier rules are
 * indexed by path text, so each later rule only looks at candidates among its own path's prefixes
 * (O(rules × path length) rather than O(rules²)).
 */
export function shadowedRules(route: Route): Shadowed[] {
  const exact = new Map<string, number[]>();
  const folded = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const out: Shadowed[] = [];
  route.rules.forEach((later, j) => {
    const { match } = later;
    if (match.pathKind !== 'safe_regex') {
      const candidates: number[] = [];
      const lower = match.path.toLowerCase();
      for (let k = 0; k <= match.path.length; k++) {
        candidates.push(...(exact.get(match.path.slice(0, k)) ?? []), ...(folded.get(lower.slice(0, k)) ?? []));
      }
      const first = candidates.sort((a, b) => a - b).find((i) => ruleCovers(route.rules[i], later));
      if (first !== undefined) out.push({ rule: later, index: j, by: route.rules[first], byIndex: first });
      push(match.caseSensitive ? exact : folded, match.caseSensitive ? match.path : lower, j);
    }
  });
  return out;
}

export function describeMatch(match: RouteMatch): string {
  const kind = match.pathKind === 'path' ? 'exact path' : match.pathKind.replace(/_/g, ' ');
  const conditions = match.headers.length + match.queryParameters.length;
  return `${kind} "${match.path}"${match.caseSensitive ? '' : ' (any case)'}${conditions ? ` with ${conditions} header/query condition${conditions > 1 ? 's' : ''}` : ''}`;
}
