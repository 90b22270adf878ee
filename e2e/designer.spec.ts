import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { loadEnvoyRegistry } from '../src/validate/envoySchema.node';
import { parseBootstrap } from '../src/validate/envoySchema';
import { protoRuleViolations } from '../src/validate/protoRules';
import { DesignerPage } from './pages/DesignerPage';
import { buildDesign } from '../bench/designs';
import { encodePermalink } from '../src/share/permalink';

test.describe('designing on the canvas', () => {
  test('builds listener → route with two rules → two clusters from an empty design', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.newEmptyDesign();

    await designer.add('Listener');
    await designer.inspector.getByLabel('Name', { exact: true }).fill('edge');
    await designer.add('Route');
    await designer.inspector.getByRole('button', { name: 'Add rule' }).click();
    await designer.add('Cluster');
    await designer.inspector.getByLabel('Name', { exact: true }).fill('api');
    await designer.add('Cluster');
    await designer.inspector.getByLabel('Name', { exact: true }).fill('web');
    await expect(designer.node('cluster', 'web')).toBeVisible();

    // Mouse: drag edges between handles.
    await designer.drag(designer.listenerHandle('edge'), designer.targetHandle('route', 'route'));
    await designer.drag(designer.ruleHandle('route', 1), designer.targetHandle('cluster', 'api'));
    await expect(designer.canvas.locator('.react-flow__edge')).toHaveCount(2);

    // Keyboard and forms: rule 1 gets a path, rule 2 a cluster.
    await designer.node('route', 'route').getByTestId('rule-1').getByRole('button').click();
    await designer.inspector.getByLabel('Path', { exact: true }).fill('/api');
    await designer.node('route', 'route').getByTestId('rule-2').getByRole('button').click();
    await designer.inspector.getByLabel('Cluster', { exact: true }).selectOption({ label: 'web' });
    await expect(designer.canvas.locator('.react-flow__edge')).toHaveCount(3);

    const envoy = JSON.parse(await designer.copiedText('envoy.json'));
    const [listener] = envoy.static_resources.listeners;
    expect(envoy.static_resources.listeners).toHaveLength(1);
    expect(listener.name).toBe('edge');
    const hcm = listener.filter_chains[0].filters[0].typed_config;
    expect(hcm.route_config.virtual_hosts).toEqual([
      {
        name: 'route',
        domains: ['*'],
        routes: [
          { match: { prefix: '/api' }, route: { cluster: 'api' } },
          { match: { prefix: '/' }, route: { cluster: 'web' } },
        ],
      },
    ]);
    expect(envoy.static_resources.clusters.map((c: { name: string }) => c.name)).toEqual(['api', 'web']);

    const registry = loadEnvoyRegistry();
    const parsed = parseBootstrap(envoy, registry);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(protoRuleViolations(parsed.message, registry)).toEqual([]);
    expect(designer.consoleErrors).toEqual([]);
  });

  test('a weighted split shows each weight on its edge', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await page.getByRole('button', { name: 'New…' }).click();
    await page.getByRole('button', { name: /Canary split/ }).click();
    await expect(designer.canvas.locator('.edge-label-text')).toHaveText(['90 (90%)', '10 (10%)']);
    // Editing a weight on the selected edge updates the label and the config.
    await designer.canvas.locator('.react-flow__edge').nth(2).click({ force: true });
    await designer.inspector.getByLabel('Weight', { exact: true }).fill('30');
    await expect(designer.canvas.locator('.edge-label-text')).toHaveText(['90 (75%)', '30 (25%)']);
    const envoy = JSON.parse(await designer.copiedText('envoy.json'));
    const route = envoy.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes[0];
    expect(route.route.weighted_clusters.clusters).toEqual([
      { name: 'shop-stable', weight: 90 },
      { name: 'shop-canary', weight: 30 },
    ]);
  });

  test('adds an element by dragging it from the palette onto the canvas', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await page.getByRole('button', { name: '+ Cluster' }).dragTo(designer.canvas, { targetPosition: { x: 200, y: 300 } });
    await expect(designer.node('cluster', 'cluster')).toBeVisible();
    await expect(designer.inspector.getByRole('heading', { name: /Cluster "cluster"/ })).toBeVisible();
  });

  test('refuses a connection that makes no sense in Envoy, with a visible hint', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.drag(designer.listenerHandle('listener_0'), designer.targetHandle('cluster', 'service'));
    await expect(designer.page.getByTestId('canvas-hint')).toContainText('An HTTP listener connects to routes');
    await expect(designer.canvas.locator('.react-flow__edge')).toHaveCount(2);
  });

  test('deleting a cluster that a rule uses leaves a visible dangling marker', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.select('cluster', 'service');
    await page.keyboard.press('Delete');
    await expect(designer.node('cluster', 'service')).toHaveCount(0);
    await expect(designer.node('route', 'service').getByRole('img', { name: 'Rule 1 forwards to a removed cluster' })).toBeVisible();
    expect(JSON.parse(await designer.copiedText('envoy.json')).static_resources.clusters).toEqual([]);
  });

  test('duplicates, copies and pastes with the keyboard; selects several with Shift', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.select('cluster', 'service');
    await page.keyboard.press('Control+d');
    await expect(designer.node('cluster', 'service-2')).toBeVisible();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(designer.node('cluster', 'service-2-2')).toBeVisible();
    await designer.select('cluster', 'service');
    await designer.node('cluster', 'service-2').locator('.node-title').click({ modifiers: ['Shift'] });
    await expect(designer.inspector).toContainText('2 elements selected');
    await page.keyboard.press('Delete');
    await expect(designer.node('cluster', 'service')).toHaveCount(0);
    await expect(designer.node('cluster', 'service-2')).toHaveCount(0);
    await expect(designer.node('cluster', 'service-2-2')).toBeVisible();
  });
});

test.describe('inspector and live preview', () => {
  test('editing a port changes the listener and the Pod container port', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.select('listener', 'listener_0');
    await designer.inspector.getByLabel('Port', { exact: true }).fill('12345');
    const envoy = JSON.parse(await designer.copiedText('envoy.json'));
    expect(envoy.static_resources.listeners[0].address.socket_address.port_value).toBe(12345);
    const pod = parse(await designer.copiedText('pod.yaml'));
    const envoyContainer = pod.spec.containers.find((c: { name: string }) => c.name === 'envoy');
    expect(envoyContainer.ports.map((p: { containerPort: number }) => p.containerPort)).toContain(12345);
    await expect(designer.node('listener', 'listener_0')).toContainText('0.0.0.0:12345');
  });

  test('invalid input shows a message beside the field and never reaches the files', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    const before = await designer.copiedText('envoy.json');

    await designer.select('listener', 'listener_0');
    const port = designer.inspector.getByLabel('Port', { exact: true });
    await port.fill('70000');
    await expect(port).toHaveAttribute('aria-invalid', 'true');
    await expect(designer.inspector).toContainText('must be between 1 and 65535');
    const name = designer.inspector.getByLabel('Name', { exact: true });
    await name.fill('');
    await expect(name).toHaveAttribute('aria-invalid', 'true');

    await designer.add('Cluster');
    const clusterName = designer.inspector.getByLabel('Name', { exact: true });
    await clusterName.fill('service');
    await expect(clusterName).toHaveAttribute('aria-invalid', 'true');
    await expect(designer.inspector).toContainText('another cluster is already named "service"');
    await designer.inspector.getByRole('button', { name: 'Delete cluster' }).click();

    await designer.node('route', 'service').getByTestId('rule-1').getByRole('button').click();
    await designer.inspector.getByLabel('Path match').selectOption('safe_regex');
    const path = designer.inspector.getByLabel('Path', { exact: true });
    await path.fill('(');
    await expect(path).toHaveAttribute('aria-invalid', 'true');

    const after = JSON.parse(await designer.copiedText('envoy.json'));
    const expected = JSON.parse(before);
    // Only the valid edit (the regex path kind with the old path) went through.
    expected.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes[0].match = { safe_regex: { regex: '/' } };
    expect(after).toEqual(expected);
    expect(designer.consoleErrors).toEqual([]);
  });

  test('selecting an element reveals its part of the Envoy config', async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.openTab('envoy.yaml');
    await designer.select('cluster', 'service');
    const panel = designer.preview.getByRole('tabpanel');
    await expect(panel).toHaveAttribute('data-highlight-start', /\d+/);
    const text = await designer.copiedText('envoy.yaml');
    const start = Number(await panel.getAttribute('data-highlight-start'));
    expect(text.split('\n')[start - 1]).toContain('- name: service');
    expect(text.split('\n').slice(start).join('\n')).toContain('type: STATIC');
  });

  test('the preview collapses and the theme follows the toggle', async ({ page }) => {
    const designer = new DesignerPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await designer.open();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('button', { name: /Theme: system/ }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(designer.preview.getByRole('tablist')).toBeHidden();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(designer.preview.getByRole('tablist')).toBeVisible();
  });
});

test.describe('a big design', () => {
  test('draws the edges near the view, and an element’s edges once it is brought into view', async ({ page }) => {
    // 1 listener, 46 routes of 50 rules, 460 clusters: 2,346 edges; seen whole, the top of it is in view.
    test.slow(); // a big design, and in CI another worker shares the two cores
    const design = buildDesign(2300);
    const designer = new DesignerPage(page);
    await page.goto(`/#${encodePermalink(design)}`);
    // The canvas first; the panels beside it can take long to follow under load, and are not needed.
    await expect(designer.canvas.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
    const edges = designer.canvas.locator('.react-flow__edge');
    const last = design.clusters.at(-1)!;
    const edgesToLast = designer.canvas.locator(`.react-flow__edge[data-id$="→${last.id}"]`);
    expect(await edges.count()).toBeGreaterThan(0);
    expect(await edges.count()).toBeLessThan(600);
    // The last cluster is far below the view: neither it nor the edges to it are drawn.
    await expect(designer.node('cluster', last.name)).toHaveCount(0);
    await expect(edgesToLast).toHaveCount(0);
    // Chosen in the outline, the canvas brings it into view, with the edges of the rules that use it.
    await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: last.name, exact: true }).click();
    await expect(designer.node('cluster', last.name)).toBeVisible({ timeout: 30_000 });
    await expect(edgesToLast).toHaveCount(5, { timeout: 30_000 });
  });
});
