/**
 * A site adapter: where one helpdesk keeps its reply editor and its conversation, as plain data. When a
 * helpdesk changes its markup, its file and its fixture page change and nothing else (STYLE.md 20).
 *
 * Every selector is tried with `querySelectorAll`; lists are tried in order. A message counts as the
 * customer's when it matches (or contains a match for) `customer`; without `customer`, when it does not match
 * `agent`; without either, the latest message is taken to be the customer's.
 */
export interface SiteAdapter {
  /** Short id, also the fixture's file name: `test/browser/fixtures/extension/<id>.html`. */
  id: string;
  /** The product as agents know it. */
  name: string;
  /** Hosts as in match patterns (`mail.google.com`, `*.zendesk.com`); the manifest's permissions come from these. */
  hosts: readonly string[];
  /** Reply editors (a textarea or a contenteditable root), most specific first. */
  editors: readonly string[];
  /**
   * The element holding one conversation and its editor (a ticket's tab). Messages are read inside the one
   * around the editor, so another open ticket's messages never leak in. Without it, the whole page.
   */
  conversation?: string;
  /** Each message of the conversation. */
  message: string;
  /** Page order of the messages; most helpdesks list the oldest first. */
  order?: 'oldest-first' | 'newest-first';
  customer?: string;
  agent?: string;
  /** The message's text inside a message; the whole message when absent or not found. */
  body?: string;
  /** The author's display name inside a message. */
  author?: string;
  /** Parts of the editor that are not the reply being written (a quoted thread). */
  ignore?: readonly string[];
}

/**
 * Whether a hostname is covered by a host pattern (`*.zendesk.com` covers `acme.zendesk.com`).
 *
 * @example
 * hostMatches('acme.zendesk.com', '*.zendesk.com') // true
 */
export function hostMatches(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase();
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2).toLowerCase();
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern.toLowerCase();
}

/** Declares an adapter (a typed identity, so each site file reads as data). */
export function defineSite(site: SiteAdapter): SiteAdapter {
  return site;
}
