import { createApiToken, listApiTokens, revokeApiToken } from '../../services/auth.ts';
import { createUser, listUsers, resetPassword, updateUser } from '../../services/users.ts';
import { defineRoute } from '../route.ts';
import { IdParams, User } from '../schemas.ts';
import { ApiToken, CreateTokenBody, CreateTokenResponse, CreateUserBody, CreateUserResponse, TokenList, UpdateUserBody, UserList } from './schemas.ts';

export const listUsersRoute = defineRoute({
  method: 'get',
  path: '/api/users',
  operationId: 'listUsers',
  summary: 'Desk users (leads: to pick a new owner; admins: to manage)',
  tag: 'admin',
  access: 'lead',
  response: UserList,
  handler: async ({ actor, deps }) => ({ users: await listUsers(deps, actor) }),
});

export const createUserRoute = defineRoute({
  method: 'post',
  path: '/api/admin/users',
  operationId: 'createUser',
  summary: 'Create a user (a password is generated when none is given)',
  tag: 'admin',
  access: 'admin',
  body: CreateUserBody,
  response: CreateUserResponse,
  status: 201,
  handler: ({ body, actor, deps }) => createUser(deps, actor, body),
});

export const updateUserRoute = defineRoute({
  method: 'patch',
  path: '/api/admin/users/{id}',
  operationId: 'updateUser',
  summary: "Change a user's role, team, name or password, or disable them (ends their sessions)",
  tag: 'admin',
  access: 'admin',
  params: IdParams,
  body: UpdateUserBody,
  response: User,
  handler: ({ params, body, actor, deps }) => updateUser(deps, actor, params.id, body),
});

export const resetPasswordRoute = defineRoute({
  method: 'post',
  path: '/api/admin/users/{id}/password',
  operationId: 'resetPassword',
  summary: "Give a user a new generated password (shown once) and end their sessions",
  tag: 'admin',
  access: 'admin',
  params: IdParams,
  response: CreateUserResponse,
  handler: ({ params, actor, deps }) => resetPassword(deps, actor, params.id),
});

export const listTokensRoute = defineRoute({
  method: 'get',
  path: '/api/admin/tokens',
  operationId: 'listTokens',
  summary: 'API tokens (secrets are never shown again)',
  tag: 'admin',
  access: 'admin',
  response: TokenList,
  handler: async ({ actor, deps }) => ({ tokens: await listApiTokens(deps, actor) }),
});

export const createTokenRoute = defineRoute({
  method: 'post',
  path: '/api/admin/tokens',
  operationId: 'createToken',
  summary: 'Create an API token for an integration',
  tag: 'admin',
  access: 'admin',
  body: CreateTokenBody,
  response: CreateTokenResponse,
  status: 201,
  handler: ({ body, actor, deps }) => createApiToken(deps, actor, body),
});

export const revokeTokenRoute = defineRoute({
  method: 'delete',
  path: '/api/admin/tokens/{id}',
  operationId: 'revokeToken',
  summary: 'Revoke an API token',
  tag: 'admin',
  access: 'admin',
  params: IdParams,
  response: ApiToken,
  handler: ({ params, actor, deps }) => revokeApiToken(deps, actor, params.id),
});

export const adminRoutes = [listUsersRoute, createUserRoute, updateUserRoute, resetPasswordRoute, listTokensRoute, createTokenRoute, revokeTokenRoute];
