import { describe, expect, it } from 'vitest';
import { newCluster, newListener, newRoute } from '../../model/defaults';
import type { Design } from '../../model/schema';
import { defaultDesign } from '../../model/templates';
import { adminPort, appPort, domain, domainClash, freeDomain, labelKey, listenerPort, mountPath, splitWeight, uniqueName } from './designChecks';

function design(): Design {
  const base = defaultDesign();
  return {
    ...base,
    listeners: [
      { ...newListener('l1', 'front'), port: 8080, routeIds: ['r1', 'r2'], tls: { secretName: 'front-tls', mountPath: '/etc/envoy/tls/front' } },
      { ...newListener('l2', 'back'), port: 9000, routeIds: ['r3'] },
    ],
    routes: [newRoute('r1', 'api', ['api.example.com', '*']), newRoute('r2', 'web', ['web.example.com']), newRoute('r3', 'other', ['*'])],
    clusters: [newCluster('c1', 'web'), newCluster('c2', 'api')],
    deployment: { ...base.deployment, admin: { address: '0.0.0.0', port: 9901 }, app: { name: 'nginx', image: 'nginx', port: 80 } },
  };
}

describe('uniqueName', () => {
  it('names the clash among elements of the same kind only', () => {
    const d = design();
    expect(uniqueName(d, 'cluster', 'c1')('api')).toBe('another cluster is already named "api"');
    expect(uniqueName(d, 'cluster', 'c1')('web')).toBeNull();
    expect(uniqueName(d, 'listener', 'l1')('back')).toBe('another listener is already named "back"');
    expect(uniqueName(d, 'route', 'r1')('web')).toBe('another route is already named "web"');
    expect(uniqueName(d, 'route', 'r1')('front')).toBeNull();
  });
});

describe('ports', () => {
  it('keeps listener, admin and app ports apart', () => {
    const d = design();
    expect(listenerPort(d, 'l1')(9000)).toBe('listener "back" already uses port 9000');
    expect(listenerPort(d, 'l1')(9901)).toBe('the admin interface already uses port 9901');
    expect(listenerPort(d, 'l1')(80)).toBe('the app container already uses port 80');
    expect(listenerPort(d, 'l1')(8080)).toBeNull();
    expect(adminPort(d)(8080)).toBe('listener "front" already uses port 8080');
    expect(adminPort(d)(80)).toBe('the app container already uses port 80');
    expect(appPort(d)(9901)).toBe('the admin interface already uses port 9901');
    expect(appPort(d)(3000)).toBeNull();
  });
});

describe('domains', () => {
  it('are non-empty, without spaces and unique within the route', () => {
    const d = design();
    expect(domain(d, 'r1', 0)('')).toBe('a domain must not be empty');
    expect(domain(d, 'r1', 0)('a b')).toBe('must not contain spaces');
    expect(domain(d, 'r1', 0)('*')).toBe('this route already has domain "*"');
    expect(domain(d, 'r1', 1)('*')).toBeNull();
  });

  it('are unique among routes that share a listener', () => {
    const d = design();
    expect(domain(d, 'r1', 0)('web.example.com')).toBe('route "web" also has "web.example.com" and listener "front" serves both');
    expect(domain(d, 'r3', 0)('web.example.com')).toBeNull();
  });

  it('offers a free domain and spots clashes before connecting', () => {
    const d = design();
    expect(freeDomain(d, 'r1')).toBe('host1.example.com');
    expect(domainClash(d, d.listeners[0], d.routes[2])).toBe('domain * is already served by api');
    expect(domainClash(d, d.listeners[1], d.routes[1])).toBeNull();
  });
});

describe('mountPath', () => {
  it('refuses the config directory and a path holding another Secret', () => {
    const d = design();
    expect(mountPath(d, 'l2', 'x')('/etc/envoy/')).toMatch(/Envoy config is mounted/);
    expect(mountPath(d, 'l2', 'back-tls')('/etc/envoy/tls/front')).toBe('listener "front" mounts Secret "front-tls" at this path');
    expect(mountPath(d, 'l2', 'front-tls')('/etc/envoy/tls/front')).toBeNull();
  });
});

describe('labelKey', () => {
  it('refuses duplicates and labels the generator sets', () => {
    expect(labelKey(['team', 'tier'], 1)('team')).toBe('label "team" is already set');
    expect(labelKey(['team', 'tier'], 0)('team')).toBeNull();
    expect(labelKey([], 0)('app.kubernetes.io/name')).toBe('"app.kubernetes.io/name" is set by the generator');
  });
});

describe('splitWeight', () => {
  it('refuses a split whose weights would all be 0', () => {
    const split = [{ clusterId: 'a', weight: 0 }, { clusterId: 'b', weight: 10 }];
    expect(splitWeight(split, 1)(0)).toBe('the weights of a split must not all be 0');
    expect(splitWeight(split, 0)(0)).toBeNull();
    expect(splitWeight(split, 1)(5)).toBeNull();
  });
});
