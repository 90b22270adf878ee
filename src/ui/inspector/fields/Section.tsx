// A group of related fields under a legend.
import type { ReactNode } from 'react';

export function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="section">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
