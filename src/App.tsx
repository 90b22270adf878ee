import { useEffect } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { useStore } from './store/store';
import { Canvas } from './ui/canvas/Canvas';
import { useShortcuts } from './ui/commands/useShortcuts';
import { InspectorPanel } from './ui/inspector/InspectorPanel';
import { Outline } from './ui/outline/Outline';
import { ProblemsPanel } from './ui/problems/ProblemsPanel';
import { RequestTester } from './ui/tester/RequestTester';
import { useValidation } from './ui/validation/useValidation';
import { PreviewPanel } from './ui/preview/PreviewPanel';
import { useThemeAttribute } from './ui/theme/useResolvedTheme';
import { Toolbar } from './ui/toolbar/Toolbar';
import { NoticeBanner } from './ui/toolbar/NoticeBanner';
import { useDocumentBootstrap } from './ui/documents/useDocumentBootstrap';
import './ui/layout.css';

export function App() {
  useThemeAttribute();
  useShortcuts();
  useDocumentBootstrap();
  useValidation();
  const previewCollapsed = useStore((s) => s.previewCollapsed);
  const previewPanel = usePanelRef();

  // The toolbar toggle and the panel's own collapse (dragging it shut) stay in step.
  useEffect(() => {
    const panel = previewPanel.current;
    if (!panel) return;
    if (previewCollapsed && !panel.isCollapsed()) panel.collapse();
    if (!previewCollapsed && panel.isCollapsed()) panel.expand();
  }, [previewCollapsed, previewPanel]);

  return (
    <div className="app">
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
            <RequestTester />
          </main>
        </Panel>
        <Separator className="separator" />
        <Panel id="inspector-panel" defaultSize="21%" minSize="15%">
          <div className="side">
            <InspectorPanel />
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
            <PreviewPanel />
          </div>
        </Panel>
      </Group>
    </div>
  );
}
