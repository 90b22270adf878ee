import { describe, expect, it } from 'vitest';
import { envoyPathOf } from '../generate/envoy/paths.ts';
import { connect } from '../model/connections.ts';
import { edgeId } from '../model/edgeIds.ts';
import { addCluster, addRoute, removeElement, reorderRule, updateDeployment, updateListener, updateRoute } from '../model/operations.ts';
import type { Design } from '../model/schema.ts';
import { TEMPLATES, templateByName } from '../model/templates.ts';
import { elementIndex, formatPath } from './elementIndex.ts';
import { loadEnvoyRegistry } from './envoySchema.node.ts';
import { validateDesign, type Finding } from './index.ts';

const registry = loadEnvoyRegistry();
const template = (name: string) => templateByName(name)!.build();
const ofRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const VHOSTS = (listener: number) => `static_resources.listeners[${listener}].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts`;

describe('validateDesign on the templates', () => {
  it.each(TEMPLATES.map((t) => [t.name]))('%s has no errors and no warnings', (name) => {
    expect(validateDesign(template(name), registry)).toEqual([]);
  });
});

describe('validateDesign findings, mapped to elements', () => {
  it('a deleted cluster: Envoy’s unknown cluster on each rule that used it, reported once', () => {
    const design = removeElement(template('front-proxy'), 'cluster-2');
    const findings = validateDesign(design, registry);
    expect(ofRule(findings, 'envoy.unknown-cluster')).toEqual([
      { severity: 'error', rule: 'envoy.unknown-cluster', message: "route: unknown cluster 'cluster-2'", path: `${VHOSTS(0)}[0].routes[0].route.cluster`, elementId: 'rule-1' },
      { severity: 'error', rule: 'envoy.unknown-cluster', message: "route: unknown cluster 'cluster-2'", path: `${VHOSTS(0)}[1].routes[0].route.cluster`, elementId: 'rule-2' },
    ]);
    // The design's own dangling-reference problem is not repeated for rules: Envoy's wording covers it.
    expect(ofRule(findings, 'design.removed-reference')).toEqual([]);
  });

  it('a deleted cluster behind a TCP listener is a design problem (Envoy only finds out per connection)', () => {
    const design = removeElement(template('tcp-proxy'), 'cluster-1');
    expect(ofRule(validateDesign(design, registry), 'design.removed-reference')).toEqual([
      expect.objectContaining({ severity: 'error', elementId: 'listener-1', message: 'proxies to cluster cluster-1, which was removed' }),
    ]);
  });

  it('a duplicate domain, on the second route that claims it', () => {
    const design = updateRoute(template('front-proxy'), 'route-2', { domains: ['API.example.com'] });
    expect(validateDesign(design, registry)).toEqual([
      {
        severity: 'error',
        rule: 'envoy.duplicate-domain',
        message: 'Only unique values for domains are permitted. Duplicate entry of domain api.example.com in route front_routes',
        path: `${VHOSTS(0)}[1].domains[0]`,
        elementId: 'route-2',
        // The clash comes from serving both routes on one listener: that connection is flagged too.
        edgeId: edgeId('listener-1', 'route-2'),
      },
    ]);
  });

  it('a second wildcard domain, on the route that adds it', () => {
    const design = updateRoute(template('front-proxy'), 'route-1', { domains: ['*'] });
    expect(validateDesign(design, registry)).toEqual([
      expect.objectContaining({ rule: 'envoy.multiple-wildcard-domains', path: `${VHOSTS(0)}[1].domains[0]`, elementId: 'route-2' }),
    ]);
  });

  it('a shadowed rule: "/" moved above "/api/"', () => {
    const design = reorderRule(template('front-proxy'), 'route-2', 1, 0);
    const findings = validateDesign(design, registry);
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'design.shadowed-rule', elementId: 'rule-2', path: `${VHOSTS(0)}[1].routes[1]` })]);
    expect(findings[0].message).toContain('never matches');
  });

  it('a route served by two listeners: findings in both copies map to the same rule', () => {
    const connected = connect(template('tls-edge'), 'listener-1', 'route-2');
    if (!connected.ok) throw new Error(connected.reason);
    const design = removeElement(connected.design, 'cluster-1');
    const unknown = ofRule(validateDesign(design, registry), 'envoy.unknown-cluster');
    expect(unknown.map((f) => [f.path, f.elementId])).toEqual([
      [`${VHOSTS(0)}[1].routes[0].route.cluster`, 'rule-2'],
      [`${VHOSTS(1)}[0].routes[0].route.cluster`, 'rule-2'],
    ]);
  });

  it('an unused cluster and an unserved route, as warnings on those elements', () => {
    const withCluster = addCluster(template('sidecar'));
    const withRoute = addRoute(withCluster.design);
    const findings = validateDesign(withRoute.design, registry);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'design.unused-cluster', elementId: withCluster.id, path: 'static_resources.clusters[1]' }),
      expect.objectContaining({ severity: 'warning', rule: 'design.unserved-route', elementId: withRoute.id, path: 'design.json: routes[1]' }),
    ]);
  });

  it('an unconnected rule fails Envoy’s constraint on the route cluster, on that rule', () => {
    const design = addRoute(template('sidecar'));
    const served = updateListener(design.design, 'listener-1', { routeIds: ['route-1', design.id] });
    const withDomain = updateRoute(served, design.id, { domains: ['other.example.com'] });
    expect(validateDesign(withDomain, registry)).toEqual([
      expect.objectContaining({ rule: 'schema.constraint', path: `${VHOSTS(0)}[1].routes[0].route.cluster`, elementId: 'rule-2' }),
    ]);
  });
});

describe('deployment checks', () => {
  const sidecar = template('sidecar');

  it('a listener on the app’s port clashes in the Pod (error) and is privileged (warning)', () => {
    const design = updateListener(sidecar, 'listener-1', { port: 80 });
    const findings = validateDesign(design, registry);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'deployment.port-clash', path: 'pod.yaml: spec.containers[1].ports[0]', elementId: 'listener-1' }),
      expect.objectContaining({ severity: 'warning', rule: 'deployment.privileged-port', path: 'static_resources.listeners[0].address.socket_address.port_value', elementId: 'listener-1' }),
    ]);
    expect(findings[1].message).toContain('ENVOY_UID=0');
  });

  it('a listener and the admin bound to 127.0.0.1 are warnings', () => {
    const local = updateListener(sidecar, 'listener-1', { address: '127.0.0.1' });
    const design = updateDeployment(local, { admin: { address: '127.0.0.1', port: 9901 } });
    expect(validateDesign(design, registry)).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'deployment.loopback-listener', elementId: 'listener-1', path: 'static_resources.listeners[0].address.socket_address.address' }),
      expect.objectContaining({ severity: 'warning', rule: 'deployment.admin-loopback', elementId: null, path: 'admin.address.socket_address.address' }),
    ]);
  });

  it('Kubernetes objects the API server would refuse are errors with the file path', () => {
    // Bypasses the design schema (as a hand-edited document reaching validateDesign could).
    const design: Design = updateDeployment(sidecar, { app: { name: 'Nginx_App', image: 'nginx:1.27', port: 80 } });
    const findings = ofRule(validateDesign(design, registry), 'kubernetes.invalid');
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'error', path: 'pod.yaml: spec.containers[0].name', elementId: null }));
  });
});

describe('elementIndex', () => {
  it('gives envoyPathOf’s path first for every element', () => {
    for (const t of TEMPLATES) {
      const design = t.build();
      const index = elementIndex(design);
      const ids = [...design.listeners, ...design.clusters, ...design.routes, ...design.routes.flatMap((r) => r.rules)].map((e) => e.id);
      for (const id of ids) {
        const path = envoyPathOf(design, id);
        expect(index.pathsOf(id)[0]).toBe(path ? formatPath(path) : undefined);
      }
    }
  });

  it('follows each listener’s own kept filter chains and filters before the connection manager', () => {
    const connected = connect(template('tls-edge'), 'listener-2', 'route-1');
    if (!connected.ok) throw new Error(connected.reason);
    const kept = { filtersBefore: [{ name: 'rbac', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.network.rbac.v3.RBAC', stat_prefix: 'r' } }] };
    const design = updateListener(connected.design, 'listener-2', { kept });
    const index = elementIndex(design);
    expect(index.pathsOf('rule-1')).toEqual([
      `${VHOSTS(0)}[0].routes[0]`,
      'static_resources.listeners[1].filter_chains[0].filters[1].typed_config.route_config.virtual_hosts[1].routes[0]',
    ]);
    // Both routes claim "*" on the https listener: found in the shifted copy, mapped to route-1.
    expect(validateDesign(design, registry)).toEqual([
      expect.objectContaining({
        rule: 'envoy.multiple-wildcard-domains',
        path: 'static_resources.listeners[1].filter_chains[0].filters[1].typed_config.route_config.virtual_hosts[1].domains[0]',
        elementId: 'route-1',
      }),
    ]);
  });

  it('maps a path to the element with the longest prefix, through map keys with dots', () => {
    const index = elementIndex(template('tls-edge'));
    expect(index.elementAt(`${VHOSTS(1)}[0].routes[0].route.cluster`)).toBe('rule-2');
    expect(index.elementAt(`${VHOSTS(1)}[0].domains[0]`)).toBe('route-2');
    expect(index.elementAt('static_resources.listeners[1].address')).toBe('listener-2');
    expect(index.elementAt('static_resources.clusters[0].typed_extension_protocol_options[envoy.extensions.upstreams.http.v3.HttpProtocolOptions].explicit_http_config')).toBe('cluster-1');
    expect(index.elementAt('admin.address')).toBeNull();
    expect(index.elementAt('pod.yaml: spec')).toBeNull();
  });

  it('maps the config a connection puts there to its edge: weighted entries, a TCP cluster, served domains', () => {
    const canary = elementIndex(template('canary'));
    const rule = `${VHOSTS(0)}[0].routes[0].route.weighted_clusters`;
    expect(canary.edgeAt(`${rule}.clusters[1].weight`)).toBe(edgeId('rule-1', 'cluster-2'));
    expect(canary.edgeAt(`${rule}.clusters[0]`)).toBe(edgeId('rule-1', 'cluster-1'));
    expect(canary.edgeAt(`${VHOSTS(0)}[0].domains[0]`)).toBe(edgeId('listener-1', 'route-1'));
    expect(canary.edgeAt(`${rule}.total_weight`)).toBeNull(); // the split as a whole is the rule's
    expect(canary.edgeAt(`${VHOSTS(0)}[0].routes[0].match`)).toBeNull();
    const tcp = elementIndex(template('tcp-proxy'));
    expect(tcp.edgeAt('static_resources.listeners[0].filter_chains[0].filters[0].typed_config.cluster')).toBe(edgeId('listener-1', 'cluster-1'));
  });
});
