import type { Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { AppConfig } from '../config.ts';
import type { Db } from '../db/db.ts';
import { HttpError } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Actor, Role } from '../services/context.ts';

/** Everything the app is built from. Injected by `createApp`; nothing lives in module singletons. */
export interface AppDeps {
  db: Db;
  mailer: Mailer;
  clock: Clock;
  config: AppConfig;
  /** Called after work that queued e-mail, so it leaves without waiting for the next scheduler tick. */
  poke?: () => void;
}

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** Who may call a route: anyone, any signed-in user, or at least this role. */
export type Access = 'public' | 'user' | Role;

type Obj = z.ZodObject | z.ZodType<Record<string, unknown>>;

/** Hono variables set by the auth middleware. */
export interface AppEnv {
  Variables: {
    actor: Actor;
    /** Present when authenticated by the session cookie. */
    sessionToken?: string;
    csrfToken?: string;
  };
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  deps: AppDeps;
  c: Context<AppEnv>;
}

/**
 * One API operation: its documentation, its zod schemas (used both to validate and to write the OpenAPI
 * document) and a thin handler that calls a service.
 */
export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** OpenAPI-style path, e.g. `/api/cases/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Exclude<Access, 'public'>;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType;
  status?: 200 | 201;
  handler(ctx: RouteContext<P, Q, B>): Promise<unknown>;
}

/**
 * Declares a route with inferred types for params, query and body.
 *
 * @example
 * export const getCase = defineRoute({
 *   method: 'get', path: '/api/cases/{id}', operationId: 'getCase', summary: 'A case', tag: 'cases', access: 'user',
 *   params: IdParams, response: CaseDetail,
 *   handler: ({ params, actor, deps }) => caseDetail(deps, actor, params.id),
 * });
 */
export function defineRoute<P = unknown, Q = unknown, B = unknown>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

/** A route written directly with Hono (public ones) that still appears in the OpenAPI document. */
export interface DocumentedRoute {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  query?: Obj;
  body?: z.ZodType;
  /** The request body's media type when it is not JSON (an inbound provider's form post). */
  contentType?: string;
  response: z.ZodType;
  status?: number;
}

/**
 * Validates input with a schema, turning failure into a 400 that names each bad field.
 *
 * @example
 * parseInput(z.object({ n: z.number() }), { n: 'x' }, 'body') // throws 400 "body.n: Invalid input: expected number, received string"
 */
export function parseInput<T>(schema: z.ZodType<T>, data: unknown, where: 'body' | 'query' | 'path'): T {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issues = res.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new HttpError(400, 'invalid_request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

/**
 * Reads a JSON body: enforces the size limit and content type, and gives a clear 400 for anything that is
 * not JSON (binary, truncated, empty).
 */
export async function readJson(c: Context<AppEnv>, maxBytes: number): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw new HttpError(413, 'too_large', `The body is larger than ${maxBytes} bytes.`);
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > maxBytes) throw new HttpError(413, 'too_large', `The body is larger than ${maxBytes} bytes.`);
  if (buf.byteLength === 0) throw new HttpError(400, 'empty_body', 'The request needs a JSON body.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not UTF-8 text.');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'invalid_json', `The body is not valid JSON: ${(err as Error).message}`);
  }
}
