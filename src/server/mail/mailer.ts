import nodemailer from 'nodemailer';

/** One e-mail as the outbox hands it over. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row, so a receiver can drop a duplicate after a crash between send and commit. */
  messageId: string;
}

/** Sends mail. Injected into the app; the outbox worker is its only caller. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * A mailer on nodemailer's SMTP transport.
 *
 * @example
 * const mailer = createSmtpMailer('smtp://user:pass@mail.example.com:587');
 */
export function createSmtpMailer(url: string): Mailer {
  // Short timeouts: the outbox holds its row lock while sending, so a hung SMTP server must fail fast and be
  // retried later rather than stall delivery for nodemailer's default of minutes.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  return {
    async send(m) {
      const info = await transport.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
      return { messageId: info.messageId ?? m.messageId };
    },
    close: () => transport.close(),
  };
}
