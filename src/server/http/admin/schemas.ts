import { z } from 'zod';
import { Email, Id, label, Role, Timestamp, User } from '../schemas.ts';

const Password = z.string().min(12, 'password must have at least 12 characters').max(1000);

export const CreateUserBody = z
  .object({ email: Email, name: label(200, 'name'), role: Role, team: label(100, 'team').optional(), password: Password.optional().meta({ description: 'Omit to generate one (returned once)' }) })
  .meta({ id: 'CreateUserBody' });
export const CreateUserResponse = z.object({ user: User, password: z.string().meta({ description: 'Shown once; only its argon2 hash is stored' }) });
export const UpdateUserBody = z
  .object({ name: label(200, 'name').optional(), role: Role.optional(), team: label(100, 'team').optional(), disabled: z.boolean().optional(), password: Password.optional() })
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');
export const UserList = z.object({ users: z.array(User) });

export const ApiToken = z
  .object({ id: z.number().int(), userId: z.number().int(), name: z.string(), prefix: z.string(), createdAt: Timestamp, lastUsedAt: Timestamp.nullable(), revokedAt: Timestamp.nullable() })
  .meta({ id: 'ApiToken' });
export const CreateTokenBody = z.object({ userId: Id.meta({ description: 'The user the token acts as (its role applies)' }), name: label(100, 'name') });
export const CreateTokenResponse = z.object({ token: ApiToken, secret: z.string().meta({ description: 'Authorization: Bearer <secret>. Shown once.' }) });
export const TokenList = z.object({ tokens: z.array(ApiToken) });
