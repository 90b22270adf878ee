// Browser figures for issue #8, from the production build in Chromium: JavaScript before the canvas
// is interactive, keystroke → preview latency and long tasks on a 1,000-rule design, and a
// 500-node canvas (first render, renders while dragging one node). Prints a Markdown table per
// measurement; asserts only that the page did what was asked, never how fast.
import { gzipSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { encodePermalink } from '../../src/share/permalink';
import { buildDesign } from '../designs';
import { installProbes, type ProbeResults } from './probes';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const probes = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)) as ProbeResults);

async function openDesign(page: Page, ruleCount: number) {
  await page.goto(`/#${encodePermalink(buildDesign(ruleCount))}`);
  await expect(page.locator('.react-flow__node').first()).toBeAttached({ timeout: 60_000 });
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(installProbes);
});

test('JavaScript loaded before the canvas is interactive', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // Everything else arrives after the canvas: the panels, the worker, then Monaco in the preview.
  await expect(page.locator('[data-editor="monaco"]')).toBeAttached({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const { canvasAt } = await probes(page);
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
  );
  const js = scripts.filter((s) => new URL(s.url).pathname.endsWith('.js'));
  // The entry script is fetched by the document itself, before any resource entry: count it too.
  const entry = await page.evaluate(() => (document.querySelector('script[type="module"]') as HTMLScriptElement).src);
  const sizes = new Map<string, number>();
  for (const url of new Set([entry, ...js.map((s) => s.url)])) sizes.set(url, gzipSync(await (await page.request.get(url)).body()).length);
  const before = new Set([entry, ...js.filter((s) => s.start <= canvasAt!).map((s) => s.url)]);
  const gzipOf = (urls: Iterable<string>) => [...urls].reduce((sum, url) => sum + sizes.get(url)!, 0);
  console.log('\n| JavaScript (gzip) | files | size |\n| --- | ---: | ---: |');
  console.log(`| before the canvas is interactive (first node at ${ms(canvasAt!)}) | ${before.size} | ${kb(gzipOf(before))} |`);
  console.log(`| everything, once Monaco is up (panels, worker, Monaco) | ${sizes.size} | ${kb(gzipOf(sizes.keys()))} |`);
  for (const url of before) console.log(`|   ${new URL(url).pathname} | | ${kb(sizes.get(url)!)} |`);
});

for (const tab of ['envoy.yaml', 'envoy.json'] as const) {
  test(`keystroke → preview updated, 1,000 rules, ${tab} tab`, async ({ page }) => {
    await openDesign(page, 1000);
    const preview = page.getByRole('region', { name: 'Preview of generated files' });
    await preview.getByRole('tab', { name: tab }).click();
    await expect(preview.getByRole('tabpanel')).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
    // Select a cluster: the preview reveals its lines, so renaming it changes text on screen.
    await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: 'cluster', exact: true }).click();
    const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true });
    await name.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const latencies: number[] = [];
      const keydowns: number[] = [];
      const toPaint: number[] = [];
      let typedAt: number | null = null;
      document.addEventListener('keydown', (event) => {
        typedAt = performance.now();
        keydowns.push(event.timeStamp);
        toPaint.push(0);
      }, true);
      // The browser's own figure (Event Timing, what INP is made of): from the keystroke's event to
      // the next paint after its handlers ran. Monaco draws the change in the next animation frame,
      // so that paint shows it. The longest entry of each keystroke (keydown, keypress, input…).
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const index = keydowns.findLastIndex((at) => at <= entry.startTime + 1);
          if (index >= 0) toPaint[index] = Math.max(toPaint[index], entry.duration);
        }
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      // The first change to the editor's DOM after a keystroke, then the frame that paints it.
      new MutationObserver(() => {
        if (typedAt === null) return;
        const start = typedAt;
        typedAt = null;
        requestAnimationFrame(() => latencies.push(performance.now() - start));
      }).observe(document.querySelector('.preview-body')!, { subtree: true, childList: true, characterData: true });
      Object.assign(window, { __latencies: latencies, __toPaint: toPaint });
      window.__bench.reset();
    });
    const keystrokes = 'abcdefghijklmnopqrst';
    for (const key of keystrokes) {
      await page.keyboard.type(key);
      await page.waitForTimeout(400); // one edit at a time: the latency of each, not of a burst
    }
    await expect(name).toHaveValue(/abcdefghijklmnopqrst$/);
    const { latencies, toPaint } = await page.evaluate(() => {
      const w = window as unknown as { __latencies: number[]; __toPaint: number[] };
      // No entry: the browser reports only events over 16 ms, so count 16 (an upper bound).
      return { latencies: w.__latencies, toPaint: w.__toPaint.map((d) => d || 16) };
    });
    const { longTasks, nodeRenders } = await probes(page);
    const sorted = [...latencies].sort((a, b) => a - b);
    const paints = [...toPaint].sort((a, b) => a - b);
    console.log(`\n| ${tab}, 1,000 rules / 200 clusters | median | min–max | long tasks (> 50 ms) while typing | longest task | node renders per keystroke |`);
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const renders = Object.values(nodeRenders).reduce((a, b) => a + b, 0) / keystrokes.length;
    const longest = longTasks.reduce((max, t) => Math.max(max, t.duration), 0);
    console.log(`| keystroke → next paint, Event Timing (${toPaint.length}/${keystrokes.length} keystrokes) | ${ms(median(paints))} | ${ms(paints[0])}–${ms(paints.at(-1)!)} | ${longTasks.length} | ${longTasks.length ? ms(longest) : '–'} | ${renders.toFixed(1)} |`);
    console.log(`| keystroke → first change in the editor's DOM, then the next frame (${latencies.length}/${keystrokes.length}) | ${ms(median(latencies))} | ${ms(sorted[0])}–${ms(sorted.at(-1)!)} | | | |`);
  });
}

/** The number of canvas nodes in the DOM once it has not changed for `quietMs` (after `after`), and when it last changed. */
async function settledNodeCount(page: Page, quietMs: number, after = 0): Promise<{ count: number; at: number }> {
  for (;;) {
    const { nodeCounts } = await probes(page);
    if (process.env.BENCH_TRACE) console.log(JSON.stringify(nodeCounts.map(({ count, at }) => [count, Math.round(at)])));
    const last = nodeCounts.at(-1);
    const now = await page.evaluate(() => performance.now());
    if (last && last.at > after && now - last.at >= quietMs) return last;
    await page.waitForTimeout(250);
  }
}

/**
 * From a small design to `link`'s, in a page that is already up (as when a link is pasted into
 * the address bar): the time until the canvas's nodes stop changing, and how many are drawn.
 */
async function openInRunningPage(page: Page, link: string) {
  // A small design first (by link: the autosave now holds the big one).
  await openDesign(page, 10);
  await page.waitForTimeout(1500);
  const start = await page.evaluate((link) => {
    window.location.hash = link;
    return performance.now();
  }, link);
  const settled = await settledNodeCount(page, 1500, start);
  return { after: settled.at - start, count: settled.count };
}

/**
 * A point inside a node drawn in view where a press reaches the node itself (not a handle, a
 * button or whatever covers it), and the node's id. At the fitted zoom of 0.1 the nodes are a few
 * pixels tall, and one drawn because it is partly in view can sit under the toolbar, where a press
 * selects text instead: an earlier version of this benchmark pressed there and counted no renders.
 */
async function grabbablePoint(page: Page): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate(() => {
    // The one nearest the pane's centre: near its edges, dragging pans the view (React Flow's
    // auto-pan), which redraws every node and edge in view and is another measurement.
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    let best: { id: string; x: number; y: number; distance: number } | null = null;
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const box = node.getBoundingClientRect();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      const distance = Math.hypot(x - centre.x, y - centre.y);
      if (hit && node.contains(hit) && !hit.closest('.react-flow__handle, button, .nodrag') && (!best || distance < best.distance)) best = { id: node.getAttribute('data-id')!, x, y, distance };
    }
    return best;
  });
  if (!found) throw new Error('no node in view to grab');
  return found;
}

/** Cold opens measured: each in a new tab, alternating with nothing else. */
const COLD_OPENS = 5;
/**
 * A new browser context's renderer is still starting when the first navigation begins (Playwright
 * creates the page just before); a browser keeps a spare renderer ready for a new tab, so the tab
 * is given this long first. Without it the figures were ~0.3–0.8 s longer and moved with whatever
 * ran just before.
 */
const RENDERER_START_MS = 2000;

/** Navigation start → first canvas node, for `link` opened in new tabs (fresh contexts): each run. */
async function coldOpens(browser: Browser, link: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < COLD_OPENS; run++) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(installProbes);
    await page.waitForTimeout(RENDERER_START_MS);
    await page.goto(`/#${link}`);
    await expect(page.locator('.react-flow__node').first()).toBeAttached({ timeout: 60_000 });
    times.push((await probes(page)).canvasAt!);
    await context.close();
  }
  return times;
}

test('a 500-node canvas: first render, and what re-renders while one node is dragged', async ({ page, browser }) => {
  const design = buildDesign(2300); // 1 listener, 46 routes of 50 rules, 460 clusters: 507 nodes
  const nodes = design.listeners.length + design.routes.length + design.clusters.length;
  const opens = await coldOpens(browser, encodePermalink(design));
  await openDesign(page, 2300);
  // The canvas draws the nodes in view (onlyRenderVisibleElements): done when their number settles.
  const cold = await settledNodeCount(page, 1500);
  const { canvasAt } = await probes(page);
  const warm = await openInRunningPage(page, encodePermalink(design));
  // Drag a node drawn in view, 20 mouse moves (see grabbablePoint).
  const { id, x, y } = await grabbablePoint(page);
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const before = await node.getAttribute('style');
  await page.evaluate(() => window.__bench.reset());
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 20; step++) await page.mouse.move(x + step * 5, y + step * 3);
  await page.mouse.up();
  await page.waitForTimeout(500);
  expect(await node.getAttribute('style'), 'the node moved').not.toBe(before);
  const { nodeRenders, longTasks } = await probes(page);
  const dragged = Object.keys(nodeRenders);
  console.log(`\n| canvas, ${nodes} nodes | figure |\n| --- | ---: |`);
  console.log(`| opened by link in a new tab: first node in the DOM (navigation start → first node), median of ${COLD_OPENS} (each) | ${ms(median(opens))} (${opens.map((t) => Math.round(t)).join(', ')}) |`);
  console.log(`| the same, the new tab's first navigation at once (no time for its renderer to start) | ${ms(canvasAt!)} |`);
  console.log(`| that tab: every node in view drawn (navigation start → last change; ${cold.count} of ${nodes} nodes in view) | ${ms(cold.at)} |`);
  console.log(`| link pasted into a running page: every node in view drawn (${warm.count} in view) | ${ms(warm.after)} |`);
  console.log(`| node components that re-rendered during a 20-step drag | ${dragged.length} (${dragged.join(', ')}) |`);
  console.log(`| renders of those during the drag | ${Object.values(nodeRenders).join(', ')} |`);
  console.log(`| long tasks during the drag | ${longTasks.length}${longTasks.length ? ` (longest ${ms(Math.max(...longTasks.map((t) => t.duration)))})` : ''} |`);
});
