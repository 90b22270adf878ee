// "Add route": a select of routes the listener does not serve yet, and a button to connect one.
// Routes whose domains clash with a served route are listed but disabled, with the reason.
import { useId, useState } from 'react';
import { connect } from '../../model/connections';
import type { Listener } from '../../model/schema';
import { useStore } from '../../store/store';
import { domainClash } from './designChecks';

export function AddServedRoute({ listener }: { listener: Listener }) {
  const design = useStore((s) => s.design);
  const edit = useStore((s) => s.edit);
  const id = useId();
  const candidates = design.routes
    .filter((r) => !listener.routeIds.includes(r.id))
    .map((route) => ({ route, clash: domainClash(design, listener, route) }));
  const firstFree = candidates.find((c) => !c.clash)?.route.id ?? '';
  const [chosen, setChosen] = useState('');
  const value = candidates.some((c) => c.route.id === chosen && !c.clash) ? chosen : firstFree;
  const add = () => {
    if (!value) return;
    edit((d) => {
      const result = connect(d, listener.id, value);
      return result.ok ? result.design : d;
    });
  };
  return (
    <div className="add-row">
      <div className="field">
        <label htmlFor={id}>Route to serve</label>
        <select id={id} value={value} disabled={!firstFree} onChange={(e) => setChosen(e.target.value)}>
          {!firstFree && <option value="">{candidates.length ? 'No route without a domain clash' : 'No other routes'}</option>}
          {candidates.map(({ route, clash }) => (
            <option key={route.id} value={route.id} disabled={clash !== null}>
              {clash ? `${route.name} (${clash})` : route.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={!firstFree} onClick={add}>
        Add route
      </button>
    </div>
  );
}
