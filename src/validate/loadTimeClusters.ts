// Cluster checks Envoy makes when the cluster manager loads static clusters
// (source/common/upstream), with Envoy's messages.
import { error, field, type Finding } from './findings.ts';
import { listAt, objectAt, staticClusters, stringAt, type At } from './configWalk.ts';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]+$/;

/** What inet_pton accepts: dotted-quad IPv4 or an IPv6 literal (without brackets). */
export function isIpLiteral(address: string): boolean {
  if (IPV4.test(address)) return true;
  if (!address.includes(':') || !IPV6.test(address)) return false;
  // The WHATWG URL parser implements the IPv6 grammar; it is pure and in every runtime we target.
  try {
    new URL(`http://[${address}]/`);
    return true;
  } catch {
    return false;
  }
}

/** Names of the static clusters, which routes may refer to. */
export function clusterNames(config: unknown): Set<string> {
  return new Set(staticClusters(config).flatMap((c) => stringAt(c.value, 'name') ?? []));
}

function endpointsOf(cluster: At): { locality: At; endpoints: At[] }[] {
  const assignment = objectAt(cluster, 'load_assignment');
  if (!assignment) return [];
  return listAt(assignment, 'endpoints').map((locality) => ({ locality, endpoints: listAt(locality, 'lb_endpoints') }));
}

/** The discovery type, or null for a custom cluster_type (its extension decides). */
function discoveryType(cluster: At): string | null {
  if (cluster.value.cluster_type) return null;
  // STATIC is the proto default (enum value 0).
  const type = cluster.value.type ?? 'STATIC';
  return type === 0 ? 'STATIC' : String(type);
}

function staticAddressFindings(cluster: At): Finding[] {
  const out: Finding[] = [];
  for (const { endpoints } of endpointsOf(cluster)) {
    for (const lbEndpoint of endpoints) {
      const socket = objectAt(lbEndpoint, 'endpoint');
      const address = socket && objectAt(socket, 'address');
      const socketAddress = address && objectAt(address, 'socket_address');
      if (!socketAddress) continue;
      const host = stringAt(socketAddress.value, 'address') ?? '';
      // A custom resolver may turn names into addresses; only the default one needs literals.
      if (socketAddress.value.resolver_name || isIpLiteral(host)) continue;
      out.push(
        error(
          'envoy.static-endpoint-address',
          `malformed IP address: ${host}. Consider setting resolver_name or setting cluster type to 'STRICT_DNS' or 'LOGICAL_DNS'`,
          field(socketAddress.path, 'address'),
        ),
      );
    }
  }
  return out;
}

function logicalDnsFindings(cluster: At): Finding[] {
  const localities = endpointsOf(cluster);
  if (localities.length === 1 && localities[0].endpoints.length === 1) return [];
  const at = objectAt(cluster, 'load_assignment')?.path ?? cluster.path;
  return [error('envoy.logical-dns-endpoints', 'LOGICAL_DNS clusters must have a single locality_lb_endpoint and a single lb_endpoint', at)];
}

export function clusterFindings(config: unknown): Finding[] {
  const out: Finding[] = [];
  const names = new Set<string>();
  for (const cluster of staticClusters(config)) {
    const name = stringAt(cluster.value, 'name') ?? '';
    if (names.has(name)) out.push(error('envoy.duplicate-cluster', `cluster manager: duplicate cluster '${name}'`, field(cluster.path, 'name')));
    names.add(name);
    const type = discoveryType(cluster);
    if (type === 'STATIC') out.push(...staticAddressFindings(cluster));
    if (type === 'LOGICAL_DNS') out.push(...logicalDnsFindings(cluster));
  }
  return out;
}
