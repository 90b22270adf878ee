// Virtual host selection, as RouteMatcher::findVirtualHost (source/common/router/config_impl.cc):
// the host lower-cased (ASCII), then an exact domain, then suffix wildcards ("*.foo.com") longest
// first, then prefix wildcards ("foo.*") longest first, then "*". A wildcard's "*" stands for at
// least one character. Ports are part of the host unless ignore_port_in_host_matching.
import type { DomainKind } from './types';
import { asciiLower } from './strings';
import { portStart } from './request';

export type DomainTable = {
  exact: Map<string, number>;
  /** By length of the fixed part, longest first: [length, fixed part → virtual host index]. */
  suffixes: [number, Map<string, number>][];
  prefixes: [number, Map<string, number>][];
  wildcard: number | null;
  /** Domains as written, by fixed part, to report the one that matched. */
  written: Map<string, string>;
  /** Duplicates Envoy refuses at load time ("Only unique values for domains are permitted"). */
  duplicates: string[];
};

export type DomainMatch = { index: number; domain: string; kind: DomainKind };

/** Builds the lookup table from each virtual host's domains, in config order (the first wins a tie). */
export function domainTable(domainsByHost: string[][]): DomainTable {
  const table: DomainTable = { exact: new Map(), suffixes: [], prefixes: [], wildcard: null, written: new Map(), duplicates: [] };
  const suffixes = new Map<number, Map<string, number>>();
  const prefixes = new Map<number, Map<string, number>>();
  const add = (map: Map<string, number>, key: string, index: number, written: string, tag: string) => {
    if (map.has(key)) {
      table.duplicates.push(written);
      return;
    }
    map.set(key, index);
    table.written.set(`${tag}${key}`, written);
  };
  domainsByHost.forEach((domains, index) => {
    for (const written of domains) {
      const domain = asciiLower(written);
      if (domain === '*') {
        if (table.wildcard === null) table.wildcard = index;
        else table.duplicates.push(written);
      } else if (domain.startsWith('*')) {
        const fixed = domain.slice(1);
        if (!suffixes.has(fixed.length)) suffixes.set(fixed.length, new Map());
        add(suffixes.get(fixed.length)!, fixed, index, written, 's:');
      } else if (domain.endsWith('*')) {
        const fixed = domain.slice(0, -1);
        if (!prefixes.has(fixed.length)) prefixes.set(fixed.length, new Map());
        add(prefixes.get(fixed.length)!, fixed, index, written, 'p:');
      } else {
        add(table.exact, domain, index, written, 'e:');
      }
    }
  });
  const longestFirst = (m: Map<number, Map<string, number>>) => [...m.entries()].sort((a, b) => b[0] - a[0]);
  table.suffixes = longestFirst(suffixes);
  table.prefixes = longestFirst(prefixes);
  return table;
}

/** The host used for matching: lower-cased, without the port when `ignorePort`. */
export function matchingHost(host: string, ignorePort: boolean): string {
  const at = ignorePort ? portStart(host) : -1;
  return asciiLower(at >= 0 ? host.slice(0, at) : host);
}

export function findVirtualHost(table: DomainTable, host: string): DomainMatch | null {
  const exact = table.exact.get(host);
  if (exact !== undefined) return { index: exact, domain: table.written.get(`e:${host}`) ?? host, kind: 'exact' };
  // ">=" as in Envoy: "*.foo.com" (fixed part ".foo.com") does not match ".foo.com".
  for (const [length, map] of table.suffixes) {
    if (length >= host.length) continue;
    const key = host.slice(host.length - length);
    const index = map.get(key);
    if (index !== undefined) return { index, domain: table.written.get(`s:${key}`) ?? `*${key}`, kind: 'suffix' };
  }
  for (const [length, map] of table.prefixes) {
    if (length >= host.length) continue;
    const key = host.slice(0, length);
    const index = map.get(key);
    if (index !== undefined) return { index, domain: table.written.get(`p:${key}`) ?? `${key}*`, kind: 'prefix' };
  }
  return table.wildcard === null ? null : { index: table.wildcard, domain: '*', kind: 'wildcard' };
}
