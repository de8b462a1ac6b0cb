// What a user of either demo app (new frontend system or legacy) sees of the plugin, checked
// the same way on both: the overview, a service's entity page with its cards and Compliance
// tab, the sidebar entries, and a non-service entity without any of the plugin's cards.
import assert from 'node:assert/strict';

/** The demo's website component: in the catalog, not a service, so not scored. */
export const NON_SERVICE = 'kestrel-web';

/** The titles of the plugin's entity cards (card titles are not headings in the DOM). */
const CARD_TITLES = [
  'Architecture compliance',
  'Ownership',
  'Health',
  'Dependencies',
];

function apiGet(backstage, path) {
  return fetch(`${backstage.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${backstage.token}` },
  }).then(async r => {
    if (!r.ok)
      throw new Error(`GET ${path} answered ${r.status}: ${await r.text()}`);
    return r.json();
  });
}

/** The entity page's Compliance tab: a MUI tab in the legacy app, a header link in the new one. */
export function complianceTab(page) {
  return page
    .getByRole('tab', { name: 'Compliance', exact: true })
    .or(page.getByRole('link', { name: 'Compliance', exact: true }))
    .first();
}

/** The overview lists the services with their score and level, as the API has them. */
export async function checkOverview(page, backstage) {
  const { items } = await apiGet(
    backstage,
    '/api/microservices/services?orderBy=name&limit=3',
  );
  assert.ok(items.length > 0, 'the API lists services');
  await page.getByRole('heading', { name: /^Services \(\d+\)$/ }).waitFor();
  for (const service of items) {
    const row = page
      .getByRole('row')
      .filter({ hasText: service.title ?? service.name })
      .first();
    await row.waitFor();
    const text = await row.innerText();
    assert.match(
      text,
      new RegExp(`\\b${service.score}\\b`),
      `score of ${service.name}: ${text}`,
    );
    assert.match(
      text,
      new RegExp(service.level, 'i'),
      `level of ${service.name}: ${text}`,
    );
  }
}

/**
 * A service's entity page (already open): the compliance, ownership, health and dependencies
 * cards, then its Compliance tab with the checks.
 */
export async function checkServiceEntityPage(page, backstage, name) {
  const detail = await apiGet(
    backstage,
    `/api/microservices/services/default/${name}`,
  );
  await page.getByText(`Score ${detail.score} of 100`).first().waitFor();
  await page.getByText('Owning team').waitFor();
  await page.getByText('Uptime 24 h').waitFor();
  await page.getByTestId('dependency-graph').waitFor();
  await page
    .getByRole('region', { name: 'Datastores and other resources' })
    .waitFor();
  for (const title of CARD_TITLES) {
    assert.ok(
      (await page.getByText(title, { exact: true }).count()) >= 1,
      `a "${title}" card on ${name}`,
    );
  }

  await complianceTab(page).click();
  await page.waitForURL(new RegExp(`/${name}/compliance$`));
  // Failing checks are shown expanded (passing ones may be folded away).
  const check = detail.checks.find(c => c.status === 'fail');
  assert.ok(check, `${name} fails a check in the demo landscape`);
  await page.getByTestId(`check-${check.id}`).waitFor();
  await page
    .getByRole('img', { name: /Line chart of the score over time/ })
    .waitFor();
}

/**
 * A non-service entity page (already open): once the catalog's About card shows, the page has
 * no card of the plugin and no Compliance tab.
 */
export async function checkNonServiceEntityPage(page) {
  await page.getByText('About', { exact: true }).first().waitFor();
  await page.getByText('A website, so it is not scored').waitFor();
  // Cards load lazily: let every request of the page finish before counting what is absent.
  await page.waitForLoadState('networkidle');
  for (const title of CARD_TITLES) {
    assert.equal(
      await page.getByText(title, { exact: true }).count(),
      0,
      `no "${title}" card on ${NON_SERVICE}`,
    );
  }
  assert.equal(await page.getByText(/Score \d+ of 100/).count(), 0, 'no score');
  assert.equal(await complianceTab(page).count(), 0, 'no Compliance tab');
}

/** The sidebar's Microservices and Architecture entries lead to the overview and the dashboard. */
export async function checkSidebar(page) {
  const sidebar = page.getByTestId('sidebar-root');
  await sidebar.getByRole('link', { name: 'Architecture' }).click();
  await page.waitForURL(/\/microservices\/dashboard$/);
  await page.getByRole('table', { name: 'Pass rate per principle' }).waitFor();
  await sidebar.getByRole('link', { name: 'Microservices' }).click();
  await page.waitForURL(/\/microservices$/);
  await page.getByRole('heading', { name: /^Services \(\d+\)$/ }).waitFor();
}
