import { useEffect, useMemo, useState } from 'react';
import type { FileName } from '../../generate/files';
import type { Design } from '../../model/schema';
import type { Finding } from '../../validate/finding';
import { locateInWorker } from '../validation/workerClient';
import { findingQueries, highlightPath, locatePreview, type PreviewLocations, type PreviewQuery } from './previewText';

const NOWHERE: PreviewLocations = { highlight: null, markers: [] };

/**
 * The highlight and finding markers of the active file's `text`, located in the worker: locating
 * parses the text, a long task on the main thread at 1,000 rules. Until an answer arrives the
 * previous one stays (MonacoView skips marker lines past the end of the text); an answer about
 * another file is never shown.
 */
export function usePreviewLocations(
  file: FileName,
  text: string,
  design: Design | null,
  selection: readonly string[],
  findings: readonly Finding[],
): PreviewLocations {
  const highlight = highlightPath(design, file, selection);
  const findingsHere = useMemo(() => findingQueries(findings, file), [findings, file]);
  // Keyed on the path's content, not its object: the same question while typing (a rename leaves
  // the selection's path as it was) keeps its object, so the text is not sent on every keystroke.
  const highlightKey = JSON.stringify(highlight);
  const query = useMemo<PreviewQuery>(() => ({ file, highlight, findings: findingsHere }), [file, highlightKey, findingsHere]);
  const [answer, setAnswer] = useState<{ file: FileName; locations: PreviewLocations } | null>(null);
  useEffect(() => {
    // Nothing to locate: no need to send the text anywhere.
    if (!query.highlight && query.findings.length === 0) {
      setAnswer({ file: query.file, locations: NOWHERE });
      return;
    }
    let live = true;
    void locateInWorker(text, query).then((located) => {
      // Should the worker fail, the page still shows where things are, at the old cost.
      if (live) setAnswer({ file: query.file, locations: located ?? locatePreview(text, query) });
    });
    return () => {
      live = false;
    };
  }, [text, query]);
  return answer?.file === file ? answer.locations : NOWHERE;
}
