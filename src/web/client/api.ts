/**
 * The JSON API as the UI uses it: one `request` that sends the session cookie and the CSRF token, turns
 * error bodies into readable messages and sends a signed-out user to the login page. The response types
 * name only the fields the UI reads; unknown extra fields are ignored.
 */
import type { CheckResult, MessageAnalysis, Need, Phase, ReplyContext } from '../../engine/index.ts';
import { humanIssue } from './issues.ts';

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
  // Validation errors: each field in words with what to do ("E-mail: enter an address like name@example.com."),
  // never the schema's path and message ("body.customer.email: Invalid email address").
  const fieldIssues = (data as { error?: { details?: { issues?: { path?: unknown; message?: unknown }[] } } }).error?.details?.issues;
  if (Array.isArray(fieldIssues) && fieldIssues.length) {
    const texts = fieldIssues.filter((i) => typeof i.path === 'string' && typeof i.message === 'string').map((i) => humanIssue(i.path as string, i.message as string).text);
    if (texts.length) return texts.join(' ');
  }
  const d = data as { error?: unknown; message?: unknown; issues?: { path?: unknown[]; message?: string }[] };
  const base = typeof d.error === 'string' ? d.error : typeof d.message === 'string' ? d.message
    : d.error && typeof d.error === 'object' && typeof (d.error as { message?: unknown }).message === 'string' ? (d.error as { message: string }).message : undefined;
  const issues = Array.isArray(d.issues) ? d.issues.map((i) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`).join('; ') : '';
  return [base, issues].filter(Boolean).join(' — ') || undefined;
}

export type Role = 'agent' | 'lead' | 'admin';

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
  team?: string;
}

export interface Customer {
  id: number;
  name: string;
  email?: string | null;
  phone?: string | null;
  handle?: string | null;
  customerSince?: string | null;
  tenureYears?: number | null;
  lifetimeValue?: number | null;
  highValue?: boolean;
  notes?: string;
  pastCases?: { id: number; subject: string; status: string; createdAt?: string }[];
  pendingChanges?: CustomerChange[];
}

/** A contact change another agent asked for, waiting for the case owner or a lead to confirm it. */
export interface CustomerChange {
  id: number;
  requestedByName: string;
  fields: { email?: string; phone?: string; handle?: string };
  createdAt: string;
}

export interface Message {
  id: number;
  direction: 'inbound' | 'outbound';
  body: string;
  authorName?: string | null;
  anger?: number | null;
  score?: number | null;
  createdAt: string;
  analysis?: MessageAnalysis | null;
  check?: CheckResult | null;
}

/** One row of `GET /api/queue`: the server computes the priority and says why. */
export interface QueueItem {
  caseId: number;
  subject: string;
  phase: string;
  ownerName: string;
  customerId: number;
  customerName: string;
  anger: number;
  lifetimeValue: number;
  tenureYears: number | null;
  waitingMinutes: number;
  priority: number;
  why: { factor: 'anger' | 'value' | 'waiting'; weight: number; text: string }[];
  flags: string[];
  lastInboundAt: string | null;
}

export interface Task {
  id: number;
  team: string;
  what: string;
  dueAt: string;
  status: 'open' | 'done' | 'cancelled';
  result?: string | null;
  completedAt?: string | null;
}

/** A remedy from the catalogue as the signed-in user may offer it. */
export interface CatalogueOption {
  id: number;
  key: string;
  label: string;
  kind: string;
  need: Need;
  unit: string | null;
  phrase: string;
  /** What this user may give alone; beyond it a lead must approve. */
  authority: { allowed: boolean; maxAmount: number | null };
  /** Fits one of the case's needs. */
  suggested: boolean;
}

export interface Offer {
  id: number;
  optionId: number;
  optionKey?: string;
  label: string;
  unit: string | null;
  amount: number | null;
  note?: string;
  status: 'pending_approval' | 'offered' | 'rejected' | 'accepted' | 'declined';
  withinAuthority: boolean;
  decisionReason?: string | null;
  caseSubject?: string;
  offeredByName?: string;
  caseId?: number;
}

export interface FollowUp {
  id: number;
  caseId: number;
  dueAt: string;
  status: 'scheduled' | 'done' | 'cancelled';
  outcome?: 'satisfied' | 'still_unhappy' | 'no_answer' | null;
  note?: string | null;
  caseSubject?: string;
  customerName?: string;
  customerPhone?: string | null;
  customerEmail?: string | null;
  ownerName?: string;
  due?: boolean;
}

export interface ProcessGap {
  id?: number;
  cause: string;
  team: string;
  note?: string;
}

export interface CaseDetail {
  id: number;
  subject: string;
  status: 'open' | 'resolved' | 'closed';
  phase: Phase;
  channel?: 'private' | 'public-review';
  issuePhrase?: string | null;
  needs?: Need[];
  transferCount?: number;
  reopenCount?: number;
  lastInboundAt?: string | null;
  owner: { id: number; name: string };
  customer: Customer;
  anger: number | null;
  angerTrajectory: { messageId: number; at: string; anger: number }[];
  messages: Message[];
  tasks: Task[];
  offers: Offer[];
  followUps: FollowUp[];
  gaps: ProcessGap[];
  transfers?: { id: number; fromName: string; toName: string; byName: string; reason: string; createdAt: string }[];
  resolution: { agreed: string; summary: string; createdAt: string } | null;
  /** What the server checks replies against; when present the browser coaches against exactly this. */
  replyContext?: ReplyContext;
}
