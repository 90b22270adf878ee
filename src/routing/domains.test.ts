import { describe, expect, it } from 'vitest';
import { domainTable, findVirtualHost, matchingHost } from './domains';
import { rule, testDesign } from './design.testkit';
import { matchRequest } from './matchRequest';

/** The virtual host (by name) that `authority` lands on among `hosts` (name → domains). */
function hostFor(hosts: Record<string, string[]>, authority: string, ignorePortInHostMatching = false): string | null {
  const design = testDesign(Object.entries(hosts).map(([name, domains]) => ({ name, domains, rules: [rule()] })));
  return matchRequest(design, { authority, path: '/' }, { ignorePortInHostMatching }).virtualHost;
}

describe('virtual host precedence (RouteMatcher::findVirtualHost)', () => {
  const hosts = {
    exact: ['api.example.com'],
    suffix: ['*.example.com'],
    prefix: ['api.example.*'],
    any: ['*'],
  };

  it.each([
    ['api.example.com', 'exact'],
    ['www.example.com', 'suffix'],
    ['api.example.org', 'prefix'],
    ['other.net', 'any'],
  ])('%s → %s', (authority, expected) => {
    expect(hostFor(hosts, authority)).toBe(expected);
  });

  it('a suffix wildcard beats a longer prefix wildcard', () => {
    expect(hostFor({ prefix: ['api.example.co*'], suffix: ['*.com'] }, 'api.example.com')).toBe('suffix');
  });

  it('the longest suffix wildcard wins, whatever the config order', () => {
    const hosts = { short: ['*.baz.com'], long: ['*-bar.baz.com'] };
    expect(hostFor(hosts, 'foo-bar.baz.com')).toBe('long');
    expect(hostFor(hosts, 'foo.baz.com')).toBe('short');
  });

  it('the longest prefix wildcard wins', () => {
    const hosts = { short: ['foo.*'], long: ['foo.bar.*'] };
    expect(hostFor(hosts, 'foo.bar.com')).toBe('long');
    expect(hostFor(hosts, 'foo.baz.com')).toBe('short');
  });

  it('"*" in a wildcard stands for at least one character', () => {
    const hosts = { suffix: ['*.foo.com'], prefix: ['foo.*'] };
    expect(hostFor(hosts, '.foo.com')).toBeNull();
    expect(hostFor(hosts, 'a.foo.com')).toBe('suffix');
    expect(hostFor(hosts, 'foo.')).toBeNull();
    expect(hostFor(hosts, 'foo.x')).toBe('prefix');
    expect(hostFor({ long: ['*-bar.baz.com'], short: ['*.baz.com'] }, '-bar.baz.com')).toBe('short');
  });

  it('domains and authorities are compared lower-cased, ASCII only', () => {
    expect(hostFor({ mixed: ['WWW.Example.COM'] }, 'www.example.com')).toBe('mixed');
    expect(hostFor({ lower: ['www.example.com'] }, 'WWW.EXAMPLE.COM')).toBe('lower');
    expect(hostFor({ wild: ['*.Example.com'] }, 'A.EXAMPLE.COM')).toBe('wild');
    // The Kelvin sign lower-cases to "k" in Unicode, not in absl::AsciiStrToLower.
    expect(hostFor({ k: ['k.com'] }, '\u212A.com')).toBeNull();
  });

  it('the port is part of the host: host:8080 is not host', () => {
    expect(hostFor({ plain: ['example.com'] }, 'example.com:8080')).toBeNull();
    expect(hostFor({ plain: ['example.com'], ported: ['example.com:8080'] }, 'example.com:8080')).toBe('ported');
    expect(hostFor({ plain: ['example.com'], ported: ['example.com:8080'] }, 'example.com')).toBe('plain');
    // A suffix wildcard meets the port at the end; a prefix wildcard does not care.
    expect(hostFor({ suffix: ['*.example.com'] }, 'a.example.com:8080')).toBeNull();
    expect(hostFor({ prefix: ['example.*'] }, 'example.com:8080')).toBe('prefix');
  });

  it('ignorePortInHostMatching drops the port (IPv6 literals keep their colons)', () => {
    expect(hostFor({ plain: ['example.com'] }, 'example.com:8080', true)).toBe('plain');
    expect(hostFor({ v6: ['[::1]'] }, '[::1]:8080', true)).toBe('v6');
    expect(hostFor({ v6: ['[::1]'] }, '[::1]', true)).toBe('v6');
    expect(matchingHost('[fe80::1]', true)).toBe('[fe80::1]');
  });

  it('says which domain matched and how', () => {
    const design = testDesign([{ name: 'web', domains: ['www.example.com', '*.example.com', 'example.*', '*'], rules: [rule()] }]);
    const kind = (authority: string) => matchRequest(design, { authority, path: '/' }).domainMatch;
    expect(kind('WWW.example.com')).toEqual({ domain: 'www.example.com', kind: 'exact' });
    expect(kind('a.example.com')).toEqual({ domain: '*.example.com', kind: 'suffix' });
    expect(kind('example.org')).toEqual({ domain: 'example.*', kind: 'prefix' });
    expect(kind('other')).toEqual({ domain: '*', kind: 'wildcard' });
  });

  it('no matching virtual host: 404 with the reason', () => {
    const result = matchRequest(testDesign([{ name: 'api', domains: ['api.example.com'], rules: [rule()] }]), { authority: 'www.example.com', path: '/' });
    expect(result.outcome).toEqual({ kind: 'no-route', status: 404, reason: 'no virtual host of listener main has a domain matching "www.example.com"' });
    expect(result.virtualHostId).toBeNull();
    expect(result.trace).toEqual([]);
  });

  it('a lone "*" virtual host takes every request, even without an authority', () => {
    const design = testDesign([{ name: 'all', domains: ['*'], rules: [rule()] }]);
    expect(matchRequest(design, { authority: '', path: '/' }).virtualHost).toBe('all');
  });

  it('notes when the port alone keeps a domain from matching', () => {
    const design = testDesign([{ name: 'api', domains: ['api.example.com'], rules: [rule()] }, { name: 'web', domains: ['*'], rules: [rule()] }]);
    const result = matchRequest(design, { authority: 'api.example.com:10000', path: '/' });
    expect(result.virtualHost).toBe('web');
    expect(result.notes).toContainEqual(expect.stringContaining('without the port, api.example.com (api) would match'));
  });

  it('duplicate domains (refused by Envoy): the first virtual host keeps the domain, and a note says so', () => {
    const design = testDesign([{ name: 'one', domains: ['x.com'], rules: [rule()] }, { name: 'two', domains: ['X.COM'], rules: [rule()] }]);
    const result = matchRequest(design, { authority: 'x.com', path: '/' });
    expect(result.virtualHost).toBe('one');
    expect(result.notes).toContainEqual(expect.stringContaining('duplicate domains (X.COM)'));
  });
});

describe('domainTable', () => {
  it('orders wildcards longest first and keeps the first of duplicates', () => {
    const table = domainTable([['*.a.com', 'b.*'], ['*.long.a.com', '*', 'b.c.*'], ['*.A.COM', '*']]);
    expect(table.suffixes.map(([length]) => length)).toEqual([11, 6]);
    expect(table.prefixes.map(([length]) => length)).toEqual([4, 2]);
    expect(table.duplicates).toEqual(['*.A.COM', '*']);
    expect(findVirtualHost(table, 'x.long.a.com')).toEqual({ index: 1, domain: '*.long.a.com', kind: 'suffix' });
    expect(findVirtualHost(table, 'x.a.com')).toEqual({ index: 0, domain: '*.a.com', kind: 'suffix' });
    expect(findVirtualHost(table, 'b.c.d')).toEqual({ index: 1, domain: 'b.c.*', kind: 'prefix' });
    expect(findVirtualHost(table, 'zzz')).toEqual({ index: 1, domain: '*', kind: 'wildcard' });
  });
});
