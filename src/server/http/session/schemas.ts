import { z } from 'zod';
import { Email, User } from '../schemas.ts';

export const LoginBody = z.object({ email: Email, password: z.string().min(1, 'password must not be empty').max(1000) }).meta({ id: 'LoginBody' });

export const SessionResponse = z
  .object({
    user: User,
    csrfToken: z.string().meta({ description: 'Send as the X-CSRF-Token header on every POST/PATCH/DELETE made with the session cookie' }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' });

export const MeResponse = z.object({ user: User, csrfToken: z.string().nullable().meta({ description: 'null when authenticated by bearer token' }) }).meta({ id: 'Me' });
