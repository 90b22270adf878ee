// Request tester: which virtual host, rule and cluster Envoy picks for a request (see matchRequest.ts).
export { matchRequest } from './matchRequest';
export { parseCurl, MAX_CURL_CHARS, type ParsedCurl } from './curl';
export { envoyVersion } from './semantics';
export { runTestCase, runTestCases, expectedLabel, NO_ROUTE, type TestCaseRun } from './testCases';
export type { DomainKind, MatchOptions, MatchOutcome, MatchResult, RepeatedHeaders, RuleVerdict, TestRequest, WeightedShare } from './types';
