import { z } from 'zod';
import { addMessage, caseDetail, CASE_COLUMNS, openCase, reassignCase } from '../../services/cases.ts';
import { requireRole } from '../../services/context.ts';
import { customerCard, decideCustomerChange, searchCustomers, updateCustomer } from '../../services/customers.ts';
import { queue } from '../../services/queue.ts';
import { defineRoute } from '../route.ts';
import { CaseRow, Customer, IdParams } from '../schemas.ts';
import {
  AddMessageBody, AddMessageResponse, CaseDetail, CaseList, CaseListQuery, CustomerCard, CustomerChangeDecision, CustomerPatch, CustomerSearchQuery,
  CustomerUpdate, OpenCaseBody, QueueQuery, QueueResponse, ReassignBody,
} from './schemas.ts';

export const openCaseRoute = defineRoute({
  method: 'post',
  path: '/api/cases',
  operationId: 'openCase',
  summary: "Open a case from a customer's first message",
  description: 'Creates the customer (or uses customerId), analyses the message with the engine and returns the case with that analysis.',
  tag: 'cases',
  access: 'user',
  body: OpenCaseBody,
  response: CaseDetail,
  status: 201,
  handler: ({ body, actor, deps }) => openCase(deps, actor, body),
});

export const listCasesRoute = defineRoute({
  method: 'get',
  path: '/api/cases',
  operationId: 'listCases',
  summary: "Cases: the caller's own, or all for leads",
  tag: 'cases',
  access: 'user',
  query: CaseListQuery,
  response: CaseList,
  async handler({ query, actor, deps }) {
    if (query.scope === 'all') requireRole(actor, 'lead');
    const { rows } = await deps.db.query(
      `SELECT ${CASE_COLUMNS}, cu.name AS "customerName", u.name AS "ownerName" FROM cases c JOIN customers cu ON cu.id = c.customer_id JOIN users u ON u.id = c.owner_id
       WHERE ($1::text IS NULL OR c.status = $1) AND ($2::int IS NULL OR c.customer_id = $2) AND ($3 OR c.owner_id = $4)
       ORDER BY c.updated_at DESC LIMIT $5`,
      [query.status ?? null, query.customerId ?? null, query.scope === 'all', actor.id, query.limit],
    );
    return { cases: rows };
  },
});

export const getCaseRoute = defineRoute({
  method: 'get',
  path: '/api/cases/{id}',
  operationId: 'getCase',
  summary: 'A case with its conversation, analyses, anger trajectory, customer card, tasks, offers, follow-ups and gaps',
  tag: 'cases',
  access: 'user',
  params: IdParams,
  response: CaseDetail,
  handler: ({ params, actor, deps }) => caseDetail(deps, actor, params.id),
});

export const addMessageRoute = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/messages',
  operationId: 'addMessage',
  summary: 'Add an inbound or outbound message (an outbound reply on an e-mail case is e-mailed to the customer)',
  description: 'Inbound messages are analysed (and reopen a resolved case). Outbound replies are checked against the case and stored with their findings; `draft: true` only checks.',
  tag: 'cases',
  access: 'user',
  params: IdParams,
  body: AddMessageBody,
  response: AddMessageResponse,
  async handler({ params, body, actor, deps }) {
    const res = await addMessage(deps, actor, params.id, body);
    // After the commit, so the mail loop finds the reply's e-mail at once.
    if (res.email) deps.poke?.();
    return res;
  },
});

export const reassignRoute = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/reassign',
  operationId: 'reassignCase',
  summary: 'Give the case to another owner (leads only, with a reason; counted as a transfer and audited)',
  tag: 'cases',
  access: 'lead',
  params: IdParams,
  body: ReassignBody,
  response: CaseRow,
  handler: ({ params, body, actor, deps }) => reassignCase(deps, actor, params.id, body),
});

export const queueRoute = defineRoute({
  method: 'get',
  path: '/api/queue',
  operationId: 'queue',
  summary: 'Open cases by priority (anger × customer value × waiting time), with why',
  tag: 'cases',
  access: 'user',
  query: QueueQuery,
  response: QueueResponse,
  handler: async ({ query, actor, deps }) => ({ items: await queue(deps, actor, query) }),
});

export const searchCustomersRoute = defineRoute({
  method: 'get',
  path: '/api/customers',
  operationId: 'searchCustomers',
  summary: 'Customers whose name or e-mail contains q',
  tag: 'customers',
  access: 'user',
  query: CustomerSearchQuery,
  response: z.object({ customers: z.array(Customer) }),
  handler: async ({ query, deps }) => ({ customers: await searchCustomers(deps, query.q) }),
});

export const getCustomerRoute = defineRoute({
  method: 'get',
  path: '/api/customers/{id}',
  operationId: 'getCustomer',
  summary: 'The customer card: contacts, tenure, lifetime value and case history',
  tag: 'customers',
  access: 'user',
  params: IdParams,
  response: CustomerCard,
  handler: ({ params, deps }) => customerCard(deps, params.id),
});

export const updateCustomerRoute = defineRoute({
  method: 'patch',
  path: '/api/customers/{id}',
  operationId: 'updateCustomer',
  summary: 'Correct a customer record (e.g. add the e-mail for the resolution summary); agents: customers of their own cases',
  tag: 'customers',
  access: 'user',
  params: IdParams,
  description: "Leads change any field. An agent who owns one of the customer's cases changes contact details (e-mail, phone, handle) at once only when every case of the customer in flight is theirs; otherwise the change waits in `pendingChange` until a lead or the owner of one of those cases confirms it. Every change is audited.",
  body: CustomerPatch,
  response: CustomerUpdate,
  handler: ({ params, body, actor, deps }) => updateCustomer(deps, actor, params.id, body),
});

export const decideCustomerChangeRoute = defineRoute({
  method: 'post',
  path: '/api/customer-changes/{id}/decision',
  operationId: 'decideCustomerChange',
  summary: "Confirm or turn down a pending change to a customer's contact details (a lead, or the owner of one of the customer's cases in flight; never the requester)",
  tag: 'customers',
  access: 'user',
  params: IdParams,
  body: CustomerChangeDecision,
  response: Customer,
  handler: ({ params, body, actor, deps }) => decideCustomerChange(deps, actor, params.id, body),
});

export const caseRoutes = [openCaseRoute, listCasesRoute, getCaseRoute, addMessageRoute, reassignRoute, queueRoute, searchCustomersRoute, getCustomerRoute, updateCustomerRoute, decideCustomerChangeRoute];
