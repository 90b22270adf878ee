import { useEffect } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { useStore } from './store/store';
import { Canvas } from './ui/canvas/Canvas';
import { useShortcuts } from './ui/commands/useShortcuts';
import { Outline } from './ui/outline/Outline';
import { ProblemsPanel } from './ui/problems/ProblemsPanel';
import { Validation } from './ui/validation/useValidation';
import { useThemeAttribute } from './ui/theme/useResolvedTheme';
import { Toolbar } from './ui/toolbar/Toolbar';
import { NoticeBanner } from './ui/toolbar/NoticeBanner';
import { useDocumentBootstrap } from './ui/documents/useDocumentBootstrap';
import { useComponentAfterPaint } from './ui/useAfterFirstPaint';
import './ui/layout.css';

// Loaded once the canvas has painted: it must be interactive first (#8 budgets the JavaScript
// before it), and not through React.lazy (see useComponentAfterPaint). These panels bring the
// generators and YAML (preview), RE2 (inspector checks, tester).
const loadInspectorPanel = () => import('./ui/inspector/InspectorPanel').then((m) => m.InspectorPanel);
const loadPreviewPanel = () => import('./ui/preview/PreviewPanel').then((m) => m.PreviewPanel);
const loadRequestTester = () => import('./ui/tester/RequestTester').then((m) => m.RequestTester);

const loading = <p className="panel-loading" role="status">Loading…</p>;

export function App() {
  useThemeAttribute();
  useShortcuts();
  useDocumentBootstrap();
  const previewCollapsed = useStore((s) => s.previewCollapsed);
  const previewPanel = usePanelRef();
  const InspectorPanel = useComponentAfterPaint(loadInspectorPanel);
  const PreviewPanel = useComponentAfterPaint(loadPreviewPanel);
  const RequestTester = useComponentAfterPaint(loadRequestTester);

  // The toolbar toggle and the panel's own collapse (dragging it shut) stay in step.
  useEffect(() => {
    const panel = previewPanel.current;
    if (!panel) return;
    if (previewCollapsed && !panel.isCollapsed()) panel.collapse();
    if (!previewCollapsed && panel.isCollapsed()) panel.expand();
  }, [previewCollapsed, previewPanel]);

  return (
    <div className="app">
      <Validation />
      <Toolbar />
      <NoticeBanner />
      <Group orientation="horizontal" className="workspace" id="workspace">
        <Panel id="outline-panel" defaultSize="11%" minSize="8%" collapsible>
          <Outline />
        </Panel>
        <Separator className="separator" />
        <Panel id="canvas-panel" minSize="25%">
          <main className="canvas-area" aria-label="Canvas">
            <Canvas />
            <ProblemsPanel />
            {RequestTester && <RequestTester />}
          </main>
        </Panel>
        <Separator className="separator" />
        <Panel id="inspector-panel" defaultSize="21%" minSize="15%">
          <div className="side">
            {InspectorPanel ? <InspectorPanel /> : loading}
          </div>
        </Panel>
        <Separator className="separator" />
        <Panel
          id="preview-panel"
          defaultSize="28%"
          minSize="15%"
          collapsible
          collapsedSize="0%"
          panelRef={previewPanel}
          onResize={(size) => useStore.getState().setPreviewCollapsed(size.asPercentage === 0)}
        >
          <div className="side">
            {PreviewPanel ? <PreviewPanel /> : loading}
          </div>
        </Panel>
      </Group>
    </div>
  );
}
