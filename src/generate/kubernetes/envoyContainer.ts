// The Envoy container and the volumes it needs, shared by the sidecar Pod and the DaemonSet.
import type { Container, ContainerPort, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { Design } from '../../model/schema';

export const CONFIG_DIR = '/etc/envoy';
export const CONFIG_FILE = 'envoy.yaml';
export const CONFIG_PATH = `${CONFIG_DIR}/${CONFIG_FILE}`;
const CONFIG_VOLUME = 'envoy-config';

export function envoyContainer(design: Design, options: { hostPorts: boolean }): Container {
  const { deployment } = design;
  return {
    name: 'envoy',
    image: deployment.envoyImage,
    // No environment variable tells Envoy where its config is; -c does. The image's entrypoint
    // prepends `envoy` when the first argument starts with "-".
    args: ['-c', CONFIG_PATH],
    ...(needsRootForPorts(design) && { env: [{ name: 'ENVOY_UID', value: '0' }] }),
    ports: containerPorts(design, options.hostPorts),
    readinessProbe: { httpGet: { path: '/ready', port: deployment.admin.port }, periodSeconds: 5 },
    ...(resources(design) && { resources: resources(design) }),
    volumeMounts: volumeMounts(design),
  };
}

/**
 * The image starts Envoy as the unprivileged user `envoy`, which cannot bind ports below 1024.
 * ENVOY_UID=0 keeps it root only when the design asks for such a port.
 */
export function needsRootForPorts(design: Design): boolean {
  return design.listeners.some((l) => l.port < 1024) || design.deployment.admin.port < 1024;
}

function containerPorts(design: Design, hostPorts: boolean): ContainerPort[] {
  const seen = new Set<number>();
  const ports: ContainerPort[] = [];
  for (const listener of design.listeners) {
    if (seen.has(listener.port)) continue;
    seen.add(listener.port);
    ports.push({
      // IANA service names: at most 15 characters, lower case; "l" + port is short and unique.
      name: `l${listener.port}`,
      containerPort: listener.port,
      protocol: 'TCP',
      ...(hostPorts && { hostPort: listener.port }),
    });
  }
  if (!seen.has(design.deployment.admin.port)) {
    ports.push({ name: 'admin', containerPort: design.deployment.admin.port, protocol: 'TCP' });
  }
  return ports;
}

function resources(design: Design): Container['resources'] | undefined {
  const r = design.deployment.resources;
  const requests = { ...(r.requestsCpu && { cpu: r.requestsCpu }), ...(r.requestsMemory && { memory: r.requestsMemory }) };
  const limits = { ...(r.limitsCpu && { cpu: r.limitsCpu }), ...(r.limitsMemory && { memory: r.limitsMemory }) };
  const hasRequests = Object.keys(requests).length > 0;
  const hasLimits = Object.keys(limits).length > 0;
  if (!hasRequests && !hasLimits) return undefined;
  return { ...(hasLimits && { limits }), ...(hasRequests && { requests }) };
}

/** TLS Secrets, one volume per distinct secret, named after the listener order for stability. */
function tlsSecrets(design: Design): { volume: string; secretName: string; mountPath: string }[] {
  const seen = new Map<string, { volume: string; secretName: string; mountPath: string }>();
  for (const listener of design.listeners) {
    if (!listener.tls) continue;
    const key = `${listener.tls.secretName}\n${listener.tls.mountPath}`;
    if (!seen.has(key)) {
      seen.set(key, { volume: `tls-${seen.size + 1}`, secretName: listener.tls.secretName, mountPath: listener.tls.mountPath });
    }
  }
  return [...seen.values()];
}

function volumeMounts(design: Design): VolumeMount[] {
  return [
    { name: CONFIG_VOLUME, mountPath: CONFIG_DIR, readOnly: true },
    ...tlsSecrets(design).map((s) => ({ name: s.volume, mountPath: s.mountPath, readOnly: true })),
  ];
}

export function envoyVolumes(design: Design): Volume[] {
  return [
    { name: CONFIG_VOLUME, configMap: { name: design.deployment.configMapName } },
    ...tlsSecrets(design).map((s) => ({ name: s.volume, secret: { secretName: s.secretName } })),
  ];
}
