import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeMessage } from '../engine/index.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Clock } from './clock.ts';
import type { Queryable } from './db/db.ts';
import { addMessage, openCase, reassignCase } from './services/cases.ts';
import type { Actor, ServiceDeps } from './services/context.ts';
import { recordGap } from './services/gaps.ts';
import { answerOffer, makeOffer } from './services/options.ts';
import { recordFollowUpOutcome, resolveCase } from './services/resolution.ts';
import { offerSentence } from './services/resolution-text.ts';
import { createTask, updateTask } from './services/tasks.ts';
import { createUser, generatePassword } from './services/users.ts';

/** The demo data set shipped in the repository: 80 conversations, scrubbed, built by `data/demo/build.ts`. */
export const DEMO_DATA = join(PACKAGE_ROOT, 'data', 'demo', 'conversations.json');

/** The full IBM set the demo set is derived from, beside the repository (`../shared/data`); only the builder reads it. */
export const DEMO_SOURCE = join(PACKAGE_ROOT, '..', 'shared', 'data', 'ibm-customer-care', 'dev.json');

/** One conversation of the IBM customer-care set (`dialogContent` turns are customer or agent). */
export interface Conversation {
  dialogHeader: { company: string; conversationDateTime: string; sessionID?: string };
  dialogContent: { client?: string; client1?: string; agent?: string; message: string }[];
  agentURL?: { url_utterance?: string };
}

// Neutral display names: the data's Twitter handles and e-mail addresses never reach the desk's screens.
const FIRST = ['Maria', 'James', 'Aisha', 'Chen', 'Olivia', 'Mateo', 'Priya', 'Lukas', 'Fatima', 'Noah', 'Yuki', 'Emeka', 'Sofia', 'Daniel', 'Amara', 'Ivan', 'Leila', 'Tom', 'Grace', 'Omar', 'Hana', 'Pedro', 'Zoe', 'Samuel'];
const LAST = ['Lopez', 'Walker', 'Okafor', 'Wang', 'Schmidt', 'Rossi', 'Haddad', 'Novak', 'Kowalski', 'Tanaka', 'Murphy', 'Silva', 'Jensen', 'Moreau', 'Singh', 'Brown', 'Costa', 'Ahmed', 'Dubois', 'Kim'];

/** mulberry32: a tiny seeded PRNG so every demo install looks the same. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Makes a tweet readable as a desk message without personal data: drops the leading @-mentions, replaces the
 * customer's own handles with their display name, a support account's handle (`brands`) with its name
 * without "@", every other handle with "[handle removed]", e-mail addresses (also "name @gmail.com") with
 * "[e-mail removed]" and links with "[link]", and undoes Twitter's HTML escaping.
 *
 * @example
 * cleanTweet('@AppleSupport my mail is a@b.co https://x.y', ['me'], 'Maria') // 'my mail is [e-mail removed] [link]'
 * cleanTweet('ask @AppleSupport or @bob', [], 'Maria', ['AppleSupport']) // 'ask AppleSupport or [handle removed]'
 * cleanTweet('music &amp; podcasts', [], 'Maria') // 'music & podcasts'
 */
export function cleanTweet(text: string, customerHandles: string[], displayName: string, brands: readonly string[] = []): string {
  // Tweets come HTML-escaped ("music &amp; podcasts"). The desk stores text as the customer wrote it and the
  // UI escapes on display, so left encoded the entity would be shown literally. One pass, so "&amp;lt;"
  // becomes the text "&lt;" and not "<".
  let t = text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _m);
  t = t.replace(/^(\s*@\w+[,:]?\s*)+/, '');
  // Before handles: "jo.doe @gmail.com" would otherwise leave "jo.doe [handle removed].com".
  t = t.replace(/[\w.+-]+ ?@ ?[\w-]+(\.[\w-]+)+/g, '[e-mail removed]');
  t = t.replace(/https?:\s*\/\/\S+/g, '[link]');
  const same = (list: readonly string[], h: string) => list.some((c) => c.toLowerCase() === h.toLowerCase());
  t = t.replace(/@(\w+)/g, (_m, h: string) => (same(customerHandles, h) ? displayName : same(brands, h) ? h : '[handle removed]'));
  t = t.replace(/\s*\^\w+\s*$/, ''); // agents' "^SJ" signatures
  return t.trim();
}

/**
 * Agents in the data set greet the tweeter by their real first name ("Hi John,"): a personal detail, and
 * beside the generated name on the card ("Hana Tanaka") it reads as a reply to someone else. The greeting
 * gets the generated first name; "Hi there" and "Hi again" stay.
 *
 * @example
 * greetAs('Hi John, thanks for waiting.', 'Hana') // 'Hi Hana, thanks for waiting.'
 */
export function greetAs(text: string, first: string): string {
  return text.replace(/^(\s*(?:Hi|Hello|Hey|Dear|Thanks|Thank you),?\s+)(?!there\b|again\b|all\b|everyone\b)[A-Z][\w'-]*\b/, `$1${first}`);
}

const CAUSES: Record<string, [string, string]> = {
  delivery: ['Late delivery', 'Logistics'],
  defect: ['Product defect', 'Quality'],
  billing: ['Billing error', 'Payments'],
  refund: ['Slow refund', 'Payments'],
  account: ['Account access', 'Identity'],
  service: ['Slow first response', 'Support'],
  transfer: ['Bounced between teams', 'Support'],
  policy: ['Unclear policy', 'Policy'],
};

/** A clock the seeder moves through the demo's timeline. */
class SeedClock implements Clock {
  t = 0;
  now(): Date {
    return new Date(this.t);
  }
}

// Company and product accounts customers tag besides the support account they wrote to: kept as names
// ("AdobePremiere has crashed"), unlike a person's handle. Found by listing every handle in the IBM set.
const OTHER_BRANDS = [
  'Adobe', 'AdobePremiere', 'Amazon', 'Apple', 'ATT', 'Chase', 'ChaseForBiz', 'Citibank', 'CreativeCloud', 'Dropbox',
  'DropboxBusiness', 'eBay', 'eBay_UK', 'Facebook', 'GoDaddy', 'GoogleChrome', 'GoogleUK', 'hulu', 'iTunes', 'JetBlue',
  'Lysol', 'Microsoft', 'Netflix', 'PayPal', 'Photoshop', 'PNCBank', 'PNCBank_help', 'RockstarGames', 'Spotify',
  'SpotifyUK', 'Sprint', 'TMobile', 'TuneCore', 'Walmart', 'Wawa', 'WellsFargo', 'Windows', 'WWE', 'Xiaomi', 'Yahoo',
  'YahooMail', 'YouTube', 'YouTubeIndia', 'YouTubeTV', 'YTCreators', 'YTCreatorsIndia',
];

/** One demo conversation, scrubbed and named: what `data/demo/conversations.json` holds. */
export interface DemoConversation {
  /** The IBM set's session id, so a line can be traced to its source. */
  id: string;
  /** The support account the customer wrote to. */
  company: string;
  /** Generated display name; the data's Twitter handles never reach the desk. */
  customer: string;
  /** Open cases wait in the queue; the others are played forward as a month of resolved history. */
  open: boolean;
  turns: { role: 'customer' | 'agent'; text: string }[];
  /** The brand's reply that pointed to a help page (history cases send it as their first answer). */
  brandReply?: string;
}

/** The file's shape: where it came from, then one conversation per line. */
export interface DemoSet {
  source: string;
  license: string;
  conversations: DemoConversation[];
}

/**
 * Derives the demo set from the IBM conversations: the 30 angriest first customer messages become open
 * cases (what a newcomer should see handled), the 50 longest of the rest a month of history (more turns to
 * score). Every text goes through {@link cleanTweet} and {@link greetAs}, so no handle, e-mail address or
 * link is kept. Deterministic: the same input gives the same file.
 *
 * @example
 * const set = buildDemoSet(JSON.parse(readFileSync(DEMO_SOURCE, 'utf8')));
 */
export function buildDemoSet(conversations: Conversation[], counts: { open?: number; history?: number } = {}): DemoSet {
  const brands = brandHandles(conversations);
  const usable = conversations
    .filter((c) => c.dialogContent?.some((t) => !t.agent && t.message?.trim()))
    .map((c) => ({ c, anger: analyzeMessage(c.dialogContent.find((t) => !t.agent)!.message).anger || 0 }));
  const byAnger = [...usable].sort((a, b) => b.anger - a.anger);
  const openCount = counts.open ?? 30;
  const open = byAnger.slice(0, openCount).map((x) => x.c);
  const rest = byAnger.slice(openCount).sort((a, b) => b.c.dialogContent.length - a.c.dialogContent.length || b.anger - a.anger);
  const history = rest.slice(0, counts.history ?? 50).map((x) => x.c);
  const picked = [...history.map((c) => ({ c, open: false })), ...open.map((c) => ({ c, open: true }))];
  const out = picked.map(({ c, open }, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length];
    return { id: c.dialogHeader.sessionID ?? String(i), company: c.dialogHeader.company, customer: `${first} ${last}`, open, ...scrubConversation(c, first, brands) };
  });
  return {
    source: "IBM Twitter customer-care document prediction data (dev.json), Copyright IBM Corp., Apache-2.0; see NOTICE. Handles, e-mail addresses and links removed; customer names generated.",
    license: 'Apache-2.0',
    conversations: out,
  };
}

/** Every support or company account named in the data: kept as names by {@link cleanTweet}. */
export function brandHandles(conversations: Conversation[]): string[] {
  return [...new Set([...OTHER_BRANDS, ...conversations.flatMap((c) => [c.dialogHeader.company, ...c.dialogContent.map((t) => t.agent ?? '')])].filter(Boolean))];
}

/**
 * One conversation's turns and brand reply as the desk shows them: scrubbed, the customer called `first`.
 *
 * @example
 * scrubConversation(conv, 'Maria', brandHandles(all)).turns[0] // { role: 'customer', text: '…' }
 */
export function scrubConversation(conv: Conversation, first: string, brands: readonly string[]): Pick<DemoConversation, 'turns' | 'brandReply'> {
  const handles = [...new Set(conv.dialogContent.map((t) => t.client ?? t.client1).filter((h): h is string => Boolean(h)))];
  const turns = conv.dialogContent
    .map((t) => (t.agent ? { role: 'agent' as const, text: greetAs(cleanTweet(t.message ?? '', handles, first, brands), first) } : { role: 'customer' as const, text: cleanTweet(t.message ?? '', handles, first, brands) }))
    .filter((t) => t.text.length > 0);
  const brandReply = conv.agentURL?.url_utterance ? greetAs(cleanTweet(conv.agentURL.url_utterance, handles, first, brands), first) : '';
  return { turns, ...(brandReply ? { brandReply } : {}) };
}

/**
 * Writes the set one conversation per line, so a change to one conversation is a one-line diff.
 *
 * @example
 * writeFileSync(DEMO_DATA, formatDemoSet(set));
 */
export function formatDemoSet(set: DemoSet): string {
  const lines = set.conversations.map((c) => '    ' + JSON.stringify(c));
  return `{\n  "source": ${JSON.stringify(set.source)},\n  "license": ${JSON.stringify(set.license)},\n  "conversations": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

export interface DemoResult {
  users: { email: string; name: string; role: string }[];
  password: string;
  cases: number;
}

/**
 * Fills an empty desk with cases built from the demo set (`data/demo/conversations.json`, real customer
 * conversations from IBM's set): a lead and three agents, open cases waiting in the queue (angriest first)
 * and a month of resolved history (replies, offers, footwork, follow-ups, gaps, a few transfers) so the
 * dashboard has something true to show. Returns null, and logs why, when the data file is absent. Runs once:
 * the `demo_seeded` setting marks it.
 *
 * @example
 * const demo = await seedDemo(deps, { log: console.log });
 */
export async function seedDemo(deps: ServiceDeps, options: { dataPath?: string; log: (line: string) => void; openCases?: number; historyCases?: number; password?: string }): Promise<DemoResult | null> {
  const dataPath = options.dataPath ?? DEMO_DATA;
  if (!existsSync(dataPath)) {
    options.log(`[demo] ${dataPath} not found; starting without demo data.`);
    return null;
  }
  const seeded = await deps.db.query("SELECT 1 FROM settings WHERE key = 'demo_seeded'");
  if (seeded.rowCount) return null;
  options.log(`[demo] Building demo cases from ${dataPath} (first start only; the engine reads every message, this takes a little while)…`);
  const set = JSON.parse(readFileSync(dataPath, 'utf8')) as DemoSet;
  const realNow = deps.clock.now().getTime();
  const clock = new SeedClock();
  clock.t = realNow - 30 * 86_400_000;
  const sd: ServiceDeps = { ...deps, clock };
  const password = options.password ?? generatePassword();
  const people: [string, string, 'lead' | 'agent'][] = [
    ['Priya Shah', 'priya@demo.defuse.localhost', 'lead'],
    ['Sam Rivera', 'sam@demo.defuse.localhost', 'agent'],
    ['Jordan Lee', 'jordan@demo.defuse.localhost', 'agent'],
    ['Alex Kim', 'alex@demo.defuse.localhost', 'agent'],
  ];
  const actors: Actor[] = [];
  for (const [name, email, role] of people) {
    const existing = await deps.db.query<Actor>('SELECT id, name, email, role, team FROM users WHERE lower(email) = lower($1)', [email]);
    actors.push(existing.rows[0] ?? (await createUser(deps, null, { email, name, role, password })).user);
  }
  const [lead, ...agents] = actors;
  const rand = prng(20_260_401);

  const history = set.conversations.filter((c) => !c.open).slice(0, options.historyCases ?? Infinity);
  const open = set.conversations.filter((c) => c.open).slice(0, options.openCases ?? Infinity);
  const picked = [...history, ...open];
  let made = 0;
  for (let i = 0; i < picked.length; i++) {
    const conv = picked[i];
    const name = conv.customer;
    const [first, last] = name.split(' ');
    const turns = conv.turns;
    const firstCustomer = turns.findIndex((t) => t.role === 'customer');
    if (firstCustomer < 0) continue;
    const owner = agents[i % agents.length];
    // History is spread over the last month; open cases arrived in the last two days.
    const history = !conv.open;
    clock.t = history ? realNow - (3 + rand() * 26) * 86_400_000 : realNow - (0.3 + rand() * 46) * 3_600_000;
    const sinceYear = 2026 - Math.floor(rand() * 12);
    const detail = await openCase(sd, owner, {
      customer: {
        name,
        email: `${first}.${last}.${i}@example.com`.toLowerCase(),
        customerSince: `${Math.min(sinceYear, 2025)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`,
        lifetimeValue: Math.round(rand() ** 3 * 9000),
        notes: `Wrote to ${conv.company} on Twitter (demo data from the IBM customer-care set).`,
      },
      message: turns[firstCustomer].text,
    });
    made++;
    for (const turn of turns.slice(firstCustomer + 1)) {
      clock.t += (5 + rand() * 90) * 60_000;
      await addMessage(sd, owner, detail.id, { direction: turn.role === 'customer' ? 'inbound' : 'outbound', body: turn.text });
    }
    if (!history) continue;
    await playHistory(sd, clock, detail.id, owner, lead, conv, first, rand, i, realNow);
  }
  await deps.db.query(`UPDATE outbox SET status = 'sent', sent_at = created_at, last_error = 'Demo data: recorded without delivery' WHERE status = 'pending'`);
  await markSeeded(deps.db);
  options.log(`[demo] Seeded ${made} cases from ${dataPath}.`);
  return { users: people.map(([name, email, role]) => ({ name, email, role })), password, cases: made };
}

async function markSeeded(q: Queryable): Promise<void> {
  await q.query(`INSERT INTO settings (key, value) VALUES ('demo_seeded', 'true') ON CONFLICT (key) DO NOTHING`);
}

/** Plays a resolved case forward: reply, footwork, offer, resolution, follow-up, gap, sometimes a transfer. */
async function playHistory(
  sd: ServiceDeps,
  clock: SeedClock,
  caseId: number,
  owner: Actor,
  lead: Actor,
  conv: DemoConversation,
  first: string,
  rand: () => number,
  i: number,
  realNow: number,
): Promise<void> {
  const step = (minutes: number) => (clock.t += minutes * 60_000);
  const brandReply = conv.brandReply ?? '';
  step(20 + rand() * 120);
  if (brandReply) await addMessage(sd, owner, caseId, { direction: 'outbound', body: brandReply });
  const c = await sd.db.query<{ issue: string | null; needs: string[] }>('SELECT issue_category AS issue, needs FROM cases WHERE id = $1', [caseId]);
  const issue = c.rows[0].issue ?? 'service';
  if (i % 4 === 1) {
    step(10);
    const task = await createTask(sd, owner, caseId, { team: CAUSES[issue]?.[1] ?? 'Support', what: 'Look into what went wrong and what we can do', dueAt: new Date(clock.t + 86_400_000) });
    step(60 * (4 + rand() * 30));
    await updateTask(sd, lead, task.id, { status: 'done', result: 'Checked and fixed on our side' });
  }
  step(30);
  const needs = c.rows[0].needs;
  const option = needs.includes('financial') ? { optionKey: 'discount', amount: i % 5 === 0 ? 20 : 10 } : needs.includes('timing') ? { optionKey: 'expedited-shipping' } : { optionKey: 'status-updates' };
  const offer = await makeOffer(sd, owner, caseId, option);
  if (offer.status === 'pending_approval') {
    step(45);
    await sd.db.query("UPDATE offers SET status = 'offered', decided_by = $2, decision_reason = 'Long-standing customer; worth bending the rule', decided_at = $3 WHERE id = $1", [offer.id, lead.id, clock.now()]);
  }
  step(20);
  await answerOffer(sd, owner, offer.id, 'accepted');
  if (i % 7 === 2) {
    step(15);
    const other = await sd.db.query<{ id: number }>("SELECT id FROM users WHERE role = 'agent' AND id <> $1 ORDER BY id LIMIT 1", [owner.id]);
    await reassignCase(sd, lead, caseId, { toUserId: other.rows[0].id, reason: 'Owner out sick for the rest of the week' });
    owner = (await sd.db.query<Actor>('SELECT id, name, email, role, team FROM users WHERE id = $1', [other.rows[0].id])).rows[0];
  }
  step(60 + rand() * 300);
  // The accepted offer is the agreement, said as the resolve panel drafts it.
  const summary = `${first}, thank you for bearing with us. Here is what we agreed: ${offerSentence(offer)} I will call you in a day or two to make sure everything is working for you.`;
  const resolved = await resolveCase(sd, owner, caseId, { summary });
  if (i % 3 === 1 || i % 5 === 0) await recordGap(sd, owner, caseId, { cause: CAUSES[issue]?.[0] ?? 'Slow first response', team: CAUSES[issue]?.[1] ?? 'Support' });
  const due = resolved.followUp.dueAt.getTime();
  if (due > realNow) return;
  // Most calls happen on the due day; some slip a day or more.
  clock.t = due + (rand() < 0.8 ? rand() * 6 : 24 + rand() * 48) * 3_600_000;
  if (clock.t > realNow) clock.t = realNow;
  const r = rand();
  const outcome = r < 0.75 ? 'satisfied' : r < 0.88 ? 'no_answer' : 'still_unhappy';
  await recordFollowUpOutcome(sd, owner, resolved.followUp.id, { outcome, note: outcome === 'still_unhappy' ? 'Still waiting on the fix' : undefined });
}
