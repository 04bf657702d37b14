import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyGate } from '../../../src/gate/apply-gate.js';
import type { ReviewResult } from '../../../src/review/result.js';
import { EMPTY_POLICY } from '../../../src/policy/policy.js';
import { renderHtml } from '../../../src/report/html/index.js';
import { review } from '../../../src/review/review.js';
import { recordTriggeredFlow, updateRecordElement, writeProject } from '../../helpers/dx-project.js';
import { fixturesDir, repoRoot } from '../../helpers/paths.js';

/** Debian's package; the tests never download a browser. CI installs it with `apt-get install chromium`. */
const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const XSS = '<img src=x onerror=alert(1)>';

const title = HAS_CHROMIUM ? 'HTML report in headless Chromium' : `HTML report in headless Chromium: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium)`;

describe.skipIf(!HAS_CHROMIUM)(title, () => {
  let browser: Browser;
  const out = mkdtempSync(join(tmpdir(), 'arch-review-html-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a report from a file, recording every request, dialog and console error. */
  async function open(name: string, result: ReviewResult) {
    const file = join(out, name);
    writeFileSync(file, renderHtml(result));
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, file, requests, dialogs, errors };
  }

  it('renders the sample’s summary and an object’s graph, loads nothing else, and saves a screenshot', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    const gated = applyGate(result, { policy: EMPTY_POLICY, asOf: '2026-11-23', gate: { failOn: 'critical', scope: 'all' } });
    const { page, file, requests, errors } = await open('acme.html', gated);

    expect(await page.locator('#summary h2').textContent()).toBe('Summary');
    expect(await page.locator('#verdict').textContent()).toContain('Release gate failed');
    const graph = page.locator('section[data-object="Account"] figure.graph svg');
    await expect.poll(() => graph.count()).toBe(1);
    const box = await graph.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(60);
    expect(await graph.locator('g.node').count()).toBeGreaterThan(3);
    expect(await graph.locator('g.node').first().textContent()).toContain('Account');
    // Styles apply (the CSP hash matches): a critical badge is coloured.
    const badge = await page.evaluate("getComputedStyle(document.querySelector('.badge.critical')).backgroundColor");
    expect(badge).toBe('rgb(130, 7, 30)');
    // Only the file itself was requested, and nothing was refused by the CSP.
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);

    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    const shot = join(out, 'acme-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    await graph.screenshot({ path: join(out, 'acme-account-graph.png') });
    copyFileSync(shot, join(repoRoot, 'test-results', 'acme-report.png'));
    copyFileSync(join(out, 'acme-account-graph.png'), join(repoRoot, 'test-results', 'acme-account-graph.png'));
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('filters findings and objects with the inline script', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    const { page } = await open('acme-filters.html', result);
    const total = result.findings.length;
    expect(await page.locator('#findings-shown').textContent()).toBe(String(total));
    await page.selectOption('select[data-filter="severity"]', 'critical');
    const critical = result.findings.filter((finding) => finding.severity === 'critical').length;
    expect(await page.locator('#findings-shown').textContent()).toBe(String(critical));
    expect(await page.locator('[data-finding]:visible').count()).toBe(critical);
    await page.selectOption('select[data-filter="severity"]', '');
    await page.selectOption('select[data-filter="object"]', 'Case');
    expect(await page.locator('section[data-object="Account"]').isHidden()).toBe(true);
    expect(await page.locator('section[data-object="Case"]').isVisible()).toBe(true);
    await page.close();
  });

  it('keeps a hostile flow label inert: no dialog, no element, the text shows as written', async () => {
    const [path, xml] = recordTriggeredFlow({
      name: 'Account_Hostile',
      object: 'Account',
      triggerType: 'RecordAfterSave',
      recordTriggerType: 'Update',
      elements: updateRecordElement('Touch', { inputReference: '$Record', fields: { Description: 'x' } }),
      firstElement: 'Touch',
    });
    const escaped = XSS.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const root = writeProject([[path, xml.replace('<label>Account_Hostile</label>', `<label>${escaped}</label>`)]]);
    const { result } = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });
    expect(result.objects.find((pipeline) => pipeline.object === 'Account')?.entries.some((entry) => entry.label === XSS)).toBe(true);
    const hostile: ReviewResult = {
      ...result,
      findings: [
        ...result.findings,
        { ruleId: 'recursion/self-update', severity: 'high', category: 'recursion', message: XSS, object: XSS, components: [{ type: 'Flow', name: XSS, file: XSS }], evidence: [{ text: XSS }], fingerprint: 'x55x55x55x55x55x' },
      ],
    };
    const { page, dialogs, errors } = await open('hostile.html', hostile);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain(XSS);
    expect(await page.locator('section[data-object="Account"] table.pipeline').textContent()).toContain(XSS);
    expect(await page.locator('section[data-object="Account"] svg title').allTextContents()).toContainEqual(expect.stringContaining(XSS));
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(out, 'hostile.png'), fullPage: true });
    copyFileSync(join(out, 'hostile.png'), join(repoRoot, 'test-results', 'hostile-report.png'));
    await page.close();
  });
});
