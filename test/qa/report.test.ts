import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expandExportInputs } from '../../src/qa/cli.ts';
import { runQa, type QaRunSummary } from '../../src/qa/run.ts';
import type { QaFinding } from '../../src/qa/types.ts';
import { loadAnalyzer } from './helpers/analyzer.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const CHARTS = ['chart-scores', 'chart-agents', 'chart-rules', 'chart-anger', 'chart-transfers', 'chart-ack'];
const INJECTION = '<script>window.pwned=1</script>';

describe('QA HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let summary: QaRunSummary;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-qa-report-'));
    // Customer and agent text that would run script if the report did not escape it.
    const hostile = join(dir, 'hostile.csv');
    writeFileSync(
      hostile,
      'conversation_id,timestamp,role,author,subject,text\n' +
        `x-1,2024-09-01T10:00:00Z,customer,"<img src=x onerror=window.pwned=2>",<b onmouseover=window.pwned=3>Refund</b>,"I typed ${INJECTION} in your form and it broke. This is ridiculous!"\n` +
        `x-1,2024-09-01T10:30:00Z,agent,Eve,,"Sorry. ${INJECTION} That is the billing department, please contact them."\n`,
    );
    const vendors = ['zendesk', 'freshdesk', 'helpscout', 'intercom', 'generic'].map((v) => new URL(`../fixtures/exports/${v}/`, import.meta.url).pathname);
    const inputs = [...expandExportInputs(vendors), hostile];
    summary = await runQa({ inputs, outDir: join(dir, 'out'), workers: 0, analyzer: await loadAnalyzer(), title: 'Fixture team' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(summary.files.report).href);
    await page.waitForFunction(() => (window as unknown as { qaChartsDrawn?: number }).qaChartsDrawn === 6, undefined, { timeout: 15_000 });
  });

  after(async () => {
    await browser?.close();
  });

  it('draws all six charts on their canvases', async () => {
    for (const id of CHARTS) {
      const painted = await page.evaluate((canvasId) => {
        const c = document.getElementById(canvasId) as HTMLCanvasElement | null;
        if (!c || c.width === 0 || c.height === 0) return 0;
        const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      }, id);
      assert.ok(painted > 500, `${id} has ${painted} painted pixels`);
    }
    assert.deepEqual(errors, []);
  });

  it('shows the summary numbers of the run', async () => {
    const cards = await page.locator('.card').allInnerTexts();
    assert.ok(cards.some((c) => c.includes(String(summary.totals.conversations)) && c.includes('conversations scored')));
    assert.ok(cards.some((c) => c.includes(String(summary.totals.problems.skipped)) && c.includes('skipped')));
    const skipped = await page.locator('#skipped').innerText();
    assert.match(skipped, /messages\.csv\s+13\s+malformed CSV row/);
  });

  it('highlights exactly the flagged words of every finding in the worst conversations, with their fixes', async () => {
    const worst = summary.totals.worst;
    assert.ok(worst.length > 0);
    for (let rank = 0; rank < worst.length; rank++) {
      const { result } = worst[rank];
      const shown = await page.evaluate((r) => {
        const conv = document.getElementById(`conv-${r}`) as HTMLDetailsElement;
        conv.open = true;
        return [...conv.querySelectorAll('.turn')].map((turn) => ({
          marks: [...turn.querySelectorAll('mark')].map((m) => ({ rules: (m.getAttribute('data-rules') ?? '').split(' '), text: m.textContent ?? '' })),
          fixes: (turn.querySelector('ul.fixes') as HTMLElement | null)?.innerText ?? '',
        }));
      }, rank);
      const byTurnRule = new Map<string, QaFinding[]>();
      for (const f of result.findings) {
        const key = `${f.turn}:${f.ruleId}`;
        byTurnRule.set(key, [...(byTurnRule.get(key) ?? []), f]);
      }
      for (const [key, findings] of byTurnRule) {
        const [turn, rule] = [Number(key.split(':')[0]), key.split(':')[1]];
        const marked = shown[turn].marks.filter((m) => m.rules.includes(rule)).map((m) => m.text).join('');
        const expected = findings.filter((f) => f.range[1] > f.range[0]).sort((a, b) => a.range[0] - b.range[0]).map((f) => f.excerpt).join('');
        assert.equal(marked, expected, `conversation ${result.id} turn ${turn} rule ${rule}`);
        assert.ok(shown[turn].fixes.includes(rule), `fix list names ${rule}`);
        for (const f of findings) if (f.suggestion?.text.trim()) assert.ok(shown[turn].fixes.includes(f.suggestion.text.trim()), `suggested fix for ${rule} shown`);
      }
    }
  });

  it('prints each suggested sentence once, counts in words, and says what the calmed share is a share of', async () => {
    const fixes = await page.locator('#worst .fix').allInnerTexts();
    const quoted = fixes.map((fix) => [fix, fix.match(/“([^”]{12,})”/)?.[1]] as const).filter(([, q]) => q);
    assert.ok(quoted.length > 0, 'the fixtures produce insertion fixes');
    for (const [fix, q] of quoted) assert.equal(fix.split(q as string).length - 1, 1, `shown once: ${fix}`);
    const heads = await page.locator('#worst summary').allInnerTexts();
    assert.ok(heads.every((h) => !h.includes('(s)')), heads.join('\n'));
    const e = summary.totals.effects;
    const answered = e.calmed + e.neutral + e.inflamed;
    const cards = await page.locator('.card').allInnerTexts();
    assert.ok(cards.some((c) => c.includes(`${Math.round((e.calmed / answered) * 100)}%`) && c.includes(`of ${answered} ${answered === 1 ? 'reply' : 'replies'} the customer answered`)), cards.join(' | '));
  });

  it('escapes customer and agent text: hostile markup is shown, never run', async () => {
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    const text = await page.locator('#worst').innerText();
    assert.ok(text.includes(INJECTION), 'the script tag is visible as text');
    assert.equal(await page.locator('#worst img, #worst b[onmouseover]').count(), 0);
  });

  it('makes no network request and references nothing outside the file', async () => {
    assert.deepEqual(requests, [pathToFileURL(summary.files.report).href]);
    const external = await page.evaluate(() => [...document.querySelectorAll('[src],[href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href')));
    assert.deepEqual(external, []);
    const html = readFileSync(summary.files.report, 'utf8');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });
});

// The documented newcomer sample (24 brands, 18 rules flagged): enough bars that Chart.js would skip
// labels, and real data to check the report's claims against.
describe('QA report of the real-data sample in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let summary: QaRunSummary;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-qa-sample-'));
    const sample = new URL('../fixtures/exports/sample/twitter-support.jsonl', import.meta.url).pathname;
    summary = await runQa({ inputs: [sample], outDir: join(dir, 'out'), workers: 0, analyzer: await loadAnalyzer(), title: 'Twitter support sample' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(pathToFileURL(summary.files.report).href);
    await page.waitForFunction(() => (window as unknown as { qaChartsDrawn?: number }).qaChartsDrawn === 6, undefined, { timeout: 15_000 });
  });

  after(async () => {
    await browser?.close();
  });

  it('names every bar of the by-agent and by-rule charts', async () => {
    for (const id of ['chart-agents', 'chart-rules']) {
      const { labels, ticks } = await page.evaluate((canvasId) => {
        type ChartLike = { data: { labels: string[] }; scales: { y: { ticks: unknown[] } } };
        const chart = (window as unknown as { Chart: { getChart(id: string): ChartLike } }).Chart.getChart(canvasId);
        return { labels: chart.data.labels.length, ticks: chart.scales.y.ticks.length };
      }, id);
      assert.equal(labels, 15, `${id} shows the top 15`);
      assert.equal(ticks, labels, `${id}: ${ticks} of ${labels} bars labelled`);
    }
  });

  it('states what the data says: upset share, acknowledgement gap, top rule and transfers', async () => {
    const t = summary.totals;
    const takeaways = await page.locator('#takeaways').innerText();
    const pct = (n: number, d: number): string => `${Math.round((n / d) * 100)}%`;
    assert.ok(takeaways.includes(`${t.upset} conversations (${pct(t.upset, t.conversations)}) had an upset customer; ${pct(t.ack[5], t.upset)} of those never got an acknowledgement`), takeaways);
    const [topRule, top] = Object.entries(t.byRule).sort((a, b) => b[1].count - a[1].count)[0];
    assert.ok(takeaways.includes(`The most frequent finding is ${topRule} (${top.principle}): ${top.count} times`), takeaways);
    const transferred = t.conversations - t.transfersHist[0];
    assert.ok(takeaways.includes(`${transferred} conversations (${pct(transferred, t.conversations)}) handed the customer to someone else (${t.transfers} transfers in all)`), takeaways);
  });
});
