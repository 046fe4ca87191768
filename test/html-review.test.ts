import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipshape } from './helpers/cli';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('--html review page in headless Chromium', () => {
  let dir: string;
  let report: any;
  let context: BrowserContext;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-html-')));
    fs.cpSync(path.join(__dirname, '..', 'examples', 'fleet'), path.join(dir, 'fleet'), { recursive: true });
    const r = shipshape(path.join(dir, 'fleet'), ['run', '-t', 'all', '--html', path.join(dir, 'review.html'), '--json', path.join(dir, 'report.json'), '-q']);
    expect(r.code, r.stderr).toBe(0);
    report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-chromium-')), { executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
  });

  it('loads with no console error and no network request, shows every changed file, and the filters and views work', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(path.join(dir, 'review.html')).href;
    page.on('request', (req) => req.url() !== url && requests.push(req.url()));
    await page.goto(url);
    await page.waitForSelector('.d2h-wrapper');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    const changed: any[] = report.files.filter((f: any) => f.status === 'changed');
    expect(changed.length).toBeGreaterThan(3);
    const visible = () => page.$$eval('article.file:not(.hidden)', (els) => els.map((e) => (e as HTMLElement).dataset.path));
    for (const f of changed) {
      const article = page.locator(`article.file[data-path="${f.path}"]`);
      await expect(article.isVisible()).resolves.toBe(true);
      // Side by side first: two panes per file.
      expect(await article.locator('.d2h-file-side-diff').count()).toBe(2);
    }

    // A transform filter: only files that transform touched.
    const loopback = report.files.filter((f: any) => f.changes['healthcheck-loopback'] || f.manual.some((m: any) => m.transform === 'healthcheck-loopback')).map((f: any) => f.path);
    expect(loopback.length).toBeGreaterThan(0);
    await page.click('button[data-filter="transform"][data-value="healthcheck-loopback"]');
    expect((await visible()).sort()).toEqual([...loopback].sort());

    // A service filter on top of "all transforms": only that service's files and section.
    await page.click('button[data-filter="transform"][data-value=""]');
    await page.click('button[data-filter="service"][data-value="booking-service"]');
    const booking = report.files.filter((f: any) => f.service === 'booking-service').map((f: any) => f.path);
    expect((await visible()).sort()).toEqual([...booking].sort());
    expect(await page.$$eval('section.service:not(.hidden)', (els) => els.map((e) => (e as HTMLElement).dataset.service))).toEqual(['booking-service']);

    // Unified view: one pane per file.
    await page.click('button[data-filter="service"][data-value=""]');
    await page.click('button[data-view="line-by-line"]');
    expect(await page.locator('.d2h-file-side-diff').count()).toBe(0);
    expect(await page.locator('.d2h-file-diff').count()).toBe(changed.length);

    // An evidence link goes to its line in the diff.
    // (the evidence of a gap this run closes: a line of the diff)
    const link = page.locator('td.verdict-fixed + td a.line-link[data-line]').first();
    await link.click();
    expect(await page.locator('tr.hl').count()).toBe(1);
    // The row is the linked line on the old side of a dry run's diff.
    expect((await page.locator('tr.hl .line-num1').textContent())?.trim()).toBe(await link.getAttribute('data-line'));
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(os.tmpdir(), 'shipshape-review-page.png'), fullPage: false });
  }, 120_000);
});
