// Page object for the designer: what a person sees and does, through roles and labels.
import { expect, type Locator, type Page } from '@playwright/test';

export const FILES = ['envoy.json', 'envoy.yaml', 'configmap.yaml', 'pod.yaml', 'daemonset.yaml', 'kustomization.yaml', 'README.md', 'route-tests.json', 'design.json'];

export class DesignerPage {
  readonly requests: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.context().on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && this.consoleErrors.push(message.text()));
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
  }

  async open() {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.goto('/');
    await expect(this.canvas.locator('.react-flow__node').first()).toBeVisible();
    await this.settled();
  }

  /**
   * The inspector and the preview arrive just after the first paint and narrow the canvas, which
   * then fits its view again: wait for that, so a pointer aimed at a node finds it where it was aimed.
   */
  async settled() {
    await expect(this.inspector).toBeVisible();
    await expect(this.preview).toBeVisible();
    const viewport = this.canvas.locator('.react-flow__viewport');
    let before = '';
    await expect
      .poll(async () => {
        const now = (await viewport.getAttribute('style')) ?? '';
        const same = now === before;
        before = now;
        return same;
      }, { intervals: [100] })
      .toBe(true);
  }

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  get inspector(): Locator {
    return this.page.getByRole('region', { name: 'Inspector' });
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview of generated files' });
  }

  /** A node on the canvas by kind and name, e.g. node('cluster', 'service'). */
  node(kind: 'listener' | 'route' | 'cluster', name: string): Locator {
    return this.canvas.getByTestId(`${kind}-${name}`);
  }

  async newEmptyDesign() {
    await this.page.getByRole('button', { name: 'New…' }).click();
    await this.page.getByRole('button', { name: /Empty design/ }).click();
    await expect(this.canvas.locator('.react-flow__node')).toHaveCount(0);
  }

  async add(kind: 'Listener' | 'Route' | 'Cluster') {
    await this.page.getByRole('button', { name: `+ ${kind}` }).click();
  }

  /** Drags from a source handle to a target handle with the mouse, as a person would. */
  async drag(from: Locator, to: Locator) {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('handle not visible');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  listenerHandle(name: string): Locator {
    return this.node('listener', name).locator('.react-flow__handle.source');
  }

  ruleHandle(routeName: string, ruleNumber: number): Locator {
    return this.node('route', routeName).getByTestId(`rule-${ruleNumber}`).locator('.react-flow__handle.source');
  }

  targetHandle(kind: 'route' | 'cluster', name: string): Locator {
    return this.node(kind, name).locator('.react-flow__handle.target');
  }

  /** Selects an element by clicking its node's title, as a person would. */
  async select(kind: 'listener' | 'route' | 'cluster', name: string) {
    await this.node(kind, name).locator('.node-title').click();
  }

  async openTab(file: string) {
    await this.preview.getByRole('tab', { name: file }).click();
  }

  /** The exact text of a generated file, through the preview's Copy button and the clipboard. */
  async copiedText(file: string): Promise<string> {
    await this.openTab(file);
    await this.preview.getByRole('button', { name: `Copy ${file}` }).click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Every generated file's exact text, as the preview shows it. */
  async allFiles(): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    for (const file of FILES) files[file] = await this.copiedText(file);
    return files;
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import Envoy config' });
  }

  /** Opens Import…, pastes an Envoy config and imports it; the summary (or the errors) shows next. */
  async importConfig(text: string) {
    await this.page.getByRole('button', { name: 'Import…' }).click();
    await this.importDialog.getByLabel('Envoy config (YAML or JSON)').fill(text);
    await this.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** The writable editor of an Envoy file's Edit mode. */
  previewEditor(file: string): Locator {
    return this.preview.getByRole('textbox', { name: `${file} (editing)` });
  }

  /** Puts an Envoy file's preview in Edit mode and replaces its text with `change(text)`. */
  async editPreview(file: string, change: (text: string) => string) {
    const text = await this.copiedText(file);
    await this.preview.getByRole('button', { name: `Edit ${file}` }).click();
    await expect(this.previewEditor(file)).toBeFocused();
    await this.replaceEditedText(file, change(text));
  }

  /**
   * Replaces the whole text in Edit mode as a user would: select all, paste. (Typed text would be
   * auto-indented line by line, as the editor does for a person typing.)
   */
  async replaceEditedText(file: string, text: string) {
    // Then select all and copy, to see that the editor holds exactly the text: once in a while a
    // select-all went unheard and the paste landed inside the old text.
    await expect(async () => {
      await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
      await this.previewEditor(file).focus();
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.press('ControlOrMeta+V');
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.press('ControlOrMeta+C');
      expect(await this.page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    }).toPass({ timeout: 15_000 });
  }

  async applyPreviewEdit(file: string) {
    await this.openTab(file);
    await this.preview.getByRole('button', { name: `Apply edited ${file}` }).click();
  }

  get notice(): Locator {
    return this.page.getByTestId('notice');
  }

  /** Waits past the autosave debounce so the last edit is in local storage. */
  /** Waits out autosave's delay (1 s after the last edit, src/ui/documents/autosave.ts) with a margin. */
  async waitForAutosave() {
    await this.page.waitForTimeout(1600);
  }

  /** Requests that left the page's origin. */
  foreignRequests(origin: string): string[] {
    return this.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  }

  // ---- Security: CSP violations, requests off the origin, downloads ------------------------------

  /**
   * Records every Content-Security-Policy violation: `securitypolicyviolation` events in the page
   * (listening from before its first script), and the browser's security messages of the page and
   * of its workers, read through the DevTools protocol (Playwright's console events carry neither;
   * a worker's Log replays what it logged before we attached). Chromium only. Call before open().
   */
  async recordCspViolations() {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
    });
    type Entry = { source: string; text: string };
    const record = (where: string, entry: Entry) => {
      if (entry.source === 'security' || /Content.Security.Policy/i.test(entry.text)) this.cspMessages.push(`${where}: ${entry.text}`);
    };
    const cdp = await this.page.context().newCDPSession(this.page);
    const workers = new Map<string, string>();
    cdp.on('Log.entryAdded', ({ entry }) => record('page', entry));
    cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
      workers.set(sessionId, targetInfo.url);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Log.enable' }) }).catch(() => {});
    });
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const parsed = JSON.parse(message) as { method?: string; params?: { entry: Entry } };
      if (parsed.method === 'Log.entryAdded' && parsed.params) record(`worker ${workers.get(sessionId)}`, parsed.params.entry);
    });
    await cdp.send('Log.enable');
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  /** The browser's CSP messages, from the page and its workers. */
  readonly cspMessages: string[] = [];

  /** Every violation recorded since recordCspViolations(). */
  async cspViolations(): Promise<string[]> {
    const events = await this.page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(not recording)']);
    return [...events, ...this.cspMessages];
  }

  /** Requests that are not plain requests to the page's origin: data: and blob: URLs count here too. */
  offOriginRequests(origin: string): string[] {
    return this.requests.filter((url) => !url.startsWith(`${origin}/`));
  }

  get tester(): Locator {
    return this.page.getByRole('region', { name: 'Test a request' });
  }

  get problems(): Locator {
    return this.page.getByRole('region', { name: 'Problems' });
  }

  /** Clicks a toolbar button that downloads, and returns the download. */
  async download(button: 'Download' | 'Save as') {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button, exact: true }).click()]);
    return download;
  }

  async newFromTemplate(title: RegExp) {
    await this.page.getByRole('button', { name: 'New…' }).click();
    await this.page.getByRole('button', { name: title }).click();
  }
}
