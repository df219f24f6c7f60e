import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../net.ts';

/**
 * A local SMTP server that accepts every message and saves it as an `.eml` file, so `npm start` sends real
 * SMTP with zero configuration. Listens on loopback only and needs no auth; it never relays anything.
 *
 * @example
 * const sink = await startMailSink('.defuse-data/mail');
 * const mailer = createSmtpMailer(sink.url);
 */
export async function startMailSink(dir: string, port?: number): Promise<{ url: string; dir: string; close(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const listenPort = port ?? (await freePort());
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++counter}.eml`;
        try {
          writeFileSync(join(dir, name), Buffer.concat(chunks));
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${listenPort}`,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
