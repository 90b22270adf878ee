import { useState } from 'react';
import type { Finding } from '../../validate/finding';
import { useStore } from '../../store/store';
import './problems.css';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

function reveal(finding: Finding) {
  const { select, setActiveTab, activeTab } = useStore.getState();
  if (finding.elementId) select([finding.elementId]);
  // Config findings are revealed in the Envoy file; Kubernetes ones name their own file.
  const file = /^(\w+\.yaml):/.exec(finding.path)?.[1];
  if (file === 'configmap.yaml' || file === 'pod.yaml' || file === 'daemonset.yaml') setActiveTab(file);
  else if (activeTab !== 'envoy.json' && activeTab !== 'envoy.yaml') setActiveTab('envoy.yaml');
}

/** Every finding, errors first; choosing one selects its element and reveals its lines. */
export function ProblemsPanel() {
  const findings = useStore((s) => s.findings);
  // Closed by default: the summary line is always visible and the canvas keeps its room.
  const [open, setOpen] = useState(false);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const summary = errors + warnings === 0 ? 'No problems: Envoy would accept this config' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return (
    <section className={`problems${errors ? ' has-errors' : ''}`} aria-label="Problems">
      <button type="button" className="problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Problems: {summary}
      </button>
      {open && sorted.length > 0 && (
        <ul className="problems-list">
          {sorted.map((finding, index) => (
            <li key={`${finding.rule}-${finding.path}-${index}`} className={`problem problem-${finding.severity}`}>
              <button type="button" onClick={() => reveal(finding)}>
                <span className="problem-severity">{finding.severity}</span>
                <span className="problem-message">{finding.message}</span>
                <span className="problem-path">{finding.path}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
