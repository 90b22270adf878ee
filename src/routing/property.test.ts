import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { rule, testDesign } from './design.testkit';
import { matchRequest } from './matchRequest';
import type { TestRequest } from './types';

/** Requests that hit the design's own domains and rule paths, and some that miss. */
const requestFor = (domains: string[], paths: string[]): fc.Arbitrary<TestRequest> =>
  fc.record({
    authority: fc.oneof(
      fc.constantFrom('', 'x', ...domains.map((d) => d.replace(/\*/g, 'w'))),
      fc.string({ maxLength: 20 }),
    ),
    path: fc.oneof(fc.constantFrom('/', ...paths), fc.string({ maxLength: 20 }), fc.constantFrom('/a?b=1#c', '/%2F?x', '/?q&q=2')),
    method: fc.constantFrom('GET', 'POST', 'CONNECT'),
    headers: fc.array(fc.tuple(fc.constantFrom('x-a', 'Host', ':method', 'content-type', 'cookie', 'X-A'), fc.string({ maxLength: 8 })), { maxLength: 4 }),
    scheme: fc.constantFrom('http' as const, 'https' as const),
  });

describe('matchRequest on random designs', () => {
  it('never throws; the trace, the rule and the outcome agree (seed 7, 300 runs)', () => {
    const cases = arbitraryDesign().chain((design) => {
      const domains = design.routes.flatMap((r) => r.domains);
      const paths = design.routes.flatMap((r) => r.rules.map((x) => x.match.path));
      return fc.tuple(fc.constant(design), requestFor(domains, paths), fc.option(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { nil: undefined }));
    });
    fc.assert(
      fc.property(cases, ([design, request, random]) => {
        const result = matchRequest(design, request, { random });
        const { trace, outcome } = result;
        trace.forEach((v, i) => expect(v.index).toBe(i));
        const decided = outcome.kind !== 'no-route';
        if (result.ruleId !== null) {
          expect(trace.at(-1)?.matched).toBe(true);
          expect(trace.slice(0, -1).every((v) => !v.matched)).toBe(true);
          const route = design.routes.find((r) => r.id === result.virtualHostId)!;
          expect(route.rules[trace.length - 1].id).toBe(result.ruleId);
        } else {
          expect(trace.every((v) => !v.matched)).toBe(true);
        }
        if (decided && outcome.kind !== 'redirect') expect(result.ruleId).not.toBeNull();
        if (result.virtualHostId !== null) expect(design.routes.some((r) => r.id === result.virtualHostId)).toBe(true);
        if (outcome.kind === 'weighted' && random !== undefined) expect(outcome.chosen).not.toBeNull();
        JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? String(v) : v));
      }),
      { seed: 7, numRuns: 300 },
    );
  }, 60_000);

  it('domain precedence agrees with a direct reading of the rules (seed 11, 2,000 runs)', () => {
    // A small alphabet makes wildcards overlap often.
    const label = fc.stringMatching(/^[ab.-]{0,4}$/);
    const domain = fc.oneof(label.filter((s) => s.length > 0), label.map((s) => `*${s}`), label.map((s) => `${s}*`), fc.constant('*'));
    const hostsArb = fc.uniqueArray(domain, { minLength: 1, maxLength: 8 }).chain((all) =>
      fc.integer({ min: 1, max: Math.min(3, all.length) }).map((n) => Array.from({ length: n }, (_, i) => all.filter((_, j) => j % n === i))),
    );
    fc.assert(
      fc.property(hostsArb, fc.stringMatching(/^[abAB.-]{0,6}$/), (hosts, authority) => {
        const design = testDesign(hosts.map((domains, i) => ({ name: `h${i}`, domains, rules: [rule()] })));
        expect(matchRequest(design, { authority, path: '/' }).virtualHost).toBe(reference(hosts, authority));
      }),
      { seed: 11, numRuns: 2000 },
    );
  }, 60_000);
});

/** The virtual host for `authority`, straight from the documented rules (no tables). */
function reference(hosts: string[][], authority: string): string | null {
  const host = authority.toLowerCase();
  const all = hosts.flatMap((domains, i) => domains.map((d) => ({ d: d.toLowerCase(), name: `h${i}` })));
  if (all.every((x) => x.d === '*')) return all.find((x) => x.d === '*')?.name ?? null;
  if (host === '') return null;
  const exact = all.find((x) => x.d === host && !x.d.startsWith('*') && !x.d.endsWith('*'));
  if (exact) return exact.name;
  const longest = (items: { d: string; name: string }[]) => [...items].sort((a, b) => b.d.length - a.d.length)[0]?.name;
  const suffix = longest(all.filter((x) => x.d !== '*' && x.d.startsWith('*') && host.length > x.d.length - 1 && host.endsWith(x.d.slice(1))));
  if (suffix) return suffix;
  const prefix = longest(all.filter((x) => x.d !== '*' && !x.d.startsWith('*') && x.d.endsWith('*') && host.length > x.d.length - 1 && host.startsWith(x.d.slice(0, -1))));
  if (prefix) return prefix;
  return all.find((x) => x.d === '*')?.name ?? null;
}
