// Autosave under stress: a crashed tab, full or disabled storage, two tabs editing at once, and
// what other versions (or other hands) left in local storage.
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

async function renameCluster(designer: DesignerPage, from: string, to: string) {
  await designer.select('cluster', from);
  await designer.inspector.getByLabel('Name', { exact: true }).fill(to);
  await expect(designer.node('cluster', to)).toBeVisible();
}

const opened = async (page: Page) => {
  const designer = new DesignerPage(page);
  await designer.open();
  return designer;
};

test('a crashed tab loses nothing that was autosaved: a new tab opens it', async ({ page, context }) => {
  const designer = await opened(page);
  await renameCluster(designer, 'service', 'before-the-crash');
  await designer.add('Listener');
  await designer.waitForAutosave();
  const saved = await designer.copiedText('design.json');

  // The renderer dies: no pagehide, no unload, nothing runs after this.
  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => {});
  await crashed;

  const next = await opened(await context.newPage());
  await expect(next.node('cluster', 'before-the-crash')).toBeVisible();
  expect(await next.copiedText('design.json')).toBe(saved);
});

test('two tabs editing at once keep their own designs; a new tab opens the latest', async ({ page, context }) => {
  const a = await opened(page);
  const b = await opened(await context.newPage());
  await renameCluster(a, 'service', 'from-a');
  await renameCluster(b, 'service', 'from-b');
  await a.add('Route');
  await Promise.all([a.waitForAutosave(), b.waitForAutosave()]);
  // Each tab hears of the other's saves, once.
  await expect(b.notice).toContainText('open in another tab too');
  const [designA, designB] = [await a.copiedText('design.json'), await b.copiedText('design.json')];

  await a.page.reload();
  await expect(a.node('cluster', 'from-a')).toBeVisible();
  expect(await a.copiedText('design.json')).toBe(designA);
  await b.page.reload();
  await expect(b.node('cluster', 'from-b')).toBeVisible();
  expect(await b.copiedText('design.json')).toBe(designB);

  // A new tab starts from the design saved last (tab A's route), under an id of its own.
  const c = await opened(await context.newPage());
  await expect(c.node('cluster', 'from-a')).toBeVisible();
  await renameCluster(c, 'from-a', 'from-c');
  await c.waitForAutosave();
  await a.page.reload();
  await expect(a.node('cluster', 'from-a')).toBeVisible();
});

test('a duplicated tab (same document id) moves to its own document at the first save', async ({ page, context }) => {
  const a = await opened(page);
  await renameCluster(a, 'service', 'original');
  await a.waitForAutosave();
  const id = await page.evaluate(() => sessionStorage.getItem('envoy-route-designer:document-id'));
  expect(id).toBeTruthy();

  // Duplicating a tab copies its sessionStorage: the copy starts with the same document id.
  const copy = await context.newPage();
  await copy.addInitScript((shared) => sessionStorage.setItem('envoy-route-designer:document-id', shared), id!);
  const b = await opened(copy);
  await expect(b.node('cluster', 'original')).toBeVisible();
  await renameCluster(b, 'original', 'the-copy');
  await b.waitForAutosave();
  // Tab A saw its document written by another tab: it saved its own design under a new id.
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('envoy-route-designer:document-id'))).not.toBe(id);
  await a.page.reload();
  await expect(a.node('cluster', 'original')).toBeVisible();
  await b.page.reload();
  await expect(b.node('cluster', 'the-copy')).toBeVisible();
});

test('full storage warns, and the designer keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const designer = await opened(page);
  await designer.add('Cluster');
  await expect(designer.notice).toContainText('Autosave is off: local storage is full');
  await renameCluster(designer, 'cluster', 'still-working');
  expect(JSON.parse(await designer.copiedText('envoy.json')).static_resources.clusters.map((c: { name: string }) => c.name)).toContain('still-working');
  expect(designer.consoleErrors).toEqual([]);
});

test('disabled storage warns, and the designer keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  const designer = await opened(page);
  await designer.add('Cluster');
  await expect(designer.notice).toContainText('Autosave is off: this browser does not allow local storage here');
  await renameCluster(designer, 'cluster', 'still-working');
  expect(designer.consoleErrors).toEqual([]);
});

test('what other versions or other hands left in storage opens through the load path, or is named and kept', async ({ page }) => {
  const designer = await opened(page);
  await renameCluster(designer, 'service', 'from-an-old-version');
  const old = await designer.copiedText('design.json');
  // An older version kept one design under one key; nothing of this version is saved yet.
  await page.evaluate((text) => {
    localStorage.clear();
    sessionStorage.clear();
    localStorage.setItem('envoy-route-designer:design', text);
  }, old);
  await page.reload();
  await expect(designer.node('cluster', 'from-an-old-version')).toBeVisible();

  // Garbage under this tab's document key: a message, the default design, and the text kept aside.
  await designer.add('Cluster');
  await designer.waitForAutosave();
  await page.evaluate(() => localStorage.setItem(`envoy-route-designer:document:${sessionStorage.getItem('envoy-route-designer:document-id')}`, '{"version": 1, "name": 5}'));
  await page.reload();
  await expect(designer.notice).toContainText('The autosaved design could not be opened: name');
  await expect(designer.node('cluster', 'service')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('envoy-route-designer:unreadable-design'))).toBe('{"version": 1, "name": 5}');
});
