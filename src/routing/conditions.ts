// One Envoy route's `match` (config.route.v3.RouteMatch JSON) against a request: the path
// specifier AND runtime fraction AND gRPC AND headers AND query parameters AND cookies AND TLS
// context AND metadata/filter state (RouteEntryImplBase::matchRoute and the *RouteEntryImpl::matches).
// Every condition is evaluated and explained, though Envoy stops at the first that fails; the verdict
// is the same.
import type { RequestView } from './request';
import type { RepeatedHeaders } from './types';
import { pathOnly } from './request';
import { asciiLower, isObj, literalTest, quote, rangeTest, regexTest, stringMatcher, type Compiled } from './strings';

export type MatchContext = {
  view: RequestView;
  repeatedHeaders: RepeatedHeaders;
  /** route_config.ignore_path_parameters_in_path_matching */
  ignorePathParameters: boolean;
  /** Query parameter present_match observes its value (Envoy ≥ 1.34's default). */
  presentMatchObservesValue: boolean;
  random: bigint | null;
};

export type Verdict = { matched: boolean; reasons: string[] };
type Check = { ok: boolean; reason: string };

const KNOWN = new Set([
  'prefix', 'path', 'safe_regex', 'connect_matcher', 'path_separated_prefix', 'path_match_policy', 'case_sensitive',
  'runtime_fraction', 'grpc', 'headers', 'query_parameters', 'cookies', 'tls_context', 'dynamic_metadata', 'filter_state',
]);

export function evaluateMatch(match: unknown, ctx: MatchContext): Verdict {
  if (!isObj(match)) return { matched: false, reasons: ['the route has no match (Envoy refuses the config)'] };
  const checks: Check[] = [pathCheck(match, ctx)];
  if (match.runtime_fraction !== undefined) checks.push(runtimeCheck(match.runtime_fraction, ctx.random));
  if (match.grpc !== undefined) checks.push(grpcCheck(ctx.view));
  for (const matcher of list(match.headers)) checks.push(headerCheck(matcher, ctx));
  for (const matcher of list(match.query_parameters)) checks.push(queryCheck(matcher, ctx));
  for (const matcher of list(match.cookies)) checks.push(cookieCheck(matcher, ctx.view));
  if (match.tls_context !== undefined) checks.push(...tlsChecks(match.tls_context));
  for (const key of ['dynamic_metadata', 'filter_state'] as const) {
    if (list(match[key]).length > 0) checks.push({ ok: false, reason: `${key} condition: depends on what other filters record at run time; treated as not matching` });
  }
  for (const key of Object.keys(match)) {
    if (!KNOWN.has(key)) checks.push({ ok: false, reason: `unknown match condition ${key}: treated as not matching` });
  }
  return { matched: checks.every((c) => c.ok), reasons: checks.map((c) => c.reason) };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function caseSensitive(match: Record<string, unknown>): boolean {
  const value = match.case_sensitive;
  if (typeof value === 'boolean') return value;
  if (isObj(value) && typeof value.value === 'boolean') return value.value;
  return true;
}

/** The path the path specifier sees: no query nor fragment; path parameters cut when configured. */
function sanitizedPath(ctx: MatchContext): string {
  const path = pathOnly(ctx.view.path);
  if (!ctx.ignorePathParameters) return path;
  const semicolon = path.indexOf(';');
  return semicolon < 0 ? path : path.slice(0, semicolon);
}

function pathCheck(match: Record<string, unknown>, ctx: MatchContext): Check {
  const path = sanitizedPath(ctx);
  const fold = !caseSensitive(match);
  const shown = `path ${quote(path)}`;
  if (typeof match.prefix === 'string') {
    const test = literalTest('prefix', match.prefix, fold);
    const ok = test.test(path);
    return { ok, reason: `${shown} ${ok ? test.yes : test.no}` };
  }
  if (typeof match.path === 'string') {
    const test = literalTest('exact', match.path, fold);
    const ok = test.test(path);
    return { ok, reason: `${shown} ${ok ? test.yes : test.no}` };
  }
  if (isObj(match.safe_regex)) {
    if (typeof match.safe_regex.regex !== 'string') return { ok: false, reason: 'safe_regex without a regex (Envoy refuses the config)' };
    const test = regexTest(match.safe_regex.regex);
    if ('error' in test) return { ok: false, reason: test.error };
    const ok = test.test(path);
    return { ok, reason: `${shown} ${ok ? test.yes : test.no} (the whole path)` };
  }
  if (typeof match.path_separated_prefix === 'string') {
    const prefix = match.path_separated_prefix;
    const test = literalTest('prefix', prefix, fold);
    if (!test.test(path)) return { ok: false, reason: `${shown} ${test.no}` };
    const next = path.charAt(prefix.length);
    const ok = next === '' || next === '/';
    return {
      ok,
      reason: ok
        ? `${shown} ${test.yes}, followed by ${next === '' ? 'the end of the path' : '"/"'}`
        : `${shown} ${test.yes} but ${quote(next)} follows it, not "/" nor the end`,
    };
  }
  if (match.connect_matcher !== undefined) {
    const ok = ctx.view.method === 'CONNECT';
    return { ok, reason: ok ? 'method is CONNECT (connect_matcher)' : `method ${ctx.view.method} is not CONNECT (connect_matcher)` };
  }
  if (match.path_match_policy !== undefined) return { ok: false, reason: 'path_match_policy (URI template extension): not simulated; treated as not matching' };
  return { ok: false, reason: 'no path specifier (prefix, path, safe_regex …): Envoy refuses the config' };
}

const DENOMINATORS: Record<string, bigint> = { HUNDRED: 100n, TEN_THOUSAND: 10000n, MILLION: 1000000n };
const DENOMINATOR_BY_NUMBER = [100n, 10000n, 1000000n];

/** runtime_fraction: matched when random % denominator < numerator (no runtime override assumed). */
function runtimeCheck(value: unknown, random: bigint | null): Check {
  const fraction = isObj(value) && isObj(value.default_value) ? value.default_value : {};
  const numerator = typeof fraction.numerator === 'number' && Number.isSafeInteger(fraction.numerator) && fraction.numerator >= 0 ? BigInt(fraction.numerator) : 0n;
  const d = fraction.denominator;
  const denominator = typeof d === 'number' ? DENOMINATOR_BY_NUMBER[d] ?? 100n : typeof d === 'string' ? DENOMINATORS[d.toUpperCase()] ?? 100n : 100n;
  const label = `runtime_fraction ${numerator}/${denominator}`;
  if (random === null) {
    const ok = numerator > 0n;
    return { ok, reason: ok ? `${label}: matches that share of requests; assumed to match (give a random value to decide)` : `${label}: never matches` };
  }
  const pick = random % denominator;
  const ok = pick < numerator;
  return { ok, reason: `${label}: random ${random} % ${denominator} = ${pick} ${ok ? '<' : '≥'} ${numerator}` };
}

/** Grpc::Common::isGrpcRequestHeaders: content-type is application/grpc or application/grpc+…. */
function grpcCheck(view: RequestView): Check {
  const contentType = view.headers.get('content-type')?.[0];
  const ok = contentType !== undefined && (contentType === 'application/grpc' || contentType.startsWith('application/grpc+'));
  return { ok, reason: ok ? `gRPC request (content-type ${quote(contentType!)})` : `not a gRPC request (${contentType === undefined ? 'no content-type' : `content-type ${quote(contentType)}`})` };
}

type ValueMatcher = { kind: 'present'; present: boolean } | { kind: 'value'; test: Compiled };

/** A HeaderMatcher's test: string_match, the deprecated *_match fields, range_match or presence. */
function headerMatcherTest(m: Record<string, unknown>): ValueMatcher {
  if (m.string_match !== undefined) return { kind: 'value', test: stringMatcher(m.string_match) };
  if (typeof m.exact_match === 'string') return { kind: 'value', test: literalTest('exact', m.exact_match, false) };
  if (typeof m.prefix_match === 'string') return { kind: 'value', test: literalTest('prefix', m.prefix_match, false) };
  if (typeof m.suffix_match === 'string') return { kind: 'value', test: literalTest('suffix', m.suffix_match, false) };
  if (typeof m.contains_match === 'string') return { kind: 'value', test: literalTest('contains', m.contains_match, false) };
  if (isObj(m.safe_regex_match) && typeof m.safe_regex_match.regex === 'string') return { kind: 'value', test: regexTest(m.safe_regex_match.regex) };
  if (m.range_match !== undefined) return { kind: 'value', test: rangeTest(m.range_match) };
  if (typeof m.present_match === 'boolean') return { kind: 'present', present: m.present_match };
  return { kind: 'present', present: true };
}

/** HeaderUtility::HeaderDataBaseImpl::matchesHeaders. */
function headerCheck(value: unknown, ctx: MatchContext): Check {
  if (!isObj(value) || typeof value.name !== 'string') return { ok: false, reason: 'a header matcher without a name (Envoy refuses the config)' };
  const name = asciiLower(value.name);
  const invert = value.invert_match === true;
  const asEmpty = value.treat_missing_header_as_empty === true;
  const matcher = headerMatcherTest(value);
  const values = ctx.view.headers.get(name);
  const label = `header ${name}`;
  const inverted = invert ? ' (inverted)' : '';
  if (matcher.kind === 'value' && 'error' in matcher.test) return { ok: false, reason: `${label}: ${matcher.test.error}` };
  if (values === undefined && !asEmpty) {
    if (matcher.kind === 'present') {
      const ok = invert ? matcher.present : !matcher.present;
      return { ok, reason: `${label} missing${matcher.present !== invert ? ' (must be present)' : ' (must be absent)'}` };
    }
    return { ok: false, reason: `${label} missing${invert ? ' (an inverted value matcher still needs the header)' : ''}` };
  }
  if (matcher.kind === 'present') {
    const ok = matcher.present !== invert;
    return { ok, reason: `${label} present${ok ? '' : ' (must be absent)'}` };
  }
  const test = matcher.test as Exclude<Compiled, { error: string }>;
  const seen = values ?? [''];
  if (ctx.repeatedHeaders === 'joined' || seen.length === 1) {
    const joined = seen.join(',');
    const hit = test.test(joined);
    const via = seen.length > 1 ? ` (${seen.length} values joined with ",")` : '';
    return { ok: hit !== invert, reason: `${label} ${quote(joined)}${via} ${hit ? test.yes : test.no}${inverted}` };
  }
  const hitAt = seen.findIndex((v) => test.test(v));
  const hit = hitAt >= 0;
  const shown = hit ? `value ${quote(seen[hitAt])} ${test.yes}` : `none of its ${seen.length} values ${test.yes.replace(/^(\S+)/, (w) => baseVerb(w))}`;
  return { ok: hit !== invert, reason: `${label}: ${shown} (each value on its own)${inverted}` };
}

/** 'equals' → 'equal', 'starts' → 'start' … for "none of its values start with". */
function baseVerb(word: string): string {
  return ({ equals: 'equal', starts: 'start', ends: 'end', contains: 'contain', matches: 'match', is: 'is' } as Record<string, string>)[word] ?? word;
}

/** ConfigUtility::QueryParameterMatcher::matches: the first value, raw (not percent-decoded). */
function queryCheck(value: unknown, ctx: MatchContext): Check {
  if (!isObj(value) || typeof value.name !== 'string') return { ok: false, reason: 'a query parameter matcher without a name (Envoy refuses the config)' };
  const { name } = value;
  const label = `query ${name}`;
  const found = ctx.view.query.get(name);
  if (typeof value.present_match === 'boolean' && ctx.presentMatchObservesValue) {
    const ok = (found !== undefined) === value.present_match;
    return { ok, reason: `${label} ${found !== undefined ? 'present' : 'missing'}${value.present_match ? '' : ' (must be absent)'}` };
  }
  if (found === undefined) return { ok: false, reason: `${label} missing` };
  if (value.string_match === undefined) return { ok: true, reason: `${label} present` };
  const test = stringMatcher(value.string_match);
  if ('error' in test) return { ok: false, reason: `${label}: ${test.error}` };
  const ok = test.test(found);
  return { ok, reason: `${label} ${quote(found)} ${ok ? test.yes : test.no}` };
}

/** ConfigUtility::CookieMatcher::matches. */
function cookieCheck(value: unknown, view: RequestView): Check {
  if (!isObj(value) || typeof value.name !== 'string') return { ok: false, reason: 'a cookie matcher without a name (Envoy refuses the config)' };
  const label = `cookie ${value.name}`;
  const found = view.cookies.get(value.name);
  const invert = value.invert_match === true;
  const asEmpty = value.treat_missing_cookie_as_empty === true;
  const inverted = invert ? ' (inverted)' : '';
  const test = value.string_match !== undefined ? stringMatcher(value.string_match) : value.range_match !== undefined ? rangeTest(value.range_match) : null;
  if (test) {
    if ('error' in test) return { ok: false, reason: `${label}: ${test.error}` };
    if (found === undefined && !asEmpty) return { ok: invert, reason: `${label} missing${inverted}` };
    const hit = test.test(found ?? '');
    return { ok: hit !== invert, reason: `${label} ${quote(found ?? '')} ${hit ? test.yes : test.no}${inverted}` };
  }
  const expected = typeof value.present_match === 'boolean' ? value.present_match : true;
  const ok = (found !== undefined) === expected !== invert;
  return { ok, reason: `${label} ${found !== undefined ? 'present' : 'missing'}${inverted}` };
}

/** The tester's connection presents no client certificate. */
function tlsChecks(value: unknown): Check[] {
  if (!isObj(value)) return [];
  const checks: Check[] = [];
  for (const key of ['presented', 'validated'] as const) {
    const raw = value[key];
    const expected = typeof raw === 'boolean' ? raw : isObj(raw) && typeof raw.value === 'boolean' ? raw.value : undefined;
    if (expected === undefined) continue;
    checks.push({ ok: expected === false, reason: `tls_context ${key}: ${expected} (the tester's request presents no client certificate)` });
  }
  return checks;
}
