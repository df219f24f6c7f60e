import nodemailer from 'nodemailer';

/** One e-mail as the outbox hands it over. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The same e-mail as HTML (multipart/alternative with the text), when the outbox row has one. */
  html?: string;
  /** Stable per outbox row, so a receiver can drop a duplicate after a crash between send and commit. */
  messageId: string;
  /** Threading headers of a reply, each id in angle brackets. */
  inReplyTo?: string;
  references?: string[];
}

/** Sends mail. Injected into the app; the outbox worker is its only caller. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * A mailer on nodemailer's SMTP transport. Each stage of a send (connect, greeting, every later answer) waits
 * at most `timeoutMs` (SMTP_TIMEOUT_MS), so a hung server's socket is closed, not kept for nodemailer's default
 * of minutes; the outbox also bounds the whole send by the same time.
 *
 * @example
 * const mailer = createSmtpMailer('smtp://user:pass@mail.example.com:587', { timeoutMs: 20_000 });
 */
export function createSmtpMailer(url: string, options: { timeoutMs?: number } = {}): Mailer {
  const t = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({ url, connectionTimeout: t, greetingTimeout: t, socketTimeout: t, dnsTimeout: t });
  return {
    async send(m) {
      const info = await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
        ...(m.html ? { html: m.html } : {}),
        ...(m.inReplyTo ? { inReplyTo: m.inReplyTo, references: m.references?.length ? m.references : [m.inReplyTo] } : {}),
      });
      return { messageId: info.messageId ?? m.messageId };
    },
    close: () => transport.close(),
  };
}
