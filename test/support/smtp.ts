import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../src/server/db/embedded.ts';

export interface TestSmtp {
  url: string;
  /** Every message received, parsed. */
  received: ParsedMail[];
  /** While true, the server answers every message with a 451 temporary failure. */
  failing: boolean;
  /** Resolves when `count` messages have arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free loopback port that parses what it receives with mailparser.
 *
 * @example
 * const smtp = await startTestSmtp();
 * const mailer = createSmtpMailer(smtp.url);
 * const [mail] = await smtp.waitFor(1);
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  const state: TestSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    received: [],
    failing: false,
    waitFor: async (count, ms = 10_000) => {
      const end = Date.now() + ms;
      while (state.received.length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} e-mails, got ${state.received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return state.received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (state.failing) {
        stream.resume();
        stream.on('end', () => {
          const err = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
        });
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          state.received.push(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return state;
}
