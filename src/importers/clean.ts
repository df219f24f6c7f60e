/**
 * Turns an exported message body into the text a person actually wrote for this message: HTML to text,
 * previous e-mails quoted below (or above) cut off, signatures and sign-off blocks left out. Scoring a
 * reply on the quoted customer e-mail underneath it, or on "Sent from my iPhone", would be wrong.
 */
import { compile } from 'html-to-text';

export interface CleanedText {
  /** What the author wrote in this message. */
  text: string;
  /** The signature or sign-off block that was cut, if any (kept for display, not analysed). */
  signature?: string;
  /** True when a quoted previous message was removed. */
  quoteRemoved: boolean;
}

const htmlToText = compile({
  wordwrap: false,
  selectors: [
    // Quoted history in HTML mail lives in these containers (Gmail, Outlook, Apple Mail, Zendesk, Front).
    { selector: 'blockquote', format: 'skip' },
    { selector: 'div.gmail_quote', format: 'skip' },
    { selector: 'div.gmail_signature', format: 'skip' },
    { selector: 'div#appendonsend', format: 'skip' },
    { selector: 'div#divRplyFwdMsg', format: 'skip' },
    { selector: 'div.moz-cite-prefix', format: 'skip' },
    { selector: 'div.zendesk_quote', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable' },
  ],
});

const HTML_HINT = /<\/?(?:p|div|br|span|html|body|blockquote|a|b|i|strong|em|ul|ol|li|table|font|h[1-6])\b[^>]*>|&(?:nbsp|amp|lt|gt|quot|#\d+);/i;

/**
 * True when the body looks like HTML rather than plain text with a stray `<`.
 *
 * @example
 * looksLikeHtml('<p>Hi</p>') // true
 * looksLikeHtml('a < b') // false
 */
export function looksLikeHtml(body: string): boolean {
  return HTML_HINT.test(body);
}

// Lines that start quoted history. Everything from the first of them on is dropped.
const QUOTE_HEADERS: RegExp[] = [
  /^-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's separator line above the "From:" block
  /^#{1,3}-? ?Please type your reply above this line ?-?#{1,3}$/i, // Zendesk mail delimiter
  /^(?:On|Am|Le|El|Op|Il)\s.{0,300}(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto)\s?:\s*$/i,
];
// Gmail wraps long attributions: "On Mon, 3 Jun 2024 at 10:02, Ana Lima <ana@x.com>" / "wrote:".
const ATTRIBUTION_START = /^(?:On|Am|Le|El|Op|Il)\s.{5,300}$/i;
const ATTRIBUTION_END = /^.{0,120}(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto)\s?:\s*$/i;
// Outlook's plain header block: "From: …" followed within a few lines by "Sent:"/"Date:" and "To:"/"Subject:".
const OUTLOOK_FROM = /^\*?(?:From|Von|De)\s?:\*?\s.+/i;
const OUTLOOK_FIELD = /^\*?(?:Sent|Date|Gesendet|Envoyé|To|An|À|Subject|Betreff|Objet|Cc)\s?:\*?/i;

// Signature and sign-off markers. The RFC 3676 delimiter and mobile footers end the message outright.
const SIGNATURE_DELIMITER = /^-- ?$/;
const MOBILE_FOOTER = /^(?:Sent from my (?:iPhone|iPad|Android|Samsung|Galaxy|Pixel|mobile|phone|BlackBerry)\b.*|Sent from (?:Mail|Outlook|Yahoo Mail) for .*|Get Outlook for (?:iOS|Android).*|Sent from Outlook|Sent with Proton Mail.*|Von meinem iPhone gesendet|Envoyé de mon iPhone)$/i;
const SIGN_OFF = /^(?:(?:best|kind|warm|warmest|many|with)\s+(?:regards|wishes|thanks)|regards|best|cheers|thanks(?: again| so much| a lot)?|thank you(?: very much| so much)?|many thanks|sincerely|yours(?: truly| sincerely)?|respectfully|take care|all the best|talk soon|have a (?:great|nice|good) (?:day|weekend)|mit freundlichen grüßen|cordialement|saludos)\s*[,.!]?\s*$/i;
/** A sign-off is only a signature when at most this many short lines follow it. */
const MAX_SIGNOFF_TAIL = 5;

/**
 * Cleans one message body for analysis.
 *
 * @example
 * cleanMessage('<p>Still broken.</p><blockquote>On Mon, Ana wrote: …</blockquote>').text // 'Still broken.'
 * cleanMessage('It arrived, thanks!\n\nSent from my iPhone').text // 'It arrived, thanks!'
 */
export function cleanMessage(body: string, options: { html?: boolean } = {}): CleanedText {
  const raw = typeof body === 'string' ? body : '';
  const html = options.html ?? looksLikeHtml(raw);
  let text = html ? htmlToText(raw) : raw;
  text = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  let lines = text.split('\n');
  const before = lines.length;
  lines = stripQuotes(lines);
  const quoteRemoved = lines.length !== before || /^\s*>/m.test(text);
  lines = lines.filter((l) => !/^\s*>/.test(l));
  const { body: kept, signature } = stripSignature(lines);
  const cleaned = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text: cleaned, signature: signature || undefined, quoteRemoved };
}

function stripQuotes(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (QUOTE_HEADERS.some((re) => re.test(line))) return lines.slice(0, i);
    if (ATTRIBUTION_START.test(line) && i + 1 < lines.length && ATTRIBUTION_END.test(lines[i + 1].trim()) && !/[.!?]$/.test(line)) {
      return lines.slice(0, i);
    }
    if (OUTLOOK_FROM.test(line)) {
      let fields = 0;
      for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) if (OUTLOOK_FIELD.test(lines[j].trim())) fields++;
      if (fields >= 2) return lines.slice(0, i);
    }
  }
  return lines;
}

function stripSignature(lines: string[]): { body: string[]; signature: string } {
  // Hard delimiters first: everything after them is signature.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (SIGNATURE_DELIMITER.test(lines[i]) || MOBILE_FOOTER.test(line)) {
      return { body: lines.slice(0, i), signature: lines.slice(i).join('\n').trim() };
    }
  }
  // A sign-off line near the end followed only by a few short lines (name, title, company, phone).
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && !lines[lastContent].trim()) lastContent--;
  for (let i = Math.max(0, lastContent - MAX_SIGNOFF_TAIL); i <= lastContent; i++) {
    const line = lines[i].trim();
    if (!SIGN_OFF.test(line)) continue;
    const tail = lines.slice(i + 1, lastContent + 1).filter((l) => l.trim());
    if (tail.every((l) => l.trim().length <= 60 && !/[.?!]\s*$/.test(l.trim()) || /^[+()\d\s.-]{7,}$/.test(l.trim()))) {
      // A message that is nothing but "Thanks!" is content, not a signature.
      if (lines.slice(0, i).some((l) => l.trim())) return { body: lines.slice(0, i), signature: lines.slice(i).join('\n').trim() };
    }
  }
  return { body: lines, signature: '' };
}

/**
 * Joins first/last name parts, ignoring blanks.
 *
 * @example
 * fullName('Olu', ' ', 'Adeyemi') // 'Olu Adeyemi'
 */
export function fullName(...parts: unknown[]): string | undefined {
  const name = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim()).join(' ');
  return name || undefined;
}

/**
 * Normalizes a vendor timestamp (ISO string, or Unix seconds/milliseconds) to ISO, or undefined.
 *
 * @example
 * toIso(1717056000) // '2024-05-30T08:00:00.000Z'
 */
export function toIso(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e12 ? value * 1000 : value;
    return new Date(ms).toISOString();
  }
  if (typeof value === 'string' && value.trim()) {
    const trimmed = value.trim();
    if (/^\d{9,13}$/.test(trimmed)) return toIso(Number(trimmed));
    const t = Date.parse(trimmed);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  return undefined;
}
