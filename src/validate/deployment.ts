// Checks of how the generated Kubernetes objects run Envoy: what the API server refuses, and
// ports and addresses that make a Pod that applies cleanly but does not work.
import type { ConfigMap, Pod } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Design, Listener } from '../model/schema.ts';
import { error, warning, type Finding } from './findings.ts';
import { kubernetesErrors } from './kubernetes.ts';

type Container = { name?: string; ports?: { containerPort?: number }[] };
type KubeObject = Parameters<typeof kubernetesErrors>[0];

/** The Kubernetes objects a design generates, as objects: checked without a YAML round trip. */
export type DeploymentObjects = { 'configmap.yaml': ConfigMap; 'pod.yaml': Pod; 'daemonset.yaml': DaemonSet };

// The API server's limit on a ConfigMap's data (etcd stores the object whole).
export const CONFIGMAP_MAX_BYTES = 1024 * 1024;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/i;

const listenerPath = (index: number) => `static_resources.listeners[${index}]`;
const withElement = (f: Finding, elementId: string | null): Finding => ({ ...f, elementId });

/** The files kustomization.yaml applies: the ConfigMap, and the workloads the design asks for. */
function appliedFiles(design: Design): ('configmap.yaml' | 'pod.yaml' | 'daemonset.yaml')[] {
  const { workloads } = design.deployment;
  return ['configmap.yaml', ...(workloads.pod ? (['pod.yaml'] as const) : []), ...(workloads.daemonSet ? (['daemonset.yaml'] as const) : [])];
}

/** kubernetesErrors says `spec.containers[0].name: …` or `schema: …`; findings say `pod.yaml: spec…`. */
function kubernetesFinding(file: string, text: string): Finding {
  const at = text.indexOf(': ');
  const path = at >= 0 ? text.slice(0, at) : '';
  if (path === 'schema' || at < 0) return error('kubernetes.invalid', text, file);
  return error('kubernetes.invalid', text.slice(at + 2), `${file}: ${path}`);
}

function configMapSize(file: string, object: KubeObject): Finding[] {
  const data = (object.data ?? {}) as Record<string, string>;
  const bytes = Object.entries(data).reduce((sum, [key, value]) => sum + new TextEncoder().encode(key + value).length, 0);
  if (bytes <= CONFIGMAP_MAX_BYTES) return [];
  return [
    error(
      'kubernetes.configmap-too-large',
      `ConfigMap "${object.metadata?.name}" is invalid: []: Too long: must have at most ${CONFIGMAP_MAX_BYTES} bytes (its data is ${bytes} bytes): split the design or serve routes over RDS`,
      `${file}: data`,
    ),
  ];
}

function kubernetesFindings(design: Design, objects: DeploymentObjects): Finding[] {
  return appliedFiles(design).flatMap((file) => {
    const object = objects[file] as KubeObject;
    const errors = kubernetesErrors(object).map((text) => kubernetesFinding(file, text));
    return file === 'configmap.yaml' ? [...errors, ...configMapSize(file, object)] : errors;
  });
}

function privilegedPorts(design: Design): Finding[] {
  const out: Finding[] = [];
  const advice = 'the Envoy image drops root before binding, so the generated Pod keeps Envoy running as root (ENVOY_UID=0) to bind it. Use a port of 1024 or more (like 8080) to run Envoy unprivileged.';
  design.listeners.forEach((listener, i) => {
    if (listener.port >= 1024) return;
    out.push(withElement(warning('deployment.privileged-port', `listener '${listener.name}' uses port ${listener.port}, below 1024: ${advice}`, `${listenerPath(i)}.address.socket_address.port_value`), listener.id));
  });
  if (design.deployment.admin.port < 1024) {
    out.push(warning('deployment.privileged-port', `the admin port ${design.deployment.admin.port} is below 1024: ${advice}`, 'admin.address.socket_address.port_value'));
  }
  return out;
}

function loopbackAddresses(design: Design): Finding[] {
  const out: Finding[] = [];
  design.listeners.forEach((listener, i) => {
    if (!LOOPBACK.test(listener.address)) return;
    // Both workloads exist to serve other Pods (or, with host ports, other machines).
    const message = `listener '${listener.name}' is bound to ${listener.address}: only containers in the same Pod can reach it, not other Pods nor a Service. Bind 0.0.0.0 to serve others.`;
    out.push(withElement(warning('deployment.loopback-listener', message, `${listenerPath(i)}.address.socket_address.address`), listener.id));
  });
  const { admin } = design.deployment;
  if (LOOPBACK.test(admin.address)) {
    const message = `admin is bound to ${admin.address}: the kubelet's readiness probe (GET /ready on port ${admin.port}) comes to the Pod's IP and cannot reach it, so the Pod never becomes Ready. Bind 0.0.0.0.`;
    out.push(warning('deployment.admin-loopback', message, 'admin.address.socket_address.address'));
  }
  return out;
}

/** Containers of a Pod share one network namespace: the app and Envoy cannot both bind a port. */
function portClashes(design: Design, pod: Pod): Finding[] {
  const { app, admin } = design.deployment;
  if (!app) return [];
  const containers: Container[] = pod.spec?.containers ?? [];
  const envoyIndex = containers.findIndex((c) => c.name === 'envoy');
  const portIndex = (containers[envoyIndex]?.ports ?? []).findIndex((p) => p.containerPort === app.port);
  const at = envoyIndex >= 0 && portIndex >= 0 ? `pod.yaml: spec.containers[${envoyIndex}].ports[${portIndex}]` : 'pod.yaml: spec.containers';
  const clash = (what: string) =>
    `port ${app.port} is used by both the app container "${app.name}" and Envoy's ${what}: the containers of a Pod share one network namespace, so whichever starts second cannot bind it`;
  const out: Finding[] = design.listeners
    .filter((l: Listener) => l.port === app.port)
    .map((l) => withElement(error('deployment.port-clash', clash(`listener '${l.name}'`), at), l.id));
  if (admin.port === app.port) out.push(error('deployment.port-clash', clash('admin interface'), at));
  return out;
}

/** Every deployment finding of a design, given the Kubernetes objects generated for it. */
export function deploymentFindings(design: Design, objects: DeploymentObjects): Finding[] {
  const clashes = design.deployment.workloads.pod ? portClashes(design, objects['pod.yaml']) : [];
  return [...kubernetesFindings(design, objects), ...privilegedPorts(design), ...loopbackAddresses(design), ...clashes];
}
