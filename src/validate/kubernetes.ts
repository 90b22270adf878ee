// Kubernetes objects checked as the API server would: the OpenAPI schema (kubernetes-models) plus
// the server-side rules that schema does not carry (names, port ranges, selectors, references).
import { ConfigMap, Pod } from 'kubernetes-models/v1';
import { DaemonSet } from 'kubernetes-models/apps/v1';
import type { Container, PodSpec } from 'kubernetes-types/core/v1';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

type KubeObject = { apiVersion?: string; kind?: string; metadata?: { name?: string; labels?: Record<string, string> }; [key: string]: unknown };

/** Every reason the API server would refuse `object`, each prefixed with its path. Empty when valid. */
export function kubernetesErrors(object: KubeObject): string[] {
  const errors = [...schemaErrors(object), ...metadataErrors(object)];
  if (object.kind === 'Pod') errors.push(...podSpecErrors(object.spec as PodSpec, 'spec'));
  if (object.kind === 'DaemonSet') errors.push(...daemonSetErrors(object));
  return errors;
}

function schemaErrors(object: KubeObject): string[] {
  const model = { ConfigMap, Pod, DaemonSet }[object.kind as 'Pod'];
  if (!model) return [`kind: ${String(object.kind)} is not a kind this check knows`];
  try {
    new model(object as never).validate();
    return [];
  } catch (error) {
    return [`schema: ${(error as Error).message}`];
  }
}

function dnsSubdomain(value: string | undefined, path: string): string[] {
  if (!value) return [`${path}: required`];
  if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) return [`${path}: "${value}" is not a DNS-1123 subdomain`];
  return [];
}

function dnsLabel(value: string | undefined, path: string): string[] {
  if (!value) return [`${path}: required`];
  if (value.length > 63 || !DNS_LABEL.test(value)) return [`${path}: "${value}" is not a DNS-1123 label`];
  return [];
}

function labelErrors(labels: Record<string, string> | undefined, path: string): string[] {
  return Object.entries(labels ?? {}).flatMap(([key, value]) => {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : '';
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const errors: string[] = [];
    if ((prefix && dnsSubdomain(prefix, '').length > 0) || name.length > 63 || !LABEL_NAME.test(name)) {
      errors.push(`${path}["${key}"]: not a valid label key`);
    }
    if (value.length > 63 || !LABEL_VALUE.test(value)) errors.push(`${path}["${key}"]: "${value}" is not a valid label value`);
    return errors;
  });
}

function metadataErrors(object: KubeObject): string[] {
  return [...dnsSubdomain(object.metadata?.name, 'metadata.name'), ...labelErrors(object.metadata?.labels, 'metadata.labels')];
}

/** IANA_SVC_NAME: at most 15 characters, a-z0-9 and "-", a letter somewhere, no "--" or edge "-". */
function portNameErrors(name: string, path: string): string[] {
  const ok = name.length <= 15 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && /[a-z]/.test(name) && !name.includes('--');
  return ok ? [] : [`${path}: "${name}" is not a valid port name (IANA_SVC_NAME)`];
}

function containerErrors(container: Container, path: string, volumes: Set<string>): string[] {
  const errors = dnsLabel(container.name, `${path}.name`);
  const portNames = new Set<string>();
  (container.ports ?? []).forEach((port, i) => {
    const at = `${path}.ports[${i}]`;
    if (!(port.containerPort >= 1 && port.containerPort <= 65535)) errors.push(`${at}.containerPort: must be between 1 and 65535`);
    if (port.hostPort !== undefined && !(port.hostPort >= 1 && port.hostPort <= 65535)) errors.push(`${at}.hostPort: must be between 1 and 65535`);
    if (port.name) {
      errors.push(...portNameErrors(port.name, `${at}.name`));
      if (portNames.has(port.name)) errors.push(`${at}.name: duplicate port name "${port.name}"`);
      portNames.add(port.name);
    }
  });
  (container.volumeMounts ?? []).forEach((mount, i) => {
    if (!volumes.has(mount.name)) errors.push(`${path}.volumeMounts[${i}].name: no volume named "${mount.name}"`);
  });
  const probePort = container.readinessProbe?.httpGet?.port;
  if (typeof probePort === 'number' && !(probePort >= 1 && probePort <= 65535)) errors.push(`${path}.readinessProbe.httpGet.port: must be between 1 and 65535`);
  return errors;
}

function podSpecErrors(spec: PodSpec | undefined, path: string): string[] {
  if (!spec) return [`${path}: required`];
  const volumeNames = new Set<string>();
  const errors: string[] = [];
  (spec.volumes ?? []).forEach((volume, i) => {
    errors.push(...dnsLabel(volume.name, `${path}.volumes[${i}].name`));
    if (volumeNames.has(volume.name)) errors.push(`${path}.volumes[${i}].name: duplicate volume "${volume.name}"`);
    volumeNames.add(volume.name);
  });
  const containerNames = new Set<string>();
  spec.containers.forEach((container, i) => {
    if (containerNames.has(container.name)) errors.push(`${path}.containers[${i}].name: duplicate container "${container.name}"`);
    containerNames.add(container.name);
    errors.push(...containerErrors(container, `${path}.containers[${i}]`, volumeNames));
  });
  return errors;
}

function daemonSetErrors(object: KubeObject): string[] {
  const spec = object.spec as { selector?: { matchLabels?: Record<string, string> }; template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec } };
  const selector = spec?.selector?.matchLabels ?? {};
  const templateLabels = spec?.template?.metadata?.labels ?? {};
  const errors = podSpecErrors(spec?.template?.spec, 'spec.template.spec');
  errors.push(...labelErrors(templateLabels, 'spec.template.metadata.labels'));
  if (Object.keys(selector).length === 0) errors.push('spec.selector: must not be empty');
  for (const [key, value] of Object.entries(selector)) {
    if (templateLabels[key] !== value) errors.push(`spec.template.metadata.labels: selector ${key}=${value} does not match the template`);
  }
  return errors;
}
