import { z } from 'zod';
import { isTimeZone } from './clock.ts';
import { NO_PROXY, parseTrustProxy, type ProxyTrust } from './http/client-ip.ts';
import { DEFUSE_EXTENSION_ORIGIN, parseExtensionOrigins } from './http/cors.ts';
import { parseImapUrl, type ImapTarget } from './mail/imap-url.ts';
import { INBOUND_FORMATS, type InboundFormat } from './mail/inbound-sources.ts';

/**
 * `INBOUND_SECRETS=mailgun=…,postmark=…`: the inbound-webhook sources this desk accepts, each with its own
 * secret (at least 16 characters). A source that is not listed has no endpoint.
 */
export function parseInboundSecrets(v: string): Partial<Record<InboundFormat, string>> {
  const out: Partial<Record<InboundFormat, string>> = {};
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const i = part.indexOf('=');
    const name = (i > 0 ? part.slice(0, i) : '').trim() as InboundFormat;
    const secret = i > 0 ? part.slice(i + 1).trim() : '';
    if (!INBOUND_FORMATS.includes(name)) throw new Error(`"${part.slice(0, 20)}…": each entry is SOURCE=SECRET with SOURCE one of ${INBOUND_FORMATS.join(', ')}`);
    if (secret.length < 16) throw new Error(`the secret for ${name} must be at least 16 characters`);
    out[name] = secret;
  }
  return out;
}

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

/** A variable read by `parse`; what it throws becomes the variable's message. */
function parsedWith<T>(parse: (v: string) => T) {
  return z.string().transform((v, ctx) => {
    try {
      return parse(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });
}

/** Environment variables the desk reads, parsed once at start. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  // The sender the customer sees: an address, or a name and an address. Unset: COMPANY_NAME <desk@defuse.localhost>.
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]+\s)?<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/, 'must be an address (desk@example.com) or a name and an address (Northwind Support <desk@example.com>)')
    .optional(),
  DATA_DIR: z.string().min(1).default('.defuse-data'),
  FOLLOW_UP_BUSINESS_DAYS: z.coerce.number().int().min(1).max(10).default(1),
  TEAM_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or America/New_York').default('UTC'),
  DEMO: flag.optional(),
  COMPANY_NAME: z.string().min(1).default('Northwind Support'),
  PUBLIC_URL: z.string().url().optional(),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(200).default(5000),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_LIMIT_PER_15_MIN: z.coerce.number().int().min(1).default(10),
  API_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(600),
  TRUST_PROXY: parsedWith(parseTrustProxy).default(NO_PROXY),
  ADMIN_EMAIL: z.string().email().default('admin@defuse.localhost'),
  /** A customer message is upset when its upsetScore is at least this (0–1); unset: the model's default. */
  UPSET_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  AUTHORITY_PERIOD_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(20_000),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  // Operations (read by main only): log format, metrics access, how long a stop waits for work in flight.
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (it guards /metrics)').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  // Inbound e-mail by webhook (see the README's "Connecting a mailbox"); unset: no inbound endpoint answers.
  INBOUND_SECRETS: parsedWith(parseInboundSecrets).optional(),
  INBOUND_MAX_BYTES: z.coerce.number().int().min(10_000).max(100 * 1024 * 1024).default(25 * 1024 * 1024),
  INBOUND_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(0).default(10 * 1024 * 1024),
  INBOUND_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(120),
  // A support mailbox to poll (see the README's "Connecting a mailbox"); unset: none.
  IMAP_URL: parsedWith(parseImapUrl).optional(),
  IMAP_POLL_MS: z.coerce.number().int().min(1000).default(30_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  EXTENSION_ORIGINS: parsedWith(parseExtensionOrigins).default([DEFUSE_EXTENSION_ORIGIN]),
});

export type Env = z.infer<typeof envSchema>;

/** What the app needs from configuration; tests build it directly. */
export interface AppConfig {
  companyName: string;
  mailFrom: string;
  followUpBusinessDays: number;
  /** The team's IANA time zone: business days (Mon–Fri) and follow-up days are counted on its calendar. */
  teamTimeZone: string;
  sessionTtlHours: number;
  loginLimitPer15Min: number;
  apiLimitPerMin: number;
  /** The proxies trusted to name the client in X-Forwarded-For (none: the socket peer is the client). */
  trustProxy: ProxyTrust;
  /** Marks cookies Secure; true when PUBLIC_URL is https. */
  secureCookies: boolean;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes: number;
  /**
   * The rolling period, in days, over which a customer's offers add up against one's authority (besides the
   * total on each case): six $50 refunds are $300, on one case or across the customer's cases this month.
   */
  authorityPeriodDays: number;
  /** Hard limit on one e-mail's send, in ms: a hung SMTP server holds a sending lane no longer. */
  mailTimeoutMs: number;
  /** E-mails sent at once (each on its own SMTP connection). */
  mailConcurrency: number;
  /** Browser-extension origins that may call /api/config and /api/check with a token (CORS). */
  extensionOrigins: string[];
  /** Customer messages are upset when their upsetScore is at least this (UPSET_THRESHOLD); unset: the model's default. */
  upsetThreshold?: number;
  /** Inbound-webhook sources and their secrets (INBOUND_SECRETS); a source not here has no endpoint. */
  inboundSecrets: Partial<Record<InboundFormat, string>>;
  /** Largest inbound-webhook request, attachments included (INBOUND_MAX_BYTES). */
  inboundMaxBytes: number;
  /** An attachment larger than this is listed but flagged overLimit (INBOUND_ATTACHMENT_MAX_BYTES); contents are never kept. */
  inboundAttachmentMaxBytes: number;
  /** Inbound-webhook requests per minute, per source and per client address (INBOUND_LIMIT_PER_MIN). */
  inboundLimitPerMin: number;
  /** The support mailbox polled for customer e-mail (IMAP_URL); absent: none. */
  imap?: ImapTarget;
  /** How often the mailbox is polled (IMAP_POLL_MS). */
  imapPollMs: number;
  /** Longest one webhook POST may take (WEBHOOK_TIMEOUT_MS). */
  webhookTimeoutMs: number;
  /** Webhook POSTs at once (WEBHOOK_CONCURRENCY). */
  webhookConcurrency: number;
}

/** Defaults for tests and embedding. */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    companyName: 'Northwind Support',
    mailFrom: 'Northwind Support <desk@defuse.localhost>',
    followUpBusinessDays: 1,
    teamTimeZone: 'UTC',
    sessionTtlHours: 12,
    loginLimitPer15Min: 10,
    apiLimitPerMin: 600,
    trustProxy: NO_PROXY,
    secureCookies: false,
    maxBodyBytes: 1_000_000,
    authorityPeriodDays: 30,
    mailTimeoutMs: 20_000,
    mailConcurrency: 4,
    extensionOrigins: [DEFUSE_EXTENSION_ORIGIN],
    inboundSecrets: {},
    inboundMaxBytes: 25 * 1024 * 1024,
    inboundAttachmentMaxBytes: 10 * 1024 * 1024,
    inboundLimitPerMin: 120,
    webhookTimeoutMs: 10_000,
    webhookConcurrency: 4,
    imapPollMs: 30_000,
    ...overrides,
  };
}

/**
 * Parses the environment, throwing one readable error listing every bad variable.
 *
 * @example
 * parseEnv({ PORT: '8080' }).PORT // 8080
 */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const res = envSchema.safeParse(cleaned);
  if (!res.success) {
    const lines = res.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return res.data;
}

/**
 * "Name <address>", quoting the name when it holds a character that would end or split it in a header.
 *
 * @example
 * senderFor('Northwind Support', 'desk@defuse.localhost') // 'Northwind Support <desk@defuse.localhost>'
 * senderFor('Smith, Jones & Co', 'desk@x.example') // '"Smith, Jones & Co" <desk@x.example>'
 */
export function senderFor(name: string, address: string): string {
  const clean = name.replace(/["\\\r\n]/g, '').trim();
  return /[,;:<>@()[\]]/.test(clean) ? `"${clean}" <${address}>` : `${clean} <${address}>`;
}

export function configFromEnv(env: Env): AppConfig {
  return defaultConfig({
    companyName: env.COMPANY_NAME,
    mailFrom: env.MAIL_FROM ?? senderFor(env.COMPANY_NAME, 'desk@defuse.localhost'),
    followUpBusinessDays: env.FOLLOW_UP_BUSINESS_DAYS,
    teamTimeZone: env.TEAM_TIME_ZONE,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    loginLimitPer15Min: env.LOGIN_LIMIT_PER_15_MIN,
    apiLimitPerMin: env.API_LIMIT_PER_MIN,
    trustProxy: env.TRUST_PROXY,
    secureCookies: Boolean(env.PUBLIC_URL?.startsWith('https:')),
    authorityPeriodDays: env.AUTHORITY_PERIOD_DAYS,
    mailTimeoutMs: env.SMTP_TIMEOUT_MS,
    mailConcurrency: env.MAIL_CONCURRENCY,
    extensionOrigins: env.EXTENSION_ORIGINS,
    inboundSecrets: env.INBOUND_SECRETS ?? {},
    inboundMaxBytes: env.INBOUND_MAX_BYTES,
    inboundAttachmentMaxBytes: env.INBOUND_ATTACHMENT_MAX_BYTES,
    inboundLimitPerMin: env.INBOUND_LIMIT_PER_MIN,
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    webhookConcurrency: env.WEBHOOK_CONCURRENCY,
    imapPollMs: env.IMAP_POLL_MS,
    ...(env.IMAP_URL ? { imap: env.IMAP_URL } : {}),
    ...(env.UPSET_THRESHOLD !== undefined ? { upsetThreshold: env.UPSET_THRESHOLD } : {}),
  });
}
