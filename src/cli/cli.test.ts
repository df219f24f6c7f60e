// End-to-end tests of the `defuse` command: each spawns the real bin/defuse.js on temporary files.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/defuse.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'defuse-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(args: string[], opts: { input?: string; cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // --no-config unless a test is about config, so a config file above the temp dir cannot leak in.
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

const BARE = "Hi Ana,\n\nI'm sorry. I'll check with the warehouse today.\n\nSam\n";

describe('defuse check', () => {
  it('reports file:line:col, severity, message, rule id and the note; warnings alone exit 0', async () => {
    const path = file('bare.txt', BARE);
    const { code, stdout } = await run(['check', '--no-config', path]);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^${path.replace(/[/\\^$.*+?()[\]{}|]/g, '\\$&')}:3:1  warning  .+  no-bare-sorry$`, 'm'));
    // The note (the why) is on the next line, indented.
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.endsWith('no-bare-sorry'));
    assert.match(lines[at + 1], /^ {4}\S/);
  });

  it('exits 1 when a finding has error severity (config raises it), 0 when the config turns the rule off', async () => {
    const path = file('bare2.txt', BARE);
    file('strict.json', JSON.stringify({ rules: { 'no-bare-sorry': 'error' } }));
    const strict = await run(['check', '--config', 'strict.json', path]);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /error {2}.+no-bare-sorry/);
    file('off.json', JSON.stringify({ rules: { 'no-bare-sorry': 'off' } }));
    const off = await run(['check', '--config', 'off.json', '--format', 'json', path]);
    assert.equal(off.code, 0);
    const ids = JSON.parse(off.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId);
    assert.ok(!ids.includes('no-bare-sorry'));
  });

  it('finds .defuserc.json upward from the working directory', async () => {
    const sub = mkdtempSync(join(dir, 'proj-'));
    writeFileSync(join(sub, '.defuserc.json'), JSON.stringify({ rules: { 'no-bare-sorry': 'error' } }));
    const nested = mkdtempSync(join(sub, 'macros-'));
    writeFileSync(join(nested, 'r.txt'), BARE);
    const { code } = await run(['check', 'r.txt'], { cwd: nested });
    assert.equal(code, 1);
  });

  it('rejects a bad config with exit 2 and says what is wrong', async () => {
    const bad = file('bad.json', JSON.stringify({ rules: { 'no-bare-sorry': 'loud' }, phrase: [] }));
    const res = await run(['check', '--config', bad, file('ok.txt', 'Thanks for your patience.')]);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /bad\.json is invalid/);
    assert.match(res.stderr, /no-bare-sorry/);
    assert.match(res.stderr, /phrase/);
    const unknown = await run(['check', '--config', file('unknown.json', JSON.stringify({ rules: { 'no-such-rule': 'off' } })), join(dir, 'ok.txt')]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown rule no-such-rule/);
  });

  it('exits 2 on a missing file and on invalid JSON, naming the position', async () => {
    const missing = await run(['check', '--no-config', join(dir, 'nope.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.txt: no such file/);
    const broken = await run(['check', '--no-config', file('broken.json', '[\n  {"title": "x", "body": "Sorry."},\n  oops\n]')]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\.json:3:3: invalid JSON/);
  });

  it('maps findings in a Zendesk macros export back to the right line and column through JSON escapes', async () => {
    const src = '{"macros": [\n  {"title": "Late", "actions": [{"field": "status", "value": "open"}, {"field": "comment_value", "value": "Hi,\\n\\nI\\u2019m sorry. We\'ll look at it.\\n"}]},\n  {"title": "HTML", "actions": [{"field": "comment_value_html", "value": "<p>Hello,</p><p>I&#39;m sorry.</p>"}]}\n]}\n';
    const path = file('zendesk.json', src);
    const { code, stdout } = await run(['check', '--no-config', '--format', 'json', path]);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.results[0].replies, 2);
    const sorry = report.results[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'no-bare-sorry');
    assert.equal(sorry.length, 2);
    assert.deepEqual(sorry.map((f: { unit: string }) => f.unit), ['Late', 'HTML']);
    // The ranges cover the raw file text, escapes and entities included.
    assert.equal(src.slice(sorry[0].range[0], sorry[0].range[1]), 'I\\u2019m sorry');
    assert.equal(src.slice(sorry[1].range[0], sorry[1].range[1]), 'I&#39;m sorry');
    const line2 = src.split('\n')[1];
    assert.equal(sorry[0].line, 2);
    assert.equal(sorry[0].column, line2.indexOf('I\\u2019m') + 1);
  });

  it('reads Markdown sections and CSV rows as separate macros', async () => {
    const md = file('lib.md', "# Macros\n\n## Late delivery\n\nI'm sorry.\n\n## Refund\n\nYour refund is on its way.\n");
    const csv = file('lib.csv', 'title,body\nLate,"Hi,\n\nI\'m sorry."\nFine,Your refund is on its way.\n');
    const { stdout } = await run(['check', '--no-config', '--format', 'json', md, csv]);
    const [mdRes, csvRes] = JSON.parse(stdout).results;
    assert.equal(mdRes.replies, 2);
    assert.deepEqual(mdRes.findings.filter((f: { ruleId: string }) => f.ruleId === 'no-bare-sorry').map((f: { unit: string; line: number }) => [f.unit, f.line]), [['Late delivery', 5]]);
    assert.equal(csvRes.replies, 2);
    assert.deepEqual(csvRes.findings.filter((f: { ruleId: string }) => f.ruleId === 'no-bare-sorry').map((f: { unit: string; line: number; column: number }) => [f.unit, f.line, f.column]), [['Late', 4, 1]]);
  });

  it('writes SARIF 2.1.0 with the fields GitHub code scanning needs', async () => {
    const path = file('sarif.txt', BARE);
    const { code, stdout } = await run(['check', '--no-config', '--format', 'sarif', path], { cwd: dir });
    assert.equal(code, 0);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif/);
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'defuse');
    const rules = run0.tool.driver.rules as { id: string; helpUri?: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    assert.ok(rules.length > 0);
    for (const r of rules) {
      assert.match(r.id, /^[a-z]+(-[a-z0-9]+)*$/);
      // The published doc (from package.json's repository or homepage), never a file:// path of this machine.
      if (r.helpUri !== undefined) assert.match(r.helpUri, new RegExp(`^https://.*docs/rules/${r.id}\\.md$`));
      assert.ok(r.shortDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
    }
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'no-bare-sorry');
    assert.ok(result, 'no-bare-sorry result');
    assert.equal(rules[result.ruleIndex].id, 'no-bare-sorry');
    assert.equal(result.level, 'warning');
    assert.ok(result.message.text.length > 0);
    const loc = result.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'sarif.txt');
    assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endLine], [3, 1, 3]);
    // The region (1-based, end column exclusive) covers exactly the flagged words of line 3.
    const flagged = BARE.split('\n')[2].slice(loc.region.startColumn - 1, loc.region.endColumn - 1);
    assert.match(flagged, /^I'm sorry/);
    assert.equal(loc.region.snippet.text, flagged);
    assert.ok(Object.values(result.partialFingerprints).every((v) => typeof v === 'string'));
  });

  it('--fix rewrites the file and reports what is left', async () => {
    const path = file('fixme.txt', BARE);
    const { code, stderr } = await run(['check', '--no-config', '--fix', '--issue', 'the late delivery', path]);
    assert.equal(code, 0);
    assert.match(stderr, /applied 1 fix/);
    const fixed = readFileSync(path, 'utf8');
    assert.match(fixed, /^Hi Ana,\n\nI apologize for the late delivery/);
    assert.ok(fixed.endsWith("I'll check with the warehouse today.\n\nSam\n"));
  });

  it('--fix on a JSON export keeps it valid JSON and refuses fixes that would cut through HTML markup', async () => {
    const path = file('fix.json', JSON.stringify([{ title: 'A', body: "I'm sorry.\nWe shipped it." }, { title: 'B', body_html: "<p>I'm <b>sorry</b>.</p>" }], null, 2));
    const { stderr } = await run(['check', '--no-config', '--fix', '--issue', 'the delay', path]);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(data[0].body, 'I apologize for the delay.\nWe shipped it.');
    assert.equal(data[1].body_html, "<p>I'm <b>sorry</b>.</p>");
    assert.match(stderr, /[1-9]\d* fix(?:es)? not applied: the fix would cut through markup/);
  });

  it('reads a reply from stdin and takes the customer message from --context', async () => {
    const { code, stdout } = await run(['check', '--no-config', '--format', 'json', '--context', 'My order is two weeks late and nobody answers!', '-'], { input: "I'm sorry." });
    assert.equal(code, 0);
    const res = JSON.parse(stdout).results[0];
    assert.equal(res.filePath, '<stdin>');
    assert.ok(res.findings.some((f: { ruleId: string }) => f.ruleId === 'no-bare-sorry'));
  });

  it('refuses a --context that looks like a missing file instead of reading its name as the message', async () => {
    const res = await run(['check', '--no-config', '--context', 'customr.txt', '-'], { input: 'Thanks.' });
    assert.equal(res.code, 2);
    assert.match(res.stderr, /--context: no such file: customr\.txt/);
  });

  it('--fix on stdin prints the fixed text to stdout and the report to stderr', async () => {
    const { stdout, stderr } = await run(['check', '--no-config', '--fix', '--issue', 'the delay', '-'], { input: "I'm sorry.\n" });
    assert.equal(stdout, 'I apologize for the delay.\n');
    assert.match(stderr, /applied 1 fix/);
  });
});

describe('defuse analyze', () => {
  it('--jsonl answers every line in order, with error objects for bad lines', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'This is ridiculous, I was charged twice!' }),
      '{not json',
      JSON.stringify({ id: 'b' }),
      '',
      JSON.stringify({ id: 3, text: 42 }),
      JSON.stringify({ id: 'c', text: 'Thanks, all good now.' }),
    ].join('\n');
    const path = file('batch.jsonl', input + '\n');
    const { code, stdout, stderr } = await run(['analyze', '--jsonl', '--no-progress', path]);
    assert.equal(code, 0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(out.map((o) => o.id), ['a', null, 'b', 3, 'c']);
    assert.deepEqual(out.map((o) => o.line), [undefined, 2, 3, 5, undefined]);
    assert.match(out[1].error, /invalid JSON/);
    assert.match(out[2].error, /missing "text"/);
    assert.match(out[3].error, /must be a string/);
    for (const key of ['role', 'anger', 'upset', 'upsetScore', 'sentiment', 'roles', 'issues', 'needs', 'signals']) assert.ok(key in out[0], key);
    assert.equal(out[0].upset, true);
    assert.ok(out[0].upsetScore > out[4].upsetScore, 'the upset message scores above the thanks');
    assert.ok(!('moves' in out[0]), 'a customer line has no reply moves');
    assert.ok(out[0].anger > out[4].anger);
    assert.ok(Array.isArray(out[0].roles) && out[0].roles.every((r: { role: string; range: number[] }) => typeof r.role === 'string' && r.range.length === 2));
    assert.match(stderr, /3 of 5 lines could not be analyzed/);
  });

  it('--jsonl coaches agent lines against their context and reads customer lines as customers', async () => {
    const customer = 'I was charged twice for my order and nobody has answered my e-mails for a week.';
    const input = [
      JSON.stringify({ id: 'r1', role: 'agent', text: 'Sorry for the inconvenience. Please contact your bank about the charge.', context: customer }),
      JSON.stringify({ id: 'r2', role: 'agent', text: 'Hi Maria, I apologize for the double charge. I have refunded the second charge today.', context: customer, customerName: 'Maria Lopez' }),
      JSON.stringify({ id: 'r3', role: 'agent', text: 'Sorry for the inconvenience.' }),
      JSON.stringify({ id: 'c1', role: 'customer', text: customer }),
      JSON.stringify({ id: 'x', role: 'boss', text: 'Hi' }),
      JSON.stringify({ id: 'y', role: 'agent', text: 'Hi', context: 42 }),
    ].join('\n');
    const { stdout } = await run(['analyze', '--jsonl', '--no-progress'], { input });
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    const rules = (o: { findings: { ruleId: string }[] }) => o.findings.map((f) => f.ruleId);
    assert.equal(out[0].role, 'agent');
    assert.ok(rules(out[0]).includes('no-transfer'), 'sending the customer to their bank is a transfer');
    assert.ok(rules(out[0]).includes('no-generic-apology'), 'with the double charge as context, "the inconvenience" is generic');
    assert.ok(!rules(out[2]).includes('no-generic-apology'), 'without context there is nothing concrete to name');
    assert.ok(!('upset' in out[0]) && !('anger' in out[0]), 'an agent line is not read as an upset customer');
    assert.ok(out[1].moves.some((m: { move: string }) => m.move === 'name'), 'the CRM name counts as naming the customer');
    assert.ok(out[1].score > out[0].score);
    assert.equal(out[3].role, 'customer');
    assert.equal(out[3].upset, true);
    assert.match(out[4].error, /"role" must be "customer" or "agent"/);
    assert.match(out[5].error, /"context" must be a string/);
  });

  it('--jsonl reads stdin and shows a progress bar on stderr only when asked', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? 'I am furious, this is the third time!' : 'Thanks!' })).join('\n');
    const { stdout, stderr } = await run(['analyze', '--jsonl', '--progress'], { input: lines });
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(out.map((o) => o.id), Array.from({ length: 50 }, (_, i) => i));
    assert.match(stderr, /50 lines/);
    const quiet = await run(['analyze', '--jsonl'], { input: lines });
    assert.equal(quiet.stderr, '');
  });

  it('--jobs takes a whole number or auto, and says so otherwise', async () => {
    const line = JSON.stringify({ id: 'a', text: 'Still waiting!' });
    for (const jobs of ['1', '3', 'auto']) {
      const ok = await run(['analyze', '--jsonl', '--jobs', jobs], { input: line });
      assert.equal(ok.code, 0, jobs);
      assert.equal(JSON.parse(ok.stdout).id, 'a');
    }
    const bad = await run(['analyze', '--jsonl', '--jobs', '0'], { input: line });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--jobs takes a whole number from 1 to 64, or auto \(got 0\)/);
  });

  it("reads an agent's courtesy apology on an agent line as coaching, not as an upset customer", async () => {
    const text = 'Sorry about that, Maria. Could you DM us your order number?';
    const input = [JSON.stringify({ id: 'a', role: 'agent', text }), JSON.stringify({ id: 'c', text })].join('\n');
    const { stdout } = await run(['analyze', '--jsonl', '--no-progress', '--no-config'], { input });
    const [agent, asCustomer] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(!('upset' in agent) && !('upsetScore' in agent) && Array.isArray(agent.moves));
    assert.equal(asCustomer.upset, false, String(asCustomer.upsetScore));
  });

  it('sets upset at the threshold given by --upset-threshold or the config file, never changing upsetScore', async () => {
    const line = JSON.stringify({ id: 1, text: "It's been two weeks and I haven't gotten my card, what do I do?" }) + '\n';
    const read = async (args: string[], cwd?: string) => JSON.parse((await run(['analyze', '--jsonl', '--no-progress', ...args], { input: line, cwd })).stdout);
    const byDefault = await read(['--no-config']);
    const strict = await read(['--no-config', '--upset-threshold', '0.999']);
    assert.equal(byDefault.upset, true);
    assert.equal(strict.upset, false);
    assert.equal(strict.upsetScore, byDefault.upsetScore);
    const project = mkdtempSync(join(dir, 'threshold-'));
    writeFileSync(join(project, '.defuserc.json'), JSON.stringify({ upsetThreshold: 0.999 }));
    assert.equal((await read([], project)).upset, false);
    // The flag wins over the file.
    assert.equal((await read(['--upset-threshold', '0.1'], project)).upset, true);
    const human = await run(['analyze', '--no-config', '--upset-threshold', '0.999', '--text', 'I was charged twice!']);
    assert.match(human.stdout, /\(not upset\)/);
    const bad = await run(['analyze', '--no-config', '--upset-threshold', '2', '--text', 'x']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--upset-threshold must be a number from 0 to 1/);
    writeFileSync(join(project, '.defuserc.json'), JSON.stringify({ upsetThreshold: 1.5 }));
    const badConfig = await run(['analyze', '--text', 'x'], { cwd: project });
    assert.equal(badConfig.code, 2);
    assert.match(badConfig.stderr, /upsetThreshold/);
  });

  it('describes a single message for people, and as JSON with --json', async () => {
    const human = await run(['analyze', '--text', 'This is ridiculous. I was charged twice!']);
    assert.equal(human.code, 0);
    assert.match(human.stdout, /^anger {6}\d\.\d\d {2}\(upset/m);
    assert.match(human.stdout, /^sentences$/m);
    const json = await run(['analyze', '--json', '-'], { input: 'Thanks, that worked.' });
    assert.equal(JSON.parse(json.stdout).upset, false);
  });
});

describe('defuse rules', () => {
  it('lists every rule with principle, severity and docs path', async () => {
    const { code, stdout } = await run(['rules', '--format', 'json']);
    assert.equal(code, 0);
    const rules = JSON.parse(stdout) as { id: string; principle: string; severity: string; fixable: boolean; docs: string }[];
    const bare = rules.find((r) => r.id === 'no-bare-sorry');
    assert.deepEqual([bare?.principle, bare?.docs], ['P4', 'docs/rules/no-bare-sorry.md']);
    const text = await run(['rules']);
    assert.match(text.stdout, /^no-bare-sorry +P4 +warning +fixable +docs\/rules\/no-bare-sorry\.md$/m);
  });

  it('rejects an unknown command or option with exit 2', async () => {
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['check', '--format', 'xml', '-'])).code, 2);
  });
});
