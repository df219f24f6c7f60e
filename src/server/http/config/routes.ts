import { teamConfig } from '../../services/team-config.ts';
import { defineRoute } from '../route.ts';
import { TeamConfigResponse } from './schemas.ts';

export const teamConfigRoute = defineRoute({
  method: 'get',
  path: '/api/config',
  operationId: 'teamConfig',
  summary: "The team's coaching settings (company name, rule levels, options) for the browser extension",
  description: 'Answers the extension origins in EXTENSION_ORIGINS with CORS; such calls must carry a bearer token.',
  tag: 'coaching',
  access: 'user',
  response: TeamConfigResponse,
  handler: ({ actor, deps }) => teamConfig(deps, actor),
});

export const configRoutes = [teamConfigRoute];
