// The request tester's vocabulary: a request, and what Envoy does with it, rule by rule.

/** An HTTP request as Envoy's router sees it after the connection manager (HCM) has read it. */
export type TestRequest = {
  /** `:authority` (the Host header): `host` or `host:port`, as the client sent it. */
  authority: string;
  /** `:path` with its query string (a fragment is stripped, as the HCM does). */
  path: string;
  /** `:method`; GET when not given. */
  method?: string;
  /** Other request headers, in order; a name given twice is a repeated header. */
  headers?: [string, string][];
  /** The downstream connection's scheme (TLS or not); http when not given. */
  scheme?: 'http' | 'https';
};

export type RuleVerdict = {
  ruleId: string;
  /** 0-based position of the rule in its route (virtual host). */
  index: number;
  /** The rule's name, or its 1-based position when it has none. */
  name: string;
  matched: boolean;
  /** Each condition checked, and how it went: 'path /api/x starts with /api', 'header x-canary missing'. */
  reasons: string[];
};

export type WeightedShare = { clusterId: string | null; cluster: string; weight: number; share: number };

export type MatchOutcome =
  /** Forwarded to one cluster. `clusterId` is null when no cluster of the design has that name. */
  | { kind: 'cluster'; clusterId: string | null; cluster: string }
  /** A weighted split; `share` is weight / total (0–1); `chosen` is the pick for `options.random`. */
  | { kind: 'weighted'; clusters: WeightedShare[]; chosen: { clusterId: string | null; cluster: string } | null }
  | { kind: 'redirect'; location: string; status: number }
  /** `location` is set when Envoy adds one (a 201 or 3xx direct response). */
  | { kind: 'direct'; status: number; body: string; location?: string }
  | { kind: 'no-route'; status: 404; reason: string }
  /** Envoy decides at run time from something the tester cannot see (a cluster specifier plugin …). */
  | { kind: 'unsupported'; reason: string };

export type DomainKind = 'exact' | 'suffix' | 'prefix' | 'wildcard';

export type MatchResult = {
  listenerId: string | null;
  listener: string | null;
  virtualHostId: string | null;
  virtualHost: string | null;
  domainMatch: { domain: string; kind: DomainKind } | null;
  /** The rules Envoy evaluated, in order, up to and including the one that matched. */
  trace: RuleVerdict[];
  ruleId: string | null;
  /** The matched rule's name, or its 1-based position when it has none. */
  route: string | null;
  outcome: MatchOutcome;
  /** Informational: listener/port mismatches, Envoy version semantics used, what could not be simulated. */
  notes: string[];
};

/**
 * How repeated request headers meet a header matcher: joined with "," as Envoy's router does
 * (config_impl.cc); each value on its own only when the runtime flag
 * envoy.reloadable_features.match_headers_individually is set to true.
 */
export type RepeatedHeaders = 'joined' | 'each';

export type MatchOptions = {
  /** Envoy's per-request random value (uint64): picks weighted clusters and runtime fractions. */
  random?: number | bigint;
  /** The listener, by name or id; the first HTTP listener when not given. */
  listener?: string;
  /** Strip the port from the authority before domain matching; overrides the route config's ignore_port_in_host_matching when given. */
  ignorePortInHostMatching?: boolean;
  /** Repeated header semantics; joined by default (see RepeatedHeaders). */
  repeatedHeaders?: RepeatedHeaders;
};
