/**
 * The words of a resolution: what was agreed, as sentences a customer reads (one per accepted offer, done
 * task and line the agent typed), the summary drafted from them, and the e-mail exactly as it is sent (plain
 * text and HTML). Pure: the server renders the preview and the e-mail with it, and its tests render every
 * option kind.
 */
import { checkReply, RULES, type CheckResult, type ReplyContext } from '../../engine/index.ts';

/** An accepted offer, as the agreement needs it (the catalogue's kind, unit and phrase, the amount given). */
export interface AgreedOffer {
  id: number;
  kind: string;
  label: string;
  unit: string | null;
  amount: number | null;
  /** The catalogue's wording ("a {amount}% discount on your next order"), used for kinds without a template. */
  phrase?: string | null;
}

/** A done internal task: what another team came back with. */
export interface AgreedTask {
  id: number;
  team: string;
  what: string;
  result: string | null;
}

/** One line of the agreement, with where it came from. */
export interface AgreementItem {
  source: 'offer' | 'task' | 'agent';
  /** The offer's or task's id; null for what the agent typed. */
  id: number | null;
  text: string;
}

/** "$40", "$12.50": amounts in the catalogue's USD unit. */
function dollars(n: number): string {
  return `$${Number.isInteger(n) ? String(n) : n.toFixed(2)}`;
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** Capital first letter and a full stop, so a typed fragment reads as a sentence. */
export function asSentence(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  if (!t) return '';
  const capped = t.charAt(0).toLocaleUpperCase() + t.slice(1);
  return /[.!?…]["”)]?$/.test(capped) ? capped : `${capped}.`;
}

/**
 * One sentence per option kind of the catalogue (src/server/migrations/0002_options_catalogue.sql), written
 * to the customer: who does what, with the amount. A kind an admin adds later falls back to the catalogue's
 * phrase ("We agreed on a free gift wrap.").
 */
const OFFER_SENTENCES: Record<string, (amount: number | null) => string> = {
  expedited_shipping: () => 'We will send your order by express delivery, at no cost to you.',
  replacement: () => 'We will send you a replacement straight away, before you return the faulty one.',
  discount_pct: (a) => `You will get a ${a ?? ''}% discount on your next order.`,
  credit: (a) => `We will add a credit of ${dollars(a ?? 0)} to your account.`,
  refund: (a) => `We will refund ${dollars(a ?? 0)} to you.`,
  return_window_exception: (a) => `We will accept your return up to ${days(a ?? 0)} past the usual return window.`,
  callback: () => 'I will call you myself to make sure this is sorted.',
  status_updates: () => 'I will update you at each step until this is done.',
  lead_callback: () => 'My team lead will call you, with me on the line.',
};

/** The kinds with a sentence of their own (the unit test renders each). */
export const OFFER_KINDS = Object.keys(OFFER_SENTENCES);

/**
 * What an accepted offer means for the customer, as one sentence.
 *
 * @example
 * offerSentence({ id: 1, kind: 'discount_pct', label: 'Discount on the next order', unit: '%', amount: 10 })
 * // 'You will get a 10% discount on your next order.'
 */
export function offerSentence(o: AgreedOffer): string {
  const template = OFFER_SENTENCES[o.kind];
  if (template) return template(o.amount);
  const amount = o.amount === null ? '' : o.unit === 'USD' ? dollars(o.amount) : o.unit === 'days' ? days(o.amount) : `${o.amount}${o.unit === '%' ? '' : ' '}${o.unit ?? ''}`;
  const phrase = o.phrase?.trim()
    ? o.phrase.replace(/\$?\{amount\}/g, amount).replace(/\s+/g, ' ').trim()
    : `${o.label.charAt(0).toLocaleLowerCase()}${o.label.slice(1)}${amount ? ` (${amount})` : ''}`;
  return asSentence(`We agreed on ${phrase}`);
}

/**
 * What a done task brought, as the customer may read it: the team's answer when one was recorded, else the
 * request ("Billing: approve the refund of the second charge." reads as done because the task is).
 */
export function taskSentence(t: AgreedTask): string {
  const said = t.result?.trim() ? t.result : t.what;
  return asSentence(`${t.team.trim()}: ${said.trim()}`);
}

/**
 * The agreement: accepted offers, then done tasks, then each line the agent typed. Empty means nothing was
 * agreed yet, and then there is no summary and no resolving.
 */
export function agreementItems(input: { offers: readonly AgreedOffer[]; tasks: readonly AgreedTask[]; typed?: string }): AgreementItem[] {
  const typed = (input.typed ?? '').split(/\n+/).map((l) => asSentence(l.replace(/^\s*[-•*]\s*/, ''))).filter(Boolean);
  return [
    ...input.offers.map((o) => ({ source: 'offer' as const, id: o.id, text: offerSentence(o) })),
    ...input.tasks.map((t) => ({ source: 'task' as const, id: t.id, text: taskSentence(t) })),
    ...typed.map((text) => ({ source: 'agent' as const, id: null, text })),
  ];
}

/** The agreement as one text for the record (`resolutions.agreed`): one line per item. */
export function agreementText(items: readonly AgreementItem[]): string {
  return items.map((i) => i.text).join('\n');
}

/**
 * "Thursday 19 November" for the call-back day (YYYY-MM-DD on the team's calendar), the same in the
 * browser and on the server.
 */
export function spokenDay(on: string): string {
  const d = new Date(`${on}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return on;
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

export interface SummaryFacts {
  items: readonly AgreementItem[];
  customerName?: string;
  agentName?: string;
  companyName?: string;
  /** The issue as an agent says it back ("the double charge on your card"). */
  issue?: string;
  /** The customer was upset: acknowledge, side with them and apologize for the named issue first. */
  upset?: boolean;
  /** Years with the company, when loyalty should be acknowledged (P18). */
  loyaltyYears?: number;
  /** Thanked for loyalty without a number of years. */
  loyal?: boolean;
  /** The call-back day, YYYY-MM-DD. */
  followUpOn?: string;
}

/**
 * The summary drafted from the agreement: greeting, the emotional moves when the customer was upset, what we
 * agreed as a list, when we call back, sign-off. Empty when nothing was agreed: a summary of nothing would
 * invent an agreement. It never says a summary will be sent: it is the summary.
 *
 * @example
 * draftSummary({ items: [{ source: 'offer', id: 1, text: 'You will get a 10% discount on your next order.' }], customerName: 'Maria Lopez', followUpOn: '2026-11-19' })
 * // 'Hi Maria,\n\nThank you for bearing with us. Here is what we agreed:\n\n- You will get a 10% discount on your next order.\n\nI will call you on Thursday 19 November …'
 */
export function draftSummary(f: SummaryFacts): string {
  if (f.items.length === 0) return '';
  const first = f.customerName?.trim().split(/\s+/)[0];
  const us = f.companyName?.trim() || 'us';
  const opening: string[] = [];
  if (f.upset) {
    opening.push(`That must have been really frustrating, and you deserved better from ${us}.`);
    opening.push(f.issue ? `I apologize for ${f.issue}.` : 'I apologize for the trouble this caused you.');
  } else {
    opening.push(f.issue ? `Thank you for bearing with us while we sorted out ${f.issue}.` : 'Thank you for bearing with us while we sorted this out.');
  }
  if (f.loyaltyYears && f.loyaltyYears >= 2) opening.push(`Thank you for being with us for ${Math.round(f.loyaltyYears)} years; your loyalty means a lot to us.`);
  else if (f.loyal) opening.push('Thank you for being such a loyal customer.');
  const list = f.items.map((i) => `- ${i.text}`).join('\n');
  const callBack = f.followUpOn
    ? `I will call you on ${spokenDay(f.followUpOn)} to make sure everything is as we agreed.`
    : 'I will call you in a day or two to make sure everything is as we agreed.';
  const who = [f.agentName?.trim(), f.companyName?.trim()].filter(Boolean).join(', ');
  return [
    first ? `Hi ${first},` : 'Hello,',
    `${opening.join(' ')} Here is what we agreed:`,
    list,
    callBack,
    who ? `Kind regards,\n${who}` : 'Kind regards',
  ].join('\n\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Plain text to HTML: blank lines part paragraphs, a block of "- " lines is a list, other line breaks stay. */
export function textToHtml(text: string): string {
  return text.trim().split(/\n\s*\n/).map((block) => {
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*[-•]\s+/.test(l))) return `<ul>\n${lines.map((l) => `<li>${escapeHtml(l.replace(/^\s*[-•]\s+/, ''))}</li>`).join('\n')}\n</ul>`;
    return `<p>${lines.map(escapeHtml).join('<br>\n')}</p>`;
  }).join('\n');
}

export interface ResolutionEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The e-mail a customer receives: the summary as written, then where it came from and how to answer; the
 * HTML part says the same, with no styles or images (so it reads the same in every mail client and the
 * desk's preview shows it exactly).
 */
export function resolutionEmail(company: string, caseId: number, subject: string, summary: string): ResolutionEmail {
  const mailSubject = `${company}: what we agreed about "${subject}" (case #${caseId})`;
  // The desk does not read incoming mail, so the footer promises no routing: a reply reaches MAIL_FROM's
  // mailbox, and the case number in it lets whoever reads that mailbox find the case.
  const footer = [`${company} · case #${caseId}`, `If anything here is not what we agreed, reply to this e-mail and keep "case #${caseId}" in the subject.`];
  const text = `${summary.trim()}\n\n--\n${footer.join('\n')}\n`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(mailSubject)}</title></head>`,
    '<body>',
    textToHtml(summary),
    '<hr>',
    `<p>${footer.map(escapeHtml).join('<br>\n')}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject: mailSubject, text, html };
}

/**
 * The summary e-mail is itself the written confirmation, so the closing rule's "say you will confirm it by
 * e-mail" does not apply to it; the recap, the follow-up and every other rule do.
 */
const SUMMARY_RULES = RULES.map((r) => r.meta.id !== 'summarize-when-closing' ? r : {
  ...r,
  check: (input: Parameters<typeof r.check>[0]) => r.check(input).filter((f) => f.messageId !== 'missingEmailConfirmation'),
});

/**
 * Coaches a summary as the server scores it on resolve: phase 'summarize', without asking the e-mail to
 * promise an e-mail.
 */
export function checkSummary(text: string, context: ReplyContext): CheckResult {
  return checkReply(text, { ...context, phase: 'summarize' }, { ruleList: SUMMARY_RULES });
}
