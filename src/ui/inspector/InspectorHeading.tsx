// The panel's heading: what is being edited, e.g. `Listener "listener_0"`.
type Kind = 'listener' | 'route' | 'rule' | 'cluster' | 'deployment' | 'edge' | 'several';

export function InspectorHeading({ kind, children }: { kind: Kind; children: string }) {
  return <h2 className={`inspector-title kind-${kind}`}>{children}</h2>;
}
