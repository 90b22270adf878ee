// The virtual hosts an HTTP listener serves, in order, plus the keyboard way to connect one.
import { disconnect } from '../../model/connections';
import { reorderListenerRoute } from '../../model/operations';
import type { Design, Listener } from '../../model/schema';
import { useStore } from '../../store/store';
import { AddServedRoute } from './AddServedRoute';
import { RowButton } from './fields/RowButton';

function routeLabel(design: Design, id: string): string {
  return design.routes.find((r) => r.id === id)?.name ?? `removed route ${id}`;
}

export function ServedRoutes({ listener }: { listener: Listener }) {
  const design = useStore((s) => s.design);
  const edit = useStore((s) => s.edit);
  const select = useStore((s) => s.select);
  const { routeIds } = listener;
  const move = (from: number, to: number) => edit((d) => reorderListenerRoute(d, listener.id, from, to));
  return (
    <fieldset className="section">
      <legend>Served routes</legend>
      <p className="field-hint">Envoy picks the route whose domains match the request's Host.</p>
      {routeIds.length === 0 ? (
        <p className="list-empty">No routes yet: this listener answers every request with 404.</p>
      ) : (
        <ol className="list-rows">
          {routeIds.map((routeId, index) => {
            const name = routeLabel(design, routeId);
            const missing = !design.routes.some((r) => r.id === routeId);
            return (
              <li key={routeId} className="list-row">
                <span className={missing ? 'row-text field-error' : 'row-text'}>{name}</span>
                <div className="row-actions">
                  {!missing && (
                    <RowButton name={`Edit route ${name}`} onClick={() => select([routeId])}>
                      Edit
                    </RowButton>
                  )}
                  <RowButton name={`Move route ${name} up`} title="Move up" disabled={index === 0} onClick={() => move(index, index - 1)}>
                    ↑
                  </RowButton>
                  <RowButton name={`Move route ${name} down`} title="Move down" disabled={index === routeIds.length - 1} onClick={() => move(index, index + 1)}>
                    ↓
                  </RowButton>
                  <RowButton name={`Remove route ${name}`} onClick={() => edit((d) => disconnect(d, listener.id, routeId))}>
                    Remove
                  </RowButton>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <AddServedRoute listener={listener} />
    </fieldset>
  );
}
