import { describe, expect, it } from 'vitest';
import { buildBootstrap } from '../generate/envoy/bootstrap.ts';
import { buildConfigMap, buildDaemonSet, buildPod } from '../generate/kubernetes/objects.ts';
import { removeElement, updateDeployment } from '../model/operations.ts';
import type { Design } from '../model/schema.ts';
import { templateByName } from '../model/templates.ts';
import { deploymentFindings, type DeploymentObjects } from './deployment.ts';
import { designLintFindings } from './designLint.ts';
import { elementIndex } from './elementIndex.ts';

const template = (name: string) => templateByName(name)!.build();

function objectsOf(design: Design): DeploymentObjects {
  const envoyJson = JSON.stringify(buildBootstrap(design));
  return { 'configmap.yaml': buildConfigMap(design, envoyJson), 'pod.yaml': buildPod(design, 'sum'), 'daemonset.yaml': buildDaemonSet(design, 'sum') };
}

describe('deploymentFindings', () => {
  it('refuses a ConfigMap over the API server’s 1 MiB limit', () => {
    const design = template('sidecar');
    const findings = deploymentFindings(design, { ...objectsOf(design), 'configmap.yaml': buildConfigMap(design, 'x'.repeat(1024 * 1024 + 1)) });
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', rule: 'kubernetes.configmap-too-large', path: 'configmap.yaml: data' })]);
    expect(findings[0].message).toMatch(/^ConfigMap "envoy-config" is invalid: \[\]: Too long: must have at most 1048576 bytes/);
  });

  it('checks only the workloads kustomization applies', () => {
    // A DaemonSet-only design: an invalid app container in the (unapplied) Pod is not reported.
    const design: Design = updateDeployment(template('per-node-proxy'), { app: { name: 'Bad_Name', image: 'x', port: 80 } });
    expect(deploymentFindings(design, objectsOf(design))).toEqual([]);
  });
});

describe('designLintFindings', () => {
  it('a TCP listener whose cluster was removed is an error on the listener', () => {
    const design = removeElement(template('tcp-proxy'), 'cluster-1');
    expect(designLintFindings(design, elementIndex(design))).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'design.removed-reference', elementId: 'listener-1', path: 'static_resources.listeners[0]', message: 'proxies to cluster cluster-1, which was removed' }),
    ]);
  });

  it('a listener still naming a removed route only loses that route: a warning', () => {
    const base = template('sidecar');
    const design: Design = { ...base, listeners: [{ ...base.listeners[0], routeIds: ['route-1', 'route-9'] }] };
    expect(designLintFindings(design, elementIndex(design))).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'design.removed-reference', elementId: 'listener-1', message: 'serves route route-9, which was removed' }),
    ]);
  });
});
