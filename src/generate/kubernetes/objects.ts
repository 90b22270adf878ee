// Kubernetes objects that run the generated Envoy config: ConfigMap, sidecar Pod, DaemonSet,
// and the kustomization that applies them.
import type { ConfigMap, Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { Design } from '../../model/schema';
import { CONFIG_FILE, envoyContainer, envoyVolumes } from './envoyContainer';

/** Annotation whose value changes with the config, so a changed ConfigMap rolls the pods. */
export const CHECKSUM_ANNOTATION = 'envoy-route-designer/config-sha256';

function labels(design: Design, component: 'sidecar' | 'proxy' | 'config'): Record<string, string> {
  return {
    ...design.deployment.labels,
    'app.kubernetes.io/name': design.deployment.name,
    // Distinct components keep the DaemonSet's selector from adopting the standalone Pod.
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/managed-by': 'envoy-route-designer',
  };
}

function metadata(design: Design, name: string, component: 'sidecar' | 'proxy' | 'config'): ObjectMeta {
  return { name, namespace: design.deployment.namespace, labels: labels(design, component) };
}

export function buildConfigMap(design: Design, envoyConfigText: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(design, design.deployment.configMapName, 'config'),
    data: { [CONFIG_FILE]: envoyConfigText },
  };
}

export function buildPod(design: Design, configChecksum: string): Pod {
  const { app } = design.deployment;
  const spec: PodSpec = {
    containers: [
      ...(app ? [{ name: app.name, image: app.image, ports: [{ name: 'app', containerPort: app.port, protocol: 'TCP' }] }] : []),
      envoyContainer(design, { hostPorts: false }),
    ],
    volumes: envoyVolumes(design),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...metadata(design, design.deployment.name, 'sidecar'), annotations: { [CHECKSUM_ANNOTATION]: configChecksum } },
    spec,
  };
}

export function buildDaemonSet(design: Design, configChecksum: string): DaemonSet {
  const podLabels = labels(design, 'proxy');
  const selector = {
    'app.kubernetes.io/name': podLabels['app.kubernetes.io/name'],
    'app.kubernetes.io/component': podLabels['app.kubernetes.io/component'],
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: metadata(design, design.deployment.name, 'proxy'),
    spec: {
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: podLabels, annotations: { [CHECKSUM_ANNOTATION]: configChecksum } },
        spec: {
          containers: [envoyContainer(design, { hostPorts: design.deployment.hostPorts })],
          volumes: envoyVolumes(design),
        },
      },
    },
  };
}

export function buildKustomization(design: Design): Record<string, unknown> {
  const { workloads } = design.deployment;
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: design.deployment.namespace,
    resources: ['configmap.yaml', ...(workloads.pod ? ['pod.yaml'] : []), ...(workloads.daemonSet ? ['daemonset.yaml'] : [])],
  };
}
