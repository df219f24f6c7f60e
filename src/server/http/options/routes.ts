import { answerOffer, decideApproval, makeOffer, optionsFor, pendingApprovals } from '../../services/options.ts';
import { defineRoute } from '../route.ts';
import { IdParams, Offer } from '../schemas.ts';
import { AnswerBody, ApprovalList, DecisionBody, MakeOfferBody, OptionsQuery, OptionsResponse } from './schemas.ts';

export const optionsRoute = defineRoute({
  method: 'get',
  path: '/api/options',
  operationId: 'listOptions',
  summary: "The remedies catalogue with the caller's authority; with caseId, the ones that fit the need come first",
  tag: 'options',
  access: 'user',
  query: OptionsQuery,
  response: OptionsResponse,
  handler: async ({ query, actor, deps }) => ({ options: await optionsFor(deps, actor, query.caseId) }),
});

export const makeOfferRoute = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/offers',
  operationId: 'makeOffer',
  summary: "Offer a remedy; beyond the caller's authority it waits for a lead's approval",
  description: "Returns the offer with status 'offered' (within authority) or 'pending_approval' (every lead is notified).",
  tag: 'options',
  access: 'user',
  params: IdParams,
  body: MakeOfferBody,
  response: Offer,
  status: 201,
  handler: ({ params, body, actor, deps }) => makeOffer(deps, actor, params.id, body),
});

export const approvalsRoute = defineRoute({
  method: 'get',
  path: '/api/approvals',
  operationId: 'listApprovals',
  summary: 'Offers waiting for approval',
  tag: 'options',
  access: 'lead',
  response: ApprovalList,
  handler: async ({ actor, deps }) => ({ approvals: await pendingApprovals(deps, actor) }),
});

export const decideRoute = defineRoute({
  method: 'post',
  path: '/api/offers/{id}/decision',
  operationId: 'decideApproval',
  summary: "Approve or turn down an offer beyond the agent's authority (records who allowed it and why)",
  tag: 'options',
  access: 'lead',
  params: IdParams,
  body: DecisionBody,
  response: Offer,
  handler: ({ params, body, actor, deps }) => decideApproval(deps, actor, params.id, body),
});

export const answerRoute = defineRoute({
  method: 'post',
  path: '/api/offers/{id}/answer',
  operationId: 'answerOffer',
  summary: "Record the customer's answer to an offer",
  tag: 'options',
  access: 'user',
  params: IdParams,
  body: AnswerBody,
  response: Offer,
  handler: ({ params, body, actor, deps }) => answerOffer(deps, actor, params.id, body.answer),
});

export const optionRoutes = [optionsRoute, makeOfferRoute, approvalsRoute, decideRoute, answerRoute];
