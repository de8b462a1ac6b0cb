/* eslint-disable no-console */
// End-to-end layout checks at the widths people use (1280 and 1440 px): the overview fits
// without horizontal scroll or mid-word breaks, the dependency graph is drawn at the page's font
// size without overlapping what follows, missing entities are never links, no page logs an
// error; and a screenshot of each surface at each width under test-results/screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildApp,
  launchBrowser,
  openSignedIn,
  screenshotDir,
  startBackstage,
  skipWithoutChromium,
} from './harness.mjs';

const skip = skipWithoutChromium('end-to-end layout tests');

const WIDTHS = [1280, 1440];
const HEIGHT = 800;
/** The demo's service with the most dependencies, and the one depending on a missing entity. */
const BIGGEST = 'storefront-bff';
const WITH_MISSING = 'campaign-service';
const MISSING_REF = 'legacy-crm';

/**
 * Runs in the page: the places where the text of `root` wraps to a new line in the middle of a
 * word. A line may break after a space, hyphen, slash, dot, colon, comma or underscore (or
 * before a space); any other break is mid-word. Returns a description of each.
 */
function midWordBreaks(root) {
  const allowedBefore = /[\s\-/.:,_;)]/;
  const chars = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find(
        r => r.width > 0 || r.height > 0,
      );
      if (rect)
        chars.push({
          ch: text[i],
          top: rect.top,
          left: rect.left,
          height: rect.height,
          node,
        });
    }
  }
  const breaks = [];
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1];
    const cur = chars[i];
    // A new line: lower and back to the left. Text in separate blocks counts as a break too,
    // so only breaks inside one element's inline content are judged.
    const newLine =
      cur.top > prev.top + prev.height / 2 && cur.left <= prev.left;
    if (!newLine) continue;
    const sameBlock =
      prev.node.parentElement?.closest(
        'p,div,li,td,th,span[style*="block"],h1,h2,h3,h4,h5,h6',
      ) ===
      cur.node.parentElement?.closest(
        'p,div,li,td,th,span[style*="block"],h1,h2,h3,h4,h5,h6',
      );
    if (!sameBlock) continue;
    if (allowedBefore.test(prev.ch) || /\s/.test(cur.ch)) continue;
    const context = chars
      .slice(Math.max(0, i - 12), i + 12)
      .map(c => c.ch)
      .join('');
    breaks.push(`"${context}" breaks between "${prev.ch}" and "${cur.ch}"`);
  }
  return breaks;
}

/** Opens a page at a size, collecting console errors and uncaught exceptions. */
async function openAt(browser, url, width, errors) {
  const page = await openSignedIn(browser, url);
  await page.setViewportSize({ width, height: HEIGHT });
  if (!page.__errorsHooked) {
    page.__errorsHooked = true;
    page.on('console', msg => {
      if (msg.type() === 'error')
        page.__errors?.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', err =>
      page.__errors?.push(`uncaught: ${err.message}`),
    );
  }
  page.__errors = errors;
  return page;
}

/** A screenshot of the whole content: the viewport is grown to the page's height first. */
async function screenshotFull(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll('main, main *')]
        .filter(
          e =>
            e.scrollHeight > e.clientHeight + 1 &&
            getComputedStyle(e).overflowY !== 'visible',
        )
        .map(e => e.scrollHeight + e.getBoundingClientRect().top),
    ),
  );
  const { width } = page.viewportSize();
  await page.setViewportSize({
    width,
    height: Math.min(Math.ceil(height) + 40, 8000),
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
  await page.setViewportSize({ width, height: HEIGHT });
}

describe('Layout at 1280 and 1440 px', { skip, timeout: 20 * 60_000 }, () => {
  let backstage;
  let browser;
  const auth = () => ({ Authorization: `Bearer ${backstage.token}` });

  before(async () => {
    buildApp();
    backstage = await startBackstage();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    backstage?.stop();
  });

  const url = p => `${backstage.baseUrl}${p}`;

  WIDTHS.forEach(width => {
    it(`fits the services overview in its card at ${width} px, without mid-word breaks`, async () => {
      const errors = [];
      const page = await openAt(
        browser,
        url('/microservices?pageSize=50'),
        width,
        errors,
      );
      await page.getByRole('heading', { name: /^Services \(\d+\)$/ }).waitFor();
      const table = page.locator('table').filter({
        has: page.getByRole('columnheader', { name: /score and level/i }),
      });
      await table.locator('tbody tr a').first().waitFor();

      const fit = await table.evaluate(t => {
        let card = t.parentElement;
        while (card && !String(card.className).includes('MuiPaper-root'))
          card = card.parentElement;
        return { table: t.scrollWidth, card: card?.clientWidth ?? 0 };
      });
      assert.ok(fit.card > 0, 'the table is in a card');
      assert.ok(
        fit.table <= fit.card,
        `table ${fit.table} px wide in a ${fit.card} px card`,
      );

      const header = table.getByRole('columnheader', {
        name: /score and level/i,
      });
      const headerBreaks = await header.evaluate(th => {
        // The lines its text takes: characters more than half a line apart are on two lines.
        const tops = [];
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const r = range.getBoundingClientRect();
            if (r.height > 0) tops.push({ top: r.top, height: r.height });
          }
        }
        let lines = tops.length ? 1 : 0;
        for (let i = 1; i < tops.length; i++) {
          if (tops[i].top > tops[i - 1].top + tops[i - 1].height / 2)
            lines += 1;
        }
        return lines;
      });
      assert.equal(headerBreaks, 1, '"Score and level" is on one line');

      const breaks = await table.locator('tbody').evaluate(midWordBreaks);
      assert.deepEqual(
        breaks,
        [],
        `mid-word breaks in the overview:\n${breaks.join('\n')}`,
      );

      await screenshotFull(page, `overview-${width}`);
      assert.deepEqual(
        errors,
        [],
        `console errors on the overview:\n${errors.join('\n')}`,
      );
    });
  });

  [BIGGEST, WITH_MISSING].forEach(name => {
    WIDTHS.forEach(width => {
      it(`draws the dependency graph of ${name} at the page's font size, overlapping nothing, at ${width} px`, async () => {
        const errors = [];
        const page = await openAt(
          browser,
          url(`/catalog/default/component/${name}`),
          width,
          errors,
        );
        const graph = page.getByTestId('dependency-graph');
        await graph.locator('[data-graph-node]').first().waitFor();
        // The edges are drawn once the nodes are laid out.
        await graph.locator('svg path').first().waitFor({ state: 'attached' });

        const layout = await graph.evaluate(g => {
          const box = g.getBoundingClientRect();
          const rect = r => ({
            top: r.top,
            bottom: r.bottom,
            left: r.left,
            right: r.right,
          });
          const followers = [];
          for (let e = g.nextElementSibling; e; e = e.nextElementSibling)
            followers.push(rect(e.getBoundingClientRect()));
          const nodes = [...g.querySelectorAll('[data-graph-node] > *')].map(
            n => rect(n.getBoundingClientRect()),
          );
          const labels = [
            ...g.querySelectorAll(
              '[data-graph-node] a, [data-graph-node] [data-missing], [data-graph-node] button',
            ),
          ];
          const bodyFont = parseFloat(getComputedStyle(document.body).fontSize);
          const fonts = labels.map(l =>
            parseFloat(getComputedStyle(l).fontSize),
          );
          // Clipping: the graph's scroll area holds all of it, and no ancestor cuts it off.
          let clipped = false;
          for (
            let a = g.parentElement;
            a && a !== document.body;
            a = a.parentElement
          ) {
            const style = getComputedStyle(a);
            if (style.overflowY === 'hidden' || style.overflowY === 'clip') {
              const r = a.getBoundingClientRect();
              if (box.bottom > r.bottom + 1) clipped = true;
            }
          }
          return {
            box: rect(box),
            followers,
            nodes,
            bodyFont,
            fonts,
            clipped,
            cardWidth: g.parentElement.clientWidth,
            width: box.width,
          };
        });

        const intersects = (a, b) =>
          a.left < b.right &&
          b.left < a.right &&
          a.top < b.bottom &&
          b.top < a.bottom;
        assert.ok(layout.followers.length > 0, 'the lists follow the graph');
        for (const f of layout.followers) {
          assert.ok(
            !intersects(layout.box, f),
            `the graph ${JSON.stringify(layout.box)} overlaps ${JSON.stringify(
              f,
            )}`,
          );
        }
        for (const n of layout.nodes) {
          assert.ok(
            n.bottom <= layout.box.bottom + 1 && n.top >= layout.box.top - 1,
            `node ${JSON.stringify(n)} outside the graph ${JSON.stringify(
              layout.box,
            )}`,
          );
        }
        assert.ok(!layout.clipped, 'the graph is not clipped');
        assert.ok(
          layout.width <= layout.cardWidth + 1,
          `graph ${layout.width} px wider than its card ${layout.cardWidth} px`,
        );
        assert.ok(layout.fonts.length > 0, 'the graph has labels');
        for (const size of layout.fonts) {
          const ratio = size / layout.bodyFont;
          assert.ok(
            ratio >= 0.8 && ratio <= 1.3,
            `label font ${size} px vs body ${
              layout.bodyFont
            } px (ratio ${ratio.toFixed(2)})`,
          );
        }

        // No link in the card leads to an entity that is not in the catalog.
        const card = graph.locator(
          'xpath=ancestor::*[contains(@class, "MuiCard-root")][1]',
        );
        const hrefs = await card
          .locator('a[href^="/catalog/"]')
          .evaluateAll(as => as.map(a => a.getAttribute('href')));
        assert.ok(hrefs.length > 0, 'the card links to entities');
        for (const href of new Set(hrefs)) {
          assert.ok(
            !href.includes(`/${MISSING_REF}`),
            `links to the missing ${MISSING_REF}: ${href}`,
          );
          const [, namespace, kind, entityName] = href.split('/').slice(1);
          const res = await fetch(
            url(
              `/api/catalog/entities/by-name/${kind}/${namespace}/${decodeURIComponent(
                entityName,
              )}`,
            ),
            { headers: auth() },
          );
          assert.equal(
            res.status,
            200,
            `${href} leads to an entity that is not in the catalog`,
          );
        }
        if (name === WITH_MISSING) {
          const missing = graph
            .locator('[data-missing]')
            .filter({ hasText: MISSING_REF });
          assert.equal(
            await missing.count(),
            1,
            `${MISSING_REF} is drawn as missing`,
          );
          assert.match(await missing.innerText(), /not in the catalog/);
          const list = page.getByRole('region', { name: 'Depends on' });
          await list.getByText('not in the catalog').waitFor();
        }

        if (width === 1280 || name === BIGGEST) {
          await screenshotFull(page, `entity-${name}-${width}`);
        }
        assert.deepEqual(
          errors,
          [],
          `console errors on ${name}:\n${errors.join('\n')}`,
        );
      });
    });
  });

  const surfaces = [
    {
      name: 'compliance',
      path: `/catalog/default/component/${WITH_MISSING}/compliance`,
      ready: p => p.getByText(/^Score \d+ of 100$/).first(),
    },
    {
      name: 'dashboard',
      path: '/microservices/dashboard',
      ready: p => p.getByRole('table', { name: 'Pass rate per principle' }),
    },
    {
      name: 'principles',
      path: '/microservices/principles',
      ready: p =>
        p
          .getByRole('link', { name: /^Why .* matters and how to comply$/ })
          .first(),
    },
  ];
  surfaces.forEach(surface => {
    WIDTHS.forEach(width => {
      it(`shows the ${surface.name} page without console errors or overflow at ${width} px`, async () => {
        const errors = [];
        const page = await openAt(browser, url(surface.path), width, errors);
        await surface.ready(page).waitFor();
        await page.waitForTimeout(500);
        const overflow = await page.evaluate(() => {
          const main = document.querySelector('main');
          return { scroll: main.scrollWidth, client: main.clientWidth };
        });
        assert.ok(
          overflow.scroll <= overflow.client + 1,
          `the page scrolls sideways: ${JSON.stringify(overflow)}`,
        );
        if (surface.name === 'dashboard') {
          const breaks = [];
          for (const table of await page.locator('main table').all()) {
            breaks.push(...(await table.evaluate(midWordBreaks)));
          }
          assert.deepEqual(
            breaks,
            [],
            `mid-word breaks on the dashboard:\n${breaks.join('\n')}`,
          );
        }
        await screenshotFull(page, `${surface.name}-${width}`);
        assert.deepEqual(
          errors,
          [],
          `console errors on ${surface.path}:\n${errors.join('\n')}`,
        );
      });
    });
  });
});
