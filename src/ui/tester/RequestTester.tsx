import { useEffect, useMemo, useState } from 'react';
import { matchRequest } from '../../routing/matchRequest';
import { parseCurl } from '../../routing/curl';
import { useStore } from '../../store/store';
import { describeOutcome, pathIds } from './describeOutcome';
import { EMPTY_FORM, fromRequest, parseRandom, toRequest, type RequestForm } from './requestForm';
import { TraceList } from './TraceList';
import { SavedCases } from './SavedCases';
import './tester.css';

/** "Test a request": which virtual host, rule and cluster a request hits, with Envoy's semantics. */
export function RequestTester() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<RequestForm>(EMPTY_FORM);
  const [curl, setCurl] = useState('');
  const [curlError, setCurlError] = useState('');
  const design = useStore((s) => (open ? s.design : null));
  const listeners = useStore((s) => s.design.listeners);
  const result = useMemo(
    () => (design ? matchRequest(design, toRequest(form), { listener: form.listener || undefined, random: parseRandom(form.random) }) : null),
    [design, form],
  );
  // Re-run on every edit (design changes above); the path shows on the canvas while open.
  useEffect(() => useStore.getState().setTestPath(result ? pathIds(result) : []), [result]);
  const field = (key: keyof RequestForm) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  const useCurl = () => {
    const parsed = parseCurl(curl);
    if (!parsed.ok) return setCurlError(parsed.error);
    setCurlError('');
    setForm(fromRequest(parsed.request, form));
  };
  return (
    <section className="tester" aria-label="Test a request">
      <button type="button" className="problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Test a request{result ? `: ${describeOutcome(result)}` : ''}
      </button>
      {open && result && (
        <div className="tester-body">
          <div className="tester-form">
            <label>Listener<select {...field('listener')}>{listeners.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}</select></label>
            <label>Authority<input {...field('authority')} /></label>
            <label>Path<input {...field('path')} /></label>
            <label>Method<input {...field('method')} /></label>
            <label>Scheme<select {...field('scheme')}><option value="http">http</option><option value="https">https</option></select></label>
            <label>Random<input {...field('random')} placeholder="for weighted splits" inputMode="numeric" /></label>
            <label className="wide">Headers (name: value per line)<textarea rows={2} {...field('headers')} /></label>
            <label className="wide">
              Paste a curl command
              <span className="curl-row">
                <input value={curl} onChange={(e) => setCurl(e.target.value)} placeholder="curl -H 'x-canary: 1' http://shop.example.com/cart" />
                <button type="button" onClick={useCurl}>Use curl</button>
              </span>
            </label>
            {curlError && <p className="field-error">{curlError}</p>}
          </div>
          <div className="tester-result" aria-live="polite">
            <p className="tester-outcome" data-testid="tester-outcome">{describeOutcome(result)}</p>
            <p className="tester-host">{result.virtualHost ? `Virtual host ${result.virtualHost}${result.domainMatch ? ` (domain ${result.domainMatch.domain}, ${result.domainMatch.kind} match)` : ''}` : 'No virtual host matches this authority'}</p>
            <TraceList result={result} />
            {result.notes.length > 0 && <ul className="tester-notes">{result.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
          </div>
          <SavedCases
            request={toRequest(form)}
            listener={form.listener}
            result={result}
            onLoad={(test) => setForm({ ...fromRequest(test.request, form), listener: test.listener ?? '' })}
          />
        </div>
      )}
    </section>
  );
}
