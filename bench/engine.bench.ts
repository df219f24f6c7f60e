// Engine speed, measured in one run (`npm run bench`, `--json` for machine-readable figures):
//  1. latency of coaching one 1,000-character draft: analyzeMessage(customer message) + checkReply(draft),
//     p50/p99 over a varied corpus, one call at a time on one core;
//  2. batch throughput of `defuse analyze` on short messages, next to the `sentiment` (AFINN) and
//     `vader-sentiment` packages on the same inputs;
//  3. a 1 MB adversarial input, to show no regex backtracks catastrophically;
//  4. live coaching: checkReply on every keystroke of a draft, the customer's analysis already known.
// Corpus: real agent replies and customer tweets from shared/data/ibm-customer-care (Apache-2.0) and
// GoEmotions dev comments (Apache-2.0), plus hand-written drafts. `--json` prints the figures as JSON.
import '../src/node-regexp.ts';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import Sentiment from 'sentiment';
import { SentimentIntensityAnalyzer } from 'vader-sentiment';
import { analyzeMessage, checkReply, RULES } from '../src/engine/index.ts';
import { analyzeRecord } from '../src/cli/analyze.ts';
import { loadEmotionModel } from '../src/engine/model/emotion.ts';
import { createFeatureBuffer, extractFeatures } from '../src/engine/model/features.ts';

const DATA = new URL('../../shared/data/', import.meta.url);
const IBM = new URL('ibm-customer-care/dev.json', DATA);
const GOEMOTIONS = new URL('goemotions/dev.tsv', DATA);
const DRAFT_LENGTH = 1000;

interface Conversation {
  agentURL: { url_utterance: string };
  dialogContent: { client?: string; message: string }[];
}

/** Deterministic PRNG (mulberry32) so every run measures the same corpus. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Hand-written draft paragraphs: good moves and the mistakes the rules exist for, in everyday support wording.
const OWN_PARAGRAPHS = [
  "Hi Ana, I'm so sorry your order still hasn't arrived after two weeks. That's not the experience we want for you, and I understand how frustrating it is to keep checking the tracking page.",
  "I'm sorry. As per our policy, kindly be advised that refunds are processed within 10 business days.",
  'Actually, our records show the parcel was delivered on Tuesday, so there is nothing we can do at this point.',
  "I've looked into your account and I can see you were charged twice on 3 May. I've already reversed the second charge and you'll see it back on your card within 3 working days.",
  "That's not our department. You'll need to contact the courier directly, or call our billing team on 0800 123 456.",
  'Calm down, please. Obviously the system shows the item as returned, as I already said in my last e-mail.',
  "You've been with us for twelve years, and I really appreciate your loyalty. I'd like to make this right: would a replacement sent by express delivery tomorrow work for you, or would you prefer a full refund?",
  'The warehouse messed up the label, which is why it went to the wrong depot. We would never lose a parcel on purpose.',
  'To recap what we agreed: I am sending a new charger today by next-day delivery at no cost, and I will call you on Thursday afternoon to make sure it works. You will also get a confirmation by e-mail within the hour.',
  'Please send us your order number, your postcode, a photo of the damage, the receipt, and the serial number from the back of the device so we can open a ticket.',
  'It is too late to return the item because it is outside the 30-day window. No exceptions can be made.',
  "I can hear how upset you are, and you have every right to be. I'm on your side here and I'll personally make sure this gets sorted today.",
  'If you were running our company, what would you do to put this right? Tell me and I will see how close I can get.',
  'THIS IS THE THIRD TIME WE HAVE EXPLAINED THIS!! Please read our previous messages.',
  'Thank you for your patience while I checked with the team. Here is what happens next, and I will keep you updated at every step.',
];

const OWN_CUSTOMER = [
  "This is ridiculous. I've been a customer for 12 years and this is the third time I've had to call about the same double charge on my card. Nobody listens, I keep getting bounced between departments, and if this isn't fixed by Friday I'm cancelling and leaving a review everywhere. - Maria",
  'My order was supposed to arrive last Monday for my daughter\'s birthday and it still hasn\'t shown up. The tracking hasn\'t changed in a week. What are you going to do about it?',
  "Your agent was rude to me on the phone and hung up. I want to speak to a manager. I'm talking to my lawyer about this.",
  "The replacement blender you sent is broken too. Same problem, won't turn on. I just want my money back.",
];

function trimTo(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.lastIndexOf(' ', n);
  return text.slice(0, cut > n * 0.8 ? cut : n);
}

/** Joins pieces until the text reaches `n` characters, then trims at a word boundary. */
function fill(next: () => string, n: number): string {
  let out = '';
  while (out.length < n) out += (out ? '\n\n' : '') + next();
  return trimTo(out, n);
}

function loadCorpus() {
  const conversations = existsSync(IBM) ? (JSON.parse(readFileSync(IBM, 'utf8')) as Conversation[]) : [];
  const agentReplies = conversations.map((c) => c.agentURL.url_utterance).filter(Boolean);
  const customerTweets = conversations.flatMap((c) => c.dialogContent.filter((t) => t.client).map((t) => t.message));
  const goemotions = existsSync(GOEMOTIONS) ? readFileSync(GOEMOTIONS, 'utf8').split('\n').map((l) => l.split('\t')[0]).filter(Boolean) : [];
  const rand = rng(20261123);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const drafts: string[] = [];
  const customers: string[] = [];
  for (let i = 0; i < 600; i++) {
    // Half the drafts from real agent replies run together, half mixing in the hand-written paragraphs.
    const pool = i % 2 === 0 && agentReplies.length ? agentReplies : [...OWN_PARAGRAPHS, ...agentReplies.slice(0, 40)];
    drafts.push(fill(() => pick(pool), DRAFT_LENGTH));
    const cpool = i % 3 === 0 || customerTweets.length === 0 ? OWN_CUSTOMER : customerTweets;
    customers.push(fill(() => pick(cpool), DRAFT_LENGTH));
  }
  const short = [...customerTweets, ...goemotions, ...OWN_CUSTOMER].filter((t) => t.length <= 300);
  return { drafts, customers, short, sources: { agentReplies: agentReplies.length, customerTweets: customerTweets.length, goemotions: goemotions.length } };
}

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}

/**
 * Per-draft latency. Wall-clock time counts every moment another process held the core; on a shared
 * machine that is mostly other people's work. CPU time (process.cpuUsage, user + system) counts only the
 * work this process did, which is what "on one core" means; both are reported.
 */
function latency(drafts: string[], customers: string[], rounds: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const analyzeOnly: number[] = [];
  const checkOnly: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < drafts.length; i++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const analysis = analyzeMessage(customers[i]);
      const t1 = process.hrtime.bigint();
      checkReply(drafts[i], { customerMessage: customers[i], analysis, issue: 'the late delivery' });
      const t2 = process.hrtime.bigint();
      const c = process.cpuUsage(c0);
      if (r === 0) continue; // round 0 warms the JIT
      analyzeOnly.push(Number(t1 - t0) / 1e6);
      checkOnly.push(Number(t2 - t1) / 1e6);
      wall.push(Number(t2 - t0) / 1e6);
      cpu.push((c.user + c.system) / 1e3);
    }
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1], n: s.length };
  };
  return { cpu: stats(cpu), wall: stats(wall), analyzeMessage: stats(analyzeOnly), checkReply: stats(checkOnly) };
}

/**
 * Live coaching: the composer re-checks the draft on every keystroke against one customer message whose
 * analysis it already has. Types the last 100 characters of each draft one at a time.
 */
function keystrokes(drafts: string[], customers: string[], count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const analysis = analyzeMessage(customers[i]);
    const context = { customerMessage: customers[i], analysis, issue: 'the late delivery' };
    const draft = drafts[i];
    for (let end = draft.length - 100; end <= draft.length; end++) {
      const c0 = process.cpuUsage();
      checkReply(draft.slice(0, end), context);
      const c = process.cpuUsage(c0);
      if (i > 0) times.push((c.user + c.system) / 1e3); // the first draft warms the JIT
    }
  }
  const s = times.sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1], n: s.length };
}

/**
 * Messages per second for each analyzer over `texts`: one warm-up pass each, then `rounds` rounds that
 * time every analyzer in turn, so a burst of load from other processes hits all of them alike; best pass.
 */
function throughput(texts: string[], analyzers: Record<string, (t: string, i: number) => unknown>, rounds = 5): Record<string, number> {
  let sink = 0;
  const pass = (fn: (t: string, i: number) => unknown) => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < texts.length; i++) if (fn(texts[i], i)) sink++;
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  const best: Record<string, number> = {};
  for (const [name, fn] of Object.entries(analyzers)) {
    pass(fn);
    best[name] = Infinity;
  }
  for (let r = 0; r < rounds; r++) for (const [name, fn] of Object.entries(analyzers)) best[name] = Math.min(best[name], pass(fn));
  if (sink < 0) console.log(sink); // keeps the calls from being optimised away
  return Object.fromEntries(Object.entries(best).map(([k, sec]) => [k, texts.length / sec]));
}

const MB = 1 << 20;
const ADVERSARIAL: Record<string, () => string> = {
  'repeated "sorry "': () => 'sorry '.repeat(MB / 6),
  'one 1 MB word': () => 'a'.repeat(MB),
  '"!" and "?" runs': () => '!?'.repeat(MB / 2),
  'whitespace runs': () => ' \n\t'.repeat(MB / 3),
  'unclosed quote + apostrophes': () => '"' + "I'm not sure it's ".repeat(MB / 18),
  'caps shouting': () => 'WHY IS THIS NOT FIXED '.repeat(MB / 22),
};
const ADVERSARIAL_TIMEOUT_MS = 30_000;

/**
 * Each 1 MB input runs in a child process with a time limit, so a regex that backtracks catastrophically
 * shows up as a timed-out line in the report instead of hanging the benchmark.
 */
function adversarial(): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const name of Object.keys(ADVERSARIAL)) {
    const res = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--adversarial-case', name], { encoding: 'utf8', timeout: ADVERSARIAL_TIMEOUT_MS });
    const ms = Number(res.stdout.trim());
    out[name] = res.status === 0 && Number.isFinite(ms) ? ms : null;
  }
  return out;
}

const caseAt = process.argv.indexOf('--adversarial-case');
if (caseAt >= 0) {
  const text = ADVERSARIAL[process.argv[caseAt + 1]]();
  analyzeMessage('warm up'); // module loading is not what is measured
  const t0 = process.hrtime.bigint();
  const analysis = analyzeMessage(text);
  checkReply(text, { customerMessage: text, analysis });
  console.log(Number(process.hrtime.bigint() - t0) / 1e6);
  process.exit(0);
}

const asJson = process.argv.includes('--json');
const corpus = loadCorpus();
const lat = latency(corpus.drafts, corpus.customers, 4);
const live = keystrokes(corpus.drafts, corpus.customers, 60);

const sentiment = new Sentiment();
// The model alone, as the analyzer runs it (the five heads the second stage reads): the floor under any
// analysis that uses it, whatever the cue tables and rules cost.
const model = loadEmotionModel();
const stageHeads = Int32Array.from(['negative', 'anger', 'annoyance', 'ekman:joy', 'ekman:sadness'], (h) => model.headIndex(h));
const stageOut = new Float64Array(stageHeads.length);
const features = createFeatureBuffer();
const batch = throughput(corpus.short, {
  'defuse analyze (analyzeMessage + moves)': (t, i) => analyzeRecord(i, t),
  'defuse analyzeMessage only': (t) => analyzeMessage(t),
  'emotion model: features + 5 heads': (t) => model.logitsOf(t, stageHeads, stageOut),
  'emotion model: features only': (t) => extractFeatures(t, features, model.data),
  'sentiment (AFINN-165)': (t) => sentiment.analyze(t),
  'vader-sentiment': (t) => SentimentIntensityAnalyzer.polarity_scores(t),
});
const afinn = batch['sentiment (AFINN-165)'];
const adv = adversarial();

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, loadavg1m: Number(loadavg()[0].toFixed(2)) };
const report = {
  machine,
  rules: RULES.length,
  corpus: { drafts: corpus.drafts.length, draftLength: DRAFT_LENGTH, shortMessages: corpus.short.length, ...corpus.sources },
  latencyMs: lat,
  keystrokeCheckMs: live,
  batchMessagesPerSecond: Object.fromEntries(Object.entries(batch).map(([k, v]) => [k, { perSecond: Math.round(v), vsAfinn: Number((v / afinn).toFixed(2)) }])),
  adversarial1MBms: Object.fromEntries(Object.entries(adv).map(([k, v]) => [k, v === null ? `timed out (> ${ADVERSARIAL_TIMEOUT_MS} ms)` : Math.round(v)])),
  targets: {
    // Wall clock overstates under load from other processes; CPU time overstates when V8's GC threads run
    // beside the main thread. The lower of the two is the closer estimate of one core's work.
    'p99 <= 1 ms per 1,000-char draft': Math.min(lat.cpu.p99, lat.wall.p99) <= 1,
    'batch >= AFINN': batch['defuse analyze (analyzeMessage + moves)'] >= afinn,
    '1 MB adversarial < 1 s': Object.values(adv).every((ms) => ms !== null && ms < 1000),
  },
};

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const f = (x: number) => x.toFixed(3);
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadavg1m}; ${report.rules} rules`);
  console.log(`Corpus: ${corpus.drafts.length} drafts of ${DRAFT_LENGTH} chars with ${DRAFT_LENGTH}-char customer messages; ${corpus.short.length} short messages (IBM customer tweets + GoEmotions dev)\n`);
  console.log('Latency per draft, analyzeMessage + checkReply (ms)   p50      p99      max');
  const rows = [
    ['CPU time (all threads)', lat.cpu],
    ['wall clock, shared machine', lat.wall],
    ['  of which analyzeMessage (wall)', lat.analyzeMessage],
    ['  of which checkReply (wall)', lat.checkReply],
  ] as const;
  for (const [name, st] of rows) console.log(`${name.padEnd(50)} ${f(st.p50).padStart(7)}  ${f(st.p99).padStart(7)}  ${f(st.max).padStart(7)}`);
  console.log(`${'live coaching: checkReply per keystroke (CPU)'.padEnd(50)} ${f(live.p50).padStart(7)}  ${f(live.p99).padStart(7)}  ${f(live.max).padStart(7)}`);
  console.log('\nBatch, short messages (CPU time)            msgs/s   vs AFINN');
  for (const [name, v] of Object.entries(batch)) console.log(`${name.padEnd(42)} ${String(Math.round(v)).padStart(7)}   ${(v / afinn).toFixed(2)}x`);
  console.log('\n1 MB adversarial input (analyzeMessage + checkReply), ms');
  for (const [name, ms] of Object.entries(adv)) console.log(`${name.padEnd(42)} ${ms === null ? `timed out after ${ADVERSARIAL_TIMEOUT_MS / 1000} s` : String(Math.round(ms)).padStart(7)}`);
  console.log('\nTargets');
  for (const [name, ok] of Object.entries(report.targets)) console.log(`${ok ? 'met   ' : 'MISSED'} ${name}`);
}
