import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DesignerPage, FILES } from './pages/DesignerPage';

async function renameFirstCluster(designer: DesignerPage, name: string) {
  await designer.select('cluster', 'service');
  await designer.inspector.getByLabel('Name', { exact: true }).fill(name);
  await expect(designer.node('cluster', name)).toBeVisible();
}

test('Download gives <design-name>.zip holding exactly the previewed files', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await renameFirstCluster(designer, 'backend');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('nginx-with-an-Envoy-sidecar.zip');
  const zip = unzipSync(readFileSync(await download.path()));
  const unzipped = Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
  expect(Object.keys(unzipped).sort()).toEqual([...FILES].sort());
  expect(unzipped).toEqual(await designer.allFiles());
  expect(unzipped['README.md']).toContain(`${new URL(page.url()).origin}/#d=`);
});

test('a copied link opens the exact design in a new browser', async ({ page, browser }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await renameFirstCluster(designer, 'backend');
  await designer.add('Cluster');
  await designer.node('cluster', 'cluster').locator('.node-title').click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(designer.notice).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#d=/);
  const expected = await designer.allFiles();

  // A fresh context: no autosave to fall back on; only the link carries the design.
  const other = await browser.newContext();
  const second = new DesignerPage(await other.newPage());
  await second.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await second.page.goto(link);
  await expect(second.node('cluster', 'backend')).toBeVisible();
  expect(second.page.url()).not.toContain('#d=');
  expect(await second.allFiles()).toEqual(expected);
  await other.close();
});

test('a bad link shows what is wrong and leaves the current design untouched', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await renameFirstCluster(designer, 'kept');
  const before = await designer.copiedText('design.json');
  for (const [hash, message] of [
    ['#d=1.%%%not-base64', /could not be opened/],
    ['#d=1.q1YqyS8tSSxJVbJSMlTSUUpJLElVslIqS8wpTgUA', /could not be opened/],
    ['#d=99.AAAA', /newer than this app/],
  ] as const) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await expect(designer.notice).toContainText(message);
    await expect(designer.notice).toContainText('Your current design is unchanged');
    expect(await designer.copiedText('design.json')).toBe(before);
    await designer.notice.getByRole('button', { name: 'Dismiss message' }).click();
  }
  expect(designer.consoleErrors).toEqual([]);
});

test('opening the app with a bad link shows the message over the previous design', async ({ page }) => {
  const designer = new DesignerPage(page);
  await page.goto('/#d=1.garbage');
  await expect(designer.notice).toContainText('This link could not be opened');
  await expect(designer.node('cluster', 'service')).toBeVisible();
});

test('reload restores the autosaved design', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await renameFirstCluster(designer, 'autosaved');
  await designer.add('Listener');
  await designer.waitForAutosave();
  const before = await designer.copiedText('design.json');
  await page.reload();
  await expect(designer.node('cluster', 'autosaved')).toBeVisible();
  expect(await designer.copiedText('design.json')).toBe(before);
});

test('full or disabled storage gives a warning and the designer keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.add('Cluster');
  await expect(designer.notice).toContainText('Autosave is off: local storage is full');
  await designer.add('Route');
  await expect(designer.node('route', 'route')).toBeVisible();
});

test('undo and redo walk exactly through 20 edits; a drag is one step', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const states = [await designer.copiedText('design.json')];
  for (let i = 1; i <= 20; i++) {
    if (i % 2) await designer.add('Cluster');
    else await designer.inspector.getByLabel('Connect timeout').fill(`${i}s`);
    states.push(await designer.copiedText('design.json'));
  }
  for (let i = 19; i >= 0; i--) {
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await designer.copiedText('design.json')).toBe(states[i]);
  }
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  for (let i = 1; i <= 20; i++) {
    await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+y');
    expect(await designer.copiedText('design.json')).toBe(states[i]);
  }

  // Choosing it in the outline brings the node back into view (selection is not history).
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: /^listener_0/ }).click();
  const node = designer.node('listener', 'listener_0');
  await expect(node).toBeInViewport();
  await page.waitForTimeout(300);
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(box.x + 20 + step * 15, box.y + 10 + step * 10);
  await page.mouse.up();
  expect(await designer.copiedText('design.json')).not.toBe(states[20]);
  await page.keyboard.press('Control+z');
  expect(await designer.copiedText('design.json')).toBe(states[20]);
});

test('Open reads a design.json through the validated load path', async ({ page }, testInfo) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.add('Cluster');
  const saved = await designer.copiedText('design.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as' }).click()]);
  expect(download.suggestedFilename()).toBe('design.json');
  expect(readFileSync(await download.path(), 'utf8')).toBe(saved);

  await page.getByRole('button', { name: 'New…' }).click();
  await page.getByRole('button', { name: /TCP proxy/ }).click();
  await expect(designer.node('cluster', 'postgres')).toBeVisible();

  await page.getByLabel('Open design.json').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "name": 5}') });
  await expect(designer.notice).toContainText('broken.json could not be opened: name');
  await expect(designer.node('cluster', 'postgres')).toBeVisible();

  await page.getByLabel('Open design.json').setInputFiles({ name: 'design.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(designer.node('cluster', 'cluster')).toBeVisible();
  expect(await designer.copiedText('design.json')).toBe(saved);
  testInfo.annotations.push({ type: 'note', description: 'round trip through Save as and Open' });
});
