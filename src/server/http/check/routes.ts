import { checkDraft } from '../../services/cases.ts';
import { defineRoute } from '../route.ts';
import { CheckBody, CheckResponse } from './schemas.ts';

export const checkRoute = defineRoute({
  method: 'post',
  path: '/api/check',
  operationId: 'checkDraft',
  summary: 'Coach a draft reply against a case or a given context (nothing is stored)',
  tag: 'coaching',
  access: 'user',
  body: CheckBody,
  response: CheckResponse,
  handler: ({ body, actor, deps }) => checkDraft(deps, actor, body),
});

export const checkRoutes = [checkRoute];
