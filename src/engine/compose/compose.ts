import { resolveContext } from '../check.ts';
import { describeIssue, isClosing, loyaltyCalledFor, needUnknown } from '../moves.ts';
import type { Need, OptionOffer, ResolvedContext } from '../types.ts';
import type { ComposeContext } from './contexts.ts';

export type { ComposeContext } from './contexts.ts';

/**
 * FNV-1a, 32 bits: a stable hash so the same context always gets the same phrasing, on every machine and
 * in the browser, without a random source.
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The facts the composer writes from, resolved once. */
interface Facts {
  ctx: ResolvedContext;
  seed: number;
  first?: string;
  issue?: string;
  company?: string;
  agent?: string;
  years?: number;
}

/** Picks one phrasing per step, from the seed: varied across contexts, identical for the same context. */
function pick<T>(facts: Facts, step: string, variants: readonly T[]): T {
  return variants[hashString(`${facts.seed}:${step}`) % variants.length];
}

const REMEDY_NEEDS: readonly Need[] = ['timing', 'financial', 'replacement'];

/** What to offer for a need when the company's catalogue has nothing for it: looking into it, not a promise. */
const DEFAULT_REMEDY: Record<RemedyNeed, string[]> = {
  timing: [
    'I can look at faster shipping options so it reaches you in time.',
    'I can arrange express delivery so you are not left waiting any longer.',
  ],
  financial: [
    'I can look into a refund or a credit on your account for you.',
    'I can arrange a refund for the part of this that went wrong.',
  ],
  replacement: [
    'I can arrange a replacement for you straight away.',
    'I can send a replacement out to you, or arrange a repair if you prefer.',
  ],
};

function wording(o: OptionOffer): string {
  return o.phrase ?? o.label.charAt(0).toLowerCase() + o.label.slice(1);
}

type RemedyNeed = 'timing' | 'financial' | 'replacement';

function remedyNeeds(ctx: ResolvedContext): RemedyNeed[] {
  return [...new Set(ctx.analysis.needs.map((n) => n.need).filter((n): n is RemedyNeed => REMEDY_NEEDS.includes(n)))];
}

function remedyNeed(ctx: ResolvedContext): RemedyNeed | undefined {
  return remedyNeeds(ctx)[0];
}

function tenure(ctx: ResolvedContext): number | undefined {
  const said = ctx.analysis.signals.find((s) => s.kind === 'loyalty' && typeof s.value === 'number')?.value;
  const years = said ?? ctx.tenureYears;
  return years !== undefined && years >= 2 ? Math.round(years) : undefined;
}

function greeting(f: Facts): string {
  if (f.first) return pick(f, 'greet', [`Hi ${f.first},`, `Hello ${f.first},`, `Dear ${f.first},`]);
  return pick(f, 'greet', ['Hi there,', 'Hello,', 'Hello there,']);
}

function acknowledgement(f: Facts): string {
  // The feeling comes first and the apology right after names the issue; naming it twice reads as a template.
  return pick(f, 'ack', [
    'I can hear how frustrating this has been, and I want to help.',
    "I can see why you're upset, and I want to help.",
    'You have every right to be upset about this, and I want to help put it right.',
    'I can only imagine how stressful this has been, and I want to get it sorted for you.',
    'That must have been really frustrating, and I want to help make it right.',
  ]);
}

function apology(f: Facts): string {
  const x = f.issue ?? 'the trouble this has caused you';
  const forWhom = f.company ? `On behalf of everyone at ${f.company}, I apologize for ${x}.` : `On behalf of all of us, I apologize for ${x}.`;
  // No "sorry": seed 001 asks for "I apologize for <the issue>", and no-bare-sorry suggests it for every "sorry".
  return pick(f, 'apologize', [`I apologize for ${x}.`, `Please accept my apologies for ${x}.`, forWhom, `I sincerely apologize for ${x}.`]);
}

function siding(f: Facts): string {
  const us = f.company ?? 'us';
  return pick(f, 'side', [
    'You deserve better than this.',
    `You're right to expect better from ${us}.`,
    "That shouldn't have happened, and I'd feel the same way in your position.",
    `This is not the experience you should have had with ${us}.`,
  ]);
}

function ownership(f: Facts): string {
  return pick(f, 'own', [
    "I'm taking this on personally, and I'll get back to you with an update by the end of today.",
    "Leave it with me: I'll chase this myself and update you within 24 hours.",
    "I'll handle this myself from here, and you'll hear back from me by tomorrow morning.",
    "I'm looking into it now and will update you later today.",
  ]);
}

function ask(f: Facts): string {
  if ((f.ctx.refusals ?? 0) >= 2) {
    const business = f.company ? `were running ${f.company}` : 'were running our business';
    return pick(f, 'owner', [
      `If you ${business}, what would you do in this situation? I'd genuinely like to hear it.`,
      `Let me turn this around: if you ${business}, what would you do here?`,
    ]);
  }
  return pick(f, 'ask', [
    'What would make this right for you?',
    'What outcome would feel fair to you?',
    'How would you like us to put this right?',
    "Tell me what would help most, and I'll do my best to make it happen.",
  ]);
}

function offer(f: Facts, need: RemedyNeed): string {
  const options = (f.ctx.options ?? []).filter((o) => o.need === need).map(wording);
  if (options.length === 0) return pick(f, `offer-${need}`, DEFAULT_REMEDY[need]);
  const [a, b] = options;
  return pick(f, `offer-${need}`, b
    ? [`I can offer you ${a}, or ${b} if you prefer.`, `I'd be happy to arrange ${a}; ${b} is also an option if it suits you better.`]
    : [`I can offer you ${a}.`, `I'd be happy to arrange ${a} for you.`]);
}

function loyalty(f: Facts): string {
  if (f.years) {
    return pick(f, 'loyal', [
      `Thank you for being with us for ${f.years} years; your loyalty means a lot to us.`,
      `Thank you for sticking with us for ${f.years} years; it means a great deal.`,
      `We truly value your loyalty over these ${f.years} years.`,
    ]);
  }
  return pick(f, 'loyal', ['Thank you for being such a loyal customer.', 'We truly value your loyalty.', 'Thank you for sticking with us; it means a great deal.']);
}

function recap(f: Facts): string[] {
  const need = remedyNeed(f.ctx);
  const option = need ? (f.ctx.options ?? []).find((o) => o.need === need) : undefined;
  const resolution = option
    ? `you will receive ${wording(option)}`
    : 'I will personally see this through until it is fully resolved, as we discussed';
  const summary = pick(f, 'recap', [`To recap what we agreed: ${resolution}.`, `Just to confirm: ${resolution}.`, `Here's what we agreed: ${resolution}.`]);
  const email = pick(f, 'email', [
    "I'll e-mail you a written confirmation of this today.",
    "You'll receive a confirmation e-mail with these details within the hour.",
    "I'll send you a short summary by e-mail later today.",
  ]);
  const followUp = pick(f, 'follow', [
    "I'll check in with you in a day or two to make sure everything is sorted.",
    "I'll follow up with you in a couple of days to make sure all is well.",
    "I'll be in touch in a day or two to make sure everything is working as it should.",
  ]);
  return [summary, email, followUp];
}

function signOff(f: Facts): string {
  const who = f.agent && f.company ? `${f.agent}, ${f.company}` : f.agent ?? (f.company ? `The ${f.company} team` : undefined);
  if (!who) return pick(f, 'bye', ['Best wishes', 'Kind regards', 'Warm regards']);
  return `${pick(f, 'bye', ['Best wishes', 'Kind regards', 'Warm regards'])},\n${who}`;
}

/** The body of a reply to a private message, in playbook order. */
function privateBody(f: Facts): string[] {
  const { ctx } = f;
  const out: string[] = [];
  const closing = isClosing(ctx);
  if (ctx.upset) out.push(acknowledgement(f), apology(f), siding(f));
  if (ctx.phase === 'follow-up') {
    out.push(pick(f, 'checkin', [
      "I'm checking in to make sure everything is fully sorted now.",
      'I wanted to check that everything is properly resolved for you now.',
    ]));
  } else if (ctx.upset && !closing) {
    out.push(ownership(f));
  }
  if (!closing && ctx.phase !== 'follow-up') {
    // one offer per need the customer expressed: a late, broken order may need both speed and a replacement
    if (ctx.upset && ctx.phase !== 'listen') for (const need of remedyNeeds(ctx)) out.push(offer(f, need));
    if ((ctx.refusals ?? 0) >= 2 || (ctx.upset && needUnknown(ctx))) out.push(ask(f));
  }
  if (loyaltyCalledFor(ctx)) out.push(loyalty(f));
  if (closing) out.push(...recap(f));
  if (!ctx.upset && out.length === 0) {
    out.push(pick(f, 'calm', [
      `Thank you for getting in touch${f.company ? ` with ${f.company}` : ''}.`,
      'Thanks for reaching out to us.',
    ]));
    if (f.issue) out.push(`I'm looking into ${f.issue} now and will update you later today.`);
  }
  return out;
}

/** The body of a public reply to a review: thank, acknowledge, apologize, invite to a direct channel. */
function reviewBody(f: Facts): string[] {
  const { ctx } = f;
  const out = [pick(f, 'thank', ['Thank you for taking the time to share this.', 'Thank you for your honest feedback.', 'Thanks for taking the time to write this review.'])];
  if (!ctx.upset) {
    out.push(pick(f, 'glad', ["We're delighted you took the time, and we look forward to seeing you again.", 'It means a lot to the whole team.']));
    return out;
  }
  out.push(acknowledgement(f), apology(f));
  out.push(pick(f, 'offline', [
    "I'd like to put this right personally, so please send us a direct message and I'll take it from there.",
    "I'd love to speak with you directly: please send us a private message so I can look into this myself.",
  ]));
  return out;
}

/**
 * Writes a complete reply in the playbook's order — acknowledge → apologize for the named issue → side
 * with them → own it with a next step and a time → ask what they want or offer options for their need →
 * thank them for their loyalty → recap, confirm by e-mail and promise a follow-up when closing — in the
 * company's voice. Public replies to reviews thank the reviewer and take it to a direct channel instead.
 *
 * Phrasing varies: each step has several wordings, chosen by `context.seed`, else by a hash of the
 * context, so the same context always yields the same draft and different customers get different ones.
 * Every draft passes `checkReply` with zero findings (a property test holds the composer to that).
 *
 * @example
 * composeReply({ customerName: 'Ana', companyName: 'Acme', agentName: 'Sam', issue: 'the double charge on your card',
 *   analysis: makeAnalysis({ upset: true }) })
 * // 'Hi Ana,\n\nI can hear how frustrating this has been, and I want to help. I apologize for the double charge on your card. …'
 */
export function composeReply(context: ComposeContext = {}): string {
  const ctx = resolveContext(context);
  const seed = context.seed ?? hashString(JSON.stringify([
    ctx.name, ctx.issue, ctx.companyName, ctx.agentName, ctx.phase, ctx.channel, ctx.customerMessage,
    ctx.analysis.issues.map((i) => i.phrase), ctx.analysis.needs.map((n) => n.need),
  ]));
  const facts: Facts = {
    ctx,
    seed,
    first: ctx.name?.trim().split(/\s+/)[0] || undefined,
    issue: describeIssue(ctx),
    company: ctx.companyName?.trim() || undefined,
    agent: ctx.agentName?.trim() || undefined,
    years: tenure(ctx),
  };
  const body = ctx.channel === 'public-review' ? reviewBody(facts) : privateBody(facts);
  return `${greeting(facts)}\n\n${body.join(' ')}\n\n${signOff(facts)}`;
}
