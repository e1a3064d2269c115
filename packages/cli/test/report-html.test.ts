import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMockApi } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf, isoOf } from '../src/report/compute/calendar.js';
import { monthPeriod, type ReportSettings, weekPeriod } from '../src/report/compute/period.js';
import type { Block } from '../src/report/document.js';
import { type LoadedReport, loadReportData } from '../src/report/load.js';
import { renderHtml } from '../src/report/render/html.js';
import { buildReport, type ReportKind } from '../src/report/sections/index.js';
import { localDayOfInstant } from '../src/time/zone.js';

// The HTML report in a real headless browser: Debian's chromium driven by playwright-core.
// Install it with `apt-get install -y chromium`; without it this suite is skipped with the reason printed.
const CHROMIUM = process.env.LOGGD_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`report-html: skipped, no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
const ARTIFACTS = process.env.LOGGD_ARTIFACTS_DIR ?? resolve(import.meta.dirname, '../../../test-artifacts');

const NOW = '2026-04-08T12:00:00Z';

/** How many data marks each chart block must draw. */
function expectedMarks(block: Block): number | undefined {
  switch (block.kind) {
    case 'heatmap':
      return block.cells.length;
    case 'marks':
      return block.rows.length * block.dates.length;
    case 'bars':
    case 'progress':
      return block.rows.length;
    case 'sparkline':
      return block.values.length;
    default:
      return undefined;
  }
}

describe.skipIf(!haveChromium)('HTML report in headless chromium', () => {
  let browser: import('playwright-core').Browser;
  let dir: string;
  let data: LoadedReport;
  let settings: ReportSettings;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    dir = await mkdtemp(join(tmpdir(), 'loggd-html-'));
    const mock = createMockApi({ seed: 7, now: NOW, rateLimit: false });
    const loggd = new Loggd({
      token: 'mock_pro_all',
      fetch: mock.fetch,
      baseUrl: mock.baseUrl,
      rateLimit: false,
    });
    const profile = await loggd.profile.get();
    const today = localDayOfInstant(Date.parse(NOW), profile.timezone);
    settings = { zone: profile.timezone, weekStart: 0, dayStartsAt: 0, today };
    data = await loadReportData(
      loggd,
      { habits: true, tasks: true, goals: true, focus: true },
      { to: isoOf(today) },
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cases: [ReportKind, () => { from: number; to: number }][] = [
    ['weekly', () => weekPeriod(settings.today, settings.weekStart)],
    ['monthly', () => monthPeriod(settings.today)],
    ['habits', () => ({ from: dayOf('2025-10-06'), to: settings.today })],
    ['focus', () => ({ from: settings.today - 13, to: settings.today })],
    ['tasks', () => ({ from: dayOf('2026-01-05'), to: dayOf('2026-04-12') })],
    ['goals', () => ({ from: settings.today, to: settings.today })],
  ];

  it.each(cases)('%s: no console errors, no network, every chart with its marks', async (kind, period) => {
    const built = buildReport(kind, data, period(), settings, { explain: true });
    const file = join(dir, `${kind}.html`);
    await writeFile(file, renderHtml(built.doc));
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const charts = built.doc.blocks
      .map((b, i) => ({ id: `c${i}`, kind: b.kind, marks: expectedMarks(b) }))
      .filter((c) => c.marks !== undefined);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const count = await page.locator(`svg[data-chart="${chart.id}"] .mark`).count();
      expect([chart.id, chart.kind, count]).toEqual([chart.id, chart.kind, chart.marks]);
    }
    // No page-wide horizontal scroll on a phone: wide charts scroll inside their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (kind === 'weekly' || kind === 'habits') {
      await mkdir(ARTIFACTS, { recursive: true });
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.screenshot({ path: join(ARTIFACTS, `report-${kind}.png`), fullPage: true });
    }
    await page.close();
  });
});
