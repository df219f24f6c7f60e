/**
 * The JSON API as the UI uses it: one `request` that sends the session cookie and the CSRF token, turns
 * error bodies into readable messages and sends a signed-out user to the login page. The response types
 * name only the fields the UI reads; unknown extra fields are ignored.
 */
import type { MessageAnalysis, ReplyContext } from '../../engine/index.ts';

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body?: unknown) {
    super(message);
  }
}

let csrfToken: string | undefined;

/** Remembers the CSRF token the server handed out (login or session response). */
export function setCsrf(token: string | undefined): void {
  if (token) csrfToken = token;
}

function csrfFromCookie(): string | undefined {
  const m = /(?:^|;\s*)(?:defuse_csrf|csrf_token|csrf)=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : undefined;
}

/**
 * Calls the API. Non-2xx answers throw an `ApiError` with the server's message; 401 redirects to login
 * unless `allowUnauthenticated` is set.
 *
 * @example
 * const { cases } = await request<{ cases: CaseSummary[] }>('GET', '/api/cases?mine=1');
 */
export async function request<T>(method: string, path: string, body?: unknown, opts: { allowUnauthenticated?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'The desk server did not answer. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.status === 401 && !opts.allowUnauthenticated) {
    const next = encodeURIComponent(location.pathname + location.search);
    location.assign(`/login?next=${next}`);
    throw new ApiError(401, 'Please sign in.');
  }
  if (!res.ok) throw new ApiError(res.status, errorMessage(data) ?? `Request failed (${res.status}).`, data);
  const token = (data as { csrfToken?: string } | undefined)?.csrfToken;
  if (token) setCsrf(token);
  return data as T;
}

function errorMessage(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { error?: unknown; message?: unknown; issues?: { path?: unknown[]; message?: string }[] };
  const base = typeof d.error === 'string' ? d.error : typeof d.message === 'string' ? d.message
    : d.error && typeof d.error === 'object' && typeof (d.error as { message?: unknown }).message === 'string' ? (d.error as { message: string }).message : undefined;
  const issues = Array.isArray(d.issues) ? d.issues.map((i) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`).join('; ') : '';
  return [base, issues].filter(Boolean).join(' — ') || undefined;
}

export type Role = 'agent' | 'lead' | 'admin';

export interface User {
  id: string | number;
  name: string;
  email: string;
  role: Role;
}

export interface Customer {
  id: string | number;
  name: string;
  email?: string | null;
  phone?: string | null;
  tenureYears?: number | null;
  customerSince?: string | null;
  lifetimeValue?: number | null;
  highValue?: boolean;
  pastCases?: { id: string | number; subject?: string | null; status: string; openedAt?: string; resolvedAt?: string | null }[];
}

export interface Message {
  id: string | number;
  direction: 'inbound' | 'outbound';
  body: string;
  author?: string | null;
  createdAt: string;
  analysis?: MessageAnalysis | null;
}

export interface CaseSummary {
  id: string | number;
  subject?: string | null;
  status: string;
  phase?: string;
  customer: Pick<Customer, 'id' | 'name' | 'lifetimeValue' | 'tenureYears' | 'highValue'>;
  anger: number;
  waitingSince?: string | null;
  priority?: number;
  priorityReason?: string;
  owner?: Pick<User, 'id' | 'name'> | null;
}

export interface Task {
  id: string | number;
  team: string;
  what: string;
  dueAt: string;
  status: 'open' | 'done' | 'cancelled' | string;
  result?: string | null;
  completedAt?: string | null;
}

export interface CatalogueOption {
  id: string | number;
  key?: string;
  label: string;
  kind?: string;
  need: string;
  unit?: string | null;
  phrase?: string;
  /** What this user may do without approval: allowed at all, and up to which amount. */
  allowed?: boolean;
  maxAmount?: number | null;
}

export interface Offer {
  id: string | number;
  optionId?: string | number;
  label?: string;
  amount?: number | null;
  note?: string;
  status: 'pending_approval' | 'offered' | 'rejected' | 'accepted' | 'declined' | string;
  withinAuthority?: boolean;
  decidedBy?: string | null;
  decisionReason?: string | null;
}

export interface FollowUp {
  id: string | number;
  caseId: string | number;
  dueAt: string;
  status: 'scheduled' | 'done' | 'cancelled' | string;
  outcome?: 'satisfied' | 'still_unhappy' | 'no_answer' | null;
  note?: string | null;
  customerName?: string;
  subject?: string | null;
}

export interface ProcessGap {
  id?: string | number;
  cause: string;
  team: string;
  note?: string;
}

export interface CaseDetail extends CaseSummary {
  customer: Customer;
  messages: Message[];
  tasks?: Task[];
  offers?: Offer[];
  followUps?: FollowUp[];
  angerTrajectory?: number[];
  resolution?: { agreed: string; summary: string; createdAt?: string } | null;
  processGaps?: ProcessGap[];
  /** What the composer checks against, from the server; the UI builds one if absent. */
  replyContext?: ReplyContext;
}
