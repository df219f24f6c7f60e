/**
 * Every site adapter, sorted by id. Adding a helpdesk: one file here, one fixture page under
 * `test/browser/fixtures/extension/`, and its entry below; the manifest's host permissions follow.
 */
import freshdesk from './freshdesk.ts';
import front from './front.ts';
import gmail from './gmail.ts';
import helpscout from './helpscout.ts';
import intercom from './intercom.ts';
import { hostMatches, type SiteAdapter } from './types.ts';
import zendesk from './zendesk.ts';

export type { SiteAdapter } from './types.ts';

export const SITES: readonly SiteAdapter[] = [freshdesk, front, gmail, helpscout, intercom, zendesk];

/**
 * The adapter for a page's hostname, if any.
 *
 * @example
 * siteFor('acme.zendesk.com')?.name // 'Zendesk'
 */
export function siteFor(hostname: string): SiteAdapter | undefined {
  return SITES.find((s) => s.hosts.some((h) => hostMatches(hostname, h)));
}

/** The match patterns the manifest grants: https only, every adapter's hosts. */
export function siteMatchPatterns(): string[] {
  return SITES.flatMap((s) => s.hosts.map((h) => `https://${h}/*`));
}
