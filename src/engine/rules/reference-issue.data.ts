import type { IssueCategory } from '../types.ts';

/**
 * Words that show a reply talks about an issue of each category, as regex sources matched on word
 * starts ("deliver" matches "delivery", "delivered"). A reply that uses one of them, or a content word of
 * the customer's own issue phrase, refers to the actual issue.
 */
export const CATEGORY_WORDS: Record<IssueCategory, string[]> = {
  // Late, lost or misrouted orders
  delivery: ['deliver', 'arriv', 'parcel', 'package', 'shipp', 'shipment', 'courier', 'dispatch', 'tracking', 'late', 'delay', 'lost', 'postage', 'order'],
  // Broken, faulty or not working
  defect: ['broke', 'broken', 'fault', 'defect', 'damage', 'not working', 'stopped working', 'crack', 'repair', 'replace', 'malfunction', 'working'],
  // Charges and bills
  billing: ['charg', 'bill', 'invoice', 'payment', 'paid', 'card', 'fee', 'price', 'amount', 'debit', 'overcharg', 'subscription'],
  // Refunds and returns
  refund: ['refund', 'money back', 'return', 'reimburs', 'credit'],
  // Access to the account
  account: ['account', 'log in', 'login', 'logged', 'password', 'locked', 'access', 'sign in', 'signed in', 'verification', 'verify'],
  // How staff treated them
  service: ['staff', 'rude', 'treated', 'service', 'colleague', 'team member', 'agent', 'behaviour', 'behavior', 'manner', 'store'],
  // Transfers, holds, being passed around
  transfer: ['transfer', 'passed', 'bounced', 'department', 'on hold', 'hold', 'repeat', 'run around', 'runaround', 'passed around'],
  // Rules and refusals
  policy: ['policy', 'rule', 'return window', 'exception', 'terms', 'decision', 'refus', 'declin', 'turned down'],
};

/** Words of an issue phrase that say nothing about which issue it is. */
export const STOPWORDS = new Set([
  'the', 'a', 'an', 'your', 'my', 'our', 'their', 'his', 'her', 'of', 'on', 'in', 'at', 'to', 'for', 'from', 'with', 'by', 'about',
  'that', 'this', 'these', 'those', 'which', 'who', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'it', 'its',
  'not', 'never', 'no', 'still', 'yet', 'again', 'one', 'another', 'after', 'before', 'we', 'us', 'you', 'and', 'or', 'but', 'so', 'very',
  'issue', 'problem', 'trouble', 'thing', 'things', 'experience', 'situation', 'way', 'week', 'weeks', 'day', 'days', 'time', 'times',
  'reached', 'got', 'get', 'did', 'does', 'do', 'made', 'make', 'turned', 'down', 'up', 'out',
]);
