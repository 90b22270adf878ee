import { useEffect } from 'react';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useStore } from '../../store/store';

export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };

/**
 * Fits every new document (New, open, permalink) in view once its nodes are measured. The first
 * document is fitted by React Flow's own `fitView` prop.
 */
export function FitViewOnLoad() {
  const initialized = useNodesInitialized();
  const documentId = useStore((s) => s.documentId);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!initialized || documentId === 0) return;
    // One frame later, so React Flow has stored the measured sizes it fits to.
    const frame = requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [initialized, documentId, fitView]);
  return null;
}
