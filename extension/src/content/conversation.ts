/**
 * Reads the customer's latest message (and their name) from the page, as a site adapter describes it.
 */
import type { SiteAdapter } from '../sites/types.ts';
import { isVisible } from './editors.ts';

export interface PageCustomerMessage {
  text: string;
  name?: string;
}

/**
 * The latest visible message the customer wrote in the conversation around `editor`.
 *
 * @example
 * readCustomerMessage(zendesk, editor, document) // { text: 'I was charged twice…', name: 'Ana Silva' }
 */
export function readCustomerMessage(site: SiteAdapter, editor: Element | undefined, doc: Document): PageCustomerMessage | undefined {
  const anchor = editor ? inDocument(editor, doc) : undefined;
  const scope: ParentNode = (site.conversation && anchor?.closest(site.conversation)) || doc;
  const messages = [...scope.querySelectorAll(site.message)].filter(isVisible);
  if (site.order === 'newest-first') messages.reverse();
  const has = (m: Element, selector: string | undefined): boolean => !!selector && (m.matches(selector) || m.querySelector(selector) !== null);
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    const fromCustomer = site.customer ? has(m, site.customer) : site.agent ? !has(m, site.agent) : true;
    if (!fromCustomer) continue;
    const body = (site.body && m.querySelector(site.body)) || m;
    const text = textOf(body);
    if (!text) continue;
    const author = site.author ? m.querySelector(site.author) : null;
    const name = author ? textOf(author).replace(/\s+/g, ' ') : '';
    return { text, ...(name ? { name } : {}) };
  }
  return undefined;
}

function textOf(el: Element): string {
  return ((el as HTMLElement).innerText ?? el.textContent ?? '').trim();
}

/** The element of `doc` that holds `el`: itself, or the iframe its document hangs from. */
function inDocument(el: Element, doc: Document): Element | undefined {
  let node: Element | null = el;
  while (node && node.ownerDocument !== doc) {
    try {
      node = node.ownerDocument.defaultView?.frameElement ?? null;
    } catch {
      return undefined;
    }
  }
  return node ?? undefined;
}
