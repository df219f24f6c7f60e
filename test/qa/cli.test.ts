import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeJsonlArchive } from '../../src/qa/synthetic.ts';
import { analyzerSpec } from './helpers/analyzer.ts';

const BIN = fileURLToPath(new URL('../../bin/defuse.js', import.meta.url));
// One small export per vendor; the larger real-data sample in exports/sample is exercised separately.
const VENDORS = ['zendesk', 'freshdesk', 'helpscout', 'intercom', 'generic'].map((v) => fileURLToPath(new URL(`../fixtures/exports/${v}/`, import.meta.url)));
const SAMPLE = fileURLToPath(new URL('../fixtures/exports/sample/twitter-support.jsonl', import.meta.url));
const ANALYZER = `${fileURLToPath(analyzerSpec.module)}#${analyzerSpec.exportName}`;

function defuse(args: string[], onSpawn?: (pid: number) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    onSpawn?.(child.pid as number);
  });
}

describe('defuse qa (command line)', () => {
  it('scores the sample exports, prints the summary and writes the report and rows', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'defuse-qa-cli-')), 'report');
    const r = await defuse(['qa', ...VENDORS, '--out', out, '--workers', '1', '--analyzer', ANALYZER, '--progress']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Scored 12 conversations/m);
    assert.match(r.stdout, /^Skipped: 4 rows\/records; imported with a detail ignored: 1; analysis failures: 0/m);
    assert.match(r.stdout, /problems\.csv/);
    assert.match(r.stderr, /conversations \| \d+\/s \| ETA/, 'progress bar with rate and ETA on stderr');
    for (const f of ['report.html', 'conversations.csv', 'findings.csv', 'conversations.json', 'findings.json', 'problems.csv', 'summary.json']) assert.ok(existsSync(join(out, f)), f);
    assert.equal(readFileSync(join(out, 'problems.csv'), 'utf8').trim().split('\r\n').length, 1 + 5);
  });

  it('scores the documented real-data sample (525 Twitter support conversations) with nothing skipped', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'defuse-qa-sample-')), 'report');
    const r = await defuse(['qa', SAMPLE, '--out', out, '--analyzer', ANALYZER]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Scored 525 conversations/m);
    assert.match(r.stdout, /^Skipped: 0 rows\/records/m);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { byAgent: Record<string, unknown>; conversations: number };
    assert.equal(summary.conversations, 525);
    assert.equal(Object.keys(summary.byAgent).length, 24, 'one row per brand support account');
  });

  it('fails clearly on a missing file or a bad option', async () => {
    const missing = await defuse(['qa', '/nonexistent/export.json', '--out', join(tmpdir(), 'never')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /not found: \/nonexistent\/export\.json/);
    const badFormat = await defuse(['qa', ...VENDORS, '--format', 'kayako']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /kayako/);
  });

  it('stops on Ctrl-C with a checkpoint (exit 130) and finishes with --resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-qa-sigint-'));
    const input = join(dir, 'archive.jsonl');
    await writeJsonlArchive(input, 4000);
    const out = join(dir, 'out');
    let pid = 0;
    const run = defuse(['qa', input, '--out', out, '--workers', '1', '--analyzer', ANALYZER, '--no-progress'], (p) => (pid = p));
    // The first checkpoint is written once scoring is under way, so the signal handler is installed by then.
    for (let i = 0; i < 1800 && !existsSync(join(out, 'checkpoint.json')); i++) await sleep(100);
    assert.ok(existsSync(join(out, 'checkpoint.json')), 'the run got under way');
    process.kill(pid, 'SIGINT');
    const first = await run;
    assert.equal(first.code, 130, first.stderr);
    assert.match(first.stdout, /^Interrupted after [\d,]+ conversations/m);
    assert.match(first.stdout, /--resume/);
    const second = await defuse(['qa', input, '--out', out, '--workers', '1', '--analyzer', ANALYZER, '--no-progress', '--resume']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^Scored 4,000 conversations \(resumed after [\d,]+ input records\)/m);
    const rows = readFileSync(join(out, 'conversations.csv'), 'utf8').trim().split('\r\n').length - 1;
    assert.equal(rows, 4000);
  });
});
