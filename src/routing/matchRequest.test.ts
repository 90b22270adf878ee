import { describe, expect, it } from 'vitest';
import { templateByName } from '../model/templates';
import { clusterOf, rule, testDesign } from './design.testkit';
import { matchRequest } from './matchRequest';
import type { TestRequest } from './types';

const template = (name: string) => templateByName(name)!.build();
const get = (authority: string, path: string, extra: Partial<TestRequest> = {}): TestRequest => ({ authority, path, ...extra });

describe('templates', () => {
  it('sidecar: every request goes to the app', () => {
    const design = template('sidecar');
    for (const request of [get('nginx', '/'), get('10.0.0.7:10000', '/index.html?x=1'), get('anything', '/a/b', { method: 'POST' })]) {
      const result = matchRequest(design, request);
      expect([result.virtualHost, result.route, clusterOf(result)]).toEqual(['service', '1', 'service']);
    }
  });

  it('front-proxy: by host, then by path', () => {
    const design = template('front-proxy');
    const at = (request: TestRequest) => {
      const r = matchRequest(design, request);
      return [r.virtualHost, r.route, clusterOf(r)];
    };
    expect(at(get('api.example.com', '/users'))).toEqual(['api', '1', 'api']);
    expect(at(get('API.Example.com', '/'))).toEqual(['api', '1', 'api']);
    expect(at(get('www.example.com', '/api/v1'))).toEqual(['web', '1', 'api']);
    expect(at(get('www.example.com', '/api'))).toEqual(['web', '2', 'web']);
    expect(at(get('www.example.com', '/'))).toEqual(['web', '2', 'web']);
  });

  it('front-proxy: the listener port in the authority keeps api.example.com from matching (Envoy keeps ports)', () => {
    const result = matchRequest(template('front-proxy'), get('api.example.com:8080', '/users'));
    expect([result.virtualHost, clusterOf(result)]).toEqual(['web', 'web']);
    expect(result.notes).toEqual([expect.stringContaining('without the port, api.example.com (api) would match')]);
    expect(clusterOf(matchRequest(template('front-proxy'), get('api.example.com:8080', '/users'), { ignorePortInHostMatching: true }))).toBe('api');
  });

  it('canary: 90/10 by random % 100', () => {
    const design = template('canary');
    const pick = (random: number) => clusterOf(matchRequest(design, get('shop.example.com', '/cart'), { random }));
    expect([0, 45, 89, 90, 99, 100, 1089, 1090].map(pick)).toEqual([
      'shop-stable', 'shop-stable', 'shop-stable', 'shop-canary', 'shop-canary', 'shop-stable', 'shop-stable', 'shop-canary',
    ]);
    const shares = matchRequest(design, get('shop.example.com', '/'));
    expect(shares.outcome).toMatchObject({ kind: 'weighted', chosen: null, clusters: [{ cluster: 'shop-stable', share: 0.9 }, { cluster: 'shop-canary', share: 0.1 }] });
  });

  it('tcp-proxy: no HTTP routing', () => {
    expect(matchRequest(template('tcp-proxy'), get('db', '/')).outcome).toEqual({ kind: 'no-route', status: 404, reason: 'the design has no HTTP listener' });
    expect(matchRequest(template('tcp-proxy'), get('db', '/'), { listener: 'postgres' }).outcome).toMatchObject({
      kind: 'no-route',
      reason: 'listener postgres is a TCP proxy: it forwards bytes, HTTP routing does not apply',
    });
  });

  it('tls-edge: plain HTTP is redirected to https with the same host, path and query', () => {
    const design = template('tls-edge');
    expect(matchRequest(design, get('shop.example.com', '/cart?id=7')).outcome).toEqual({ kind: 'redirect', location: 'https://shop.example.com/cart?id=7', status: 301 });
    expect(matchRequest(design, get('shop.example.com:80', '/')).outcome).toEqual({ kind: 'redirect', location: 'https://shop.example.com/', status: 301 });
    // Envoy drops only the default port; through the listener's own port the Location keeps it.
    expect(matchRequest(design, get('shop.example.com:8080', '/')).outcome).toEqual({ kind: 'redirect', location: 'https://shop.example.com:8080/', status: 301 });
  });

  it('tls-edge: HTTPS on the TLS listener reaches the app', () => {
    const result = matchRequest(template('tls-edge'), get('shop.example.com', '/', { scheme: 'https' }), { listener: 'https' });
    expect([result.listener, result.virtualHost, clusterOf(result), result.notes]).toEqual(['https', 'app', 'app', []]);
    expect(matchRequest(template('tls-edge'), get('x', '/'), { listener: 'listener-2' }).notes).toEqual(['listener https terminates TLS: a plain-HTTP request to it fails']);
  });

  it('per-node-proxy: the websocket rule, then the catch-all', () => {
    const design = template('per-node-proxy');
    expect(matchRequest(design, get('node', '/ws/chat', { headers: [['upgrade', 'websocket'], ['connection', 'Upgrade']] })).route).toBe('1');
    expect(matchRequest(design, get('node', '/wss')).route).toBe('1');
    expect(matchRequest(design, get('node', '/api')).route).toBe('2');
  });
});

describe('listeners', () => {
  it('by name or id; unknown ones are reported', () => {
    const design = template('tls-edge');
    expect(matchRequest(design, get('x', '/'), { listener: 'https' }).listenerId).toBe('listener-2');
    expect(matchRequest(design, get('x', '/'), { listener: 'listener-2' }).listener).toBe('https');
    expect(matchRequest(design, get('x', '/'), { listener: 'nope' }).outcome).toEqual({ kind: 'no-route', status: 404, reason: 'no listener named "nope"; the design has http, https' });
  });

  it('notes an authority port no listener listens on, or another listener\'s port', () => {
    const design = template('tls-edge');
    expect(matchRequest(design, get('x:9999', '/')).notes).toContainEqual(expect.stringContaining('no listener listens on port 9999'));
    expect(matchRequest(design, get('x:8443', '/')).notes).toContainEqual(expect.stringContaining('port 8443, where listener https listens; routed with listener http (port 8080)'));
    expect(matchRequest(design, get('x:8080', '/')).notes).toEqual([]);
  });

  it('a listener without routes', () => {
    const design = testDesign([]);
    expect(matchRequest(design, get('x', '/')).outcome).toEqual({ kind: 'no-route', status: 404, reason: 'listener main has no routes' });
  });
});

describe('what the connection manager does first', () => {
  const design = testDesign([{ name: 'api', domains: ['api.example.com'], rules: [rule({ pathKind: 'path', path: '/a/c' })] }]);
  const withHcm = (patch: Record<string, unknown>) => {
    const d = structuredClone(design);
    d.listeners[0].kept = { filter: { typed_config: patch } };
    return d;
  };

  it('strip_any_host_port and strip_matching_host_port (the listener\'s own port only)', () => {
    expect(matchRequest(withHcm({ strip_any_host_port: true }), get('api.example.com:1234', '/a/c')).virtualHost).toBe('api');
    expect(matchRequest(withHcm({ strip_matching_host_port: true }), get('api.example.com:10000', '/a/c')).virtualHost).toBe('api');
    expect(matchRequest(withHcm({ strip_matching_host_port: true }), get('api.example.com:1234', '/a/c')).virtualHost).toBeNull();
  });

  it('ignore_port_in_host_matching on the route config', () => {
    expect(matchRequest(withHcm({ route_config: { ignore_port_in_host_matching: true } }), get('api.example.com:1234', '/a/c')).virtualHost).toBe('api');
  });

  it('normalize_path and merge_slashes', () => {
    expect(matchRequest(design, get('api.example.com', '/a/b/../c')).trace[0].matched).toBe(false);
    expect(matchRequest(withHcm({ normalize_path: true }), get('api.example.com', '/a/b/../c')).trace[0].matched).toBe(true);
    expect(matchRequest(withHcm({ merge_slashes: true }), get('api.example.com', '//a///c')).trace[0].matched).toBe(true);
  });

  it('strip_trailing_host_dot', () => {
    expect(matchRequest(withHcm({ strip_trailing_host_dot: true }), get('api.example.com.', '/a/c')).virtualHost).toBe('api');
    expect(matchRequest(design, get('api.example.com.', '/a/c')).virtualHost).toBeNull();
  });

  it('routes from RDS cannot be seen', () => {
    const result = matchRequest(withHcm({ route_config: null, rds: { $value: { route_config_name: 'r' } } }), get('api.example.com', '/'));
    expect(result.outcome).toMatchObject({ kind: 'no-route', reason: 'listener main takes its routes from RDS; the tester only sees inline routes' });
  });

  it('HTTP filters before the router are noted', () => {
    const router = [{ name: 'envoy.filters.http.router', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router' } }];
    const result = matchRequest(
      withHcm({ http_filters: { $replaceIfEqual: router, with: [{ name: 'envoy.filters.http.lua', typed_config: {} }, ...router] } }),
      get('api.example.com', '/a/c'),
    );
    expect(result.notes).toContainEqual(expect.stringContaining('(envoy.filters.http.lua) may change or answer the request first'));
  });

  it('a fragment is stripped before routing and noted', () => {
    const result = matchRequest(design, get('api.example.com', '/a/c#top'));
    expect(result.trace[0].matched).toBe(true);
    expect(result.notes).toContainEqual(expect.stringContaining('fragment "#top"'));
  });
});
