// Options for a cluster <select>: "none", the design's clusters, and a removed one still referenced.
import type { Design } from '../../model/schema';
import type { Option } from './fields/SelectField';

export function clusterOptions(design: Design, current: string | null, exclude: readonly string[] = []): Option<string>[] {
  const options: Option<string>[] = [{ value: '', label: '— none —' }];
  for (const cluster of design.clusters) {
    if (cluster.id === current || !exclude.includes(cluster.id)) options.push({ value: cluster.id, label: cluster.name });
  }
  if (current && !design.clusters.some((c) => c.id === current)) options.push({ value: current, label: `removed cluster ${current}` });
  return options;
}
