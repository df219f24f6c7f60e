/**
 * IMAP polling of a support mailbox (IMAP_URL): each poll reads the messages after the last one stored,
 * stores each through receiveMail (which dedupes by Message-ID in the storing transaction), and only then
 * moves its cursor (the last UID, per UIDVALIDITY, in the settings table). So a connection lost mid-poll (the
 * server restarted, the desk killed) loses nothing, the next poll starts from the last stored message, and a
 * message fetched twice is stored once.
 */
import type { ServiceDeps } from '../services/context.ts';
import { receiveMail } from '../services/inbound.ts';
import type { ImapTarget } from './imap-url.ts';
import { fromRaw, InboundFormatError } from './inbound-formats.ts';

export { parseImapUrl, type ImapTarget } from './imap-url.ts';

// The parts of imapflow's client the poller uses. imapflow is loaded only when a mailbox is configured, so
// a desk without one never loads it.
interface FetchedMessage {
  uid: number;
  size?: number;
  source?: Buffer;
}
interface ImapClient {
  connect(): Promise<void>;
  getMailboxLock(path: string): Promise<{ release(): void }>;
  mailbox: false | { uidValidity: bigint | number; uidNext: number; exists: number };
  fetch(range: string, query: Record<string, unknown>, options: { uid: boolean }): AsyncIterable<FetchedMessage>;
  messageFlagsAdd(range: string, flags: string[], options: { uid: boolean }): Promise<boolean>;
  logout(): Promise<void>;
  close(): void;
  on(event: 'error', fn: (err: Error) => void): void;
}
type ImapFlowCtor = new (options: Record<string, unknown>) => ImapClient;

// A variable, so type-checking does not resolve the module (it is installed with the desk's dependencies).
const IMAPFLOW = 'imapflow';
let loaded: Promise<ImapFlowCtor> | undefined;
function imapFlow(): Promise<ImapFlowCtor> {
  loaded ??= import(IMAPFLOW).then((m: { ImapFlow: ImapFlowCtor }) => m.ImapFlow);
  return loaded;
}

export interface PollResult {
  /** Messages read from the server in this poll. */
  fetched: number;
  stored: number;
  duplicates: number;
  /** Messages that were not e-mails the desk can read (no sender, no body): skipped, with a log line. */
  skipped: number;
}

const cursorKey = (t: ImapTarget) => `imap_cursor:${t.user}@${t.host}:${t.port}/${t.mailbox}`;

async function readCursor(deps: ServiceDeps, key: string): Promise<{ uidValidity: string; lastUid: number } | null> {
  const { rows } = await deps.db.query<{ value: { uidValidity: string; lastUid: number } }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

async function writeCursor(deps: ServiceDeps, key: string, uidValidity: string, uid: number): Promise<void> {
  // Never backwards: two pollers may finish out of order. A new UIDVALIDITY replaces the old cursor.
  await deps.db.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = CASE
       WHEN settings.value->>'uidValidity' = EXCLUDED.value->>'uidValidity' AND (settings.value->>'lastUid')::bigint >= (EXCLUDED.value->>'lastUid')::bigint THEN settings.value
       ELSE EXCLUDED.value END`,
    [key, JSON.stringify({ uidValidity, lastUid: uid })],
  );
}

/**
 * One poll: connects, reads every message after the cursor in UID order, stores each, moves the cursor
 * after each stored message, marks it \Seen, and logs out. Throws when the connection fails (the caller
 * logs it and polls again later; nothing is lost).
 *
 * @example
 * await pollImap(deps, parseImapUrl(process.env.IMAP_URL!)) // { fetched: 2, stored: 2, duplicates: 0, skipped: 0 }
 */
export async function pollImap(
  deps: ServiceDeps & { log?: (line: string) => void },
  target: ImapTarget,
  options: { timeoutMs?: number; /** Called after each message is stored and its cursor moved (tests cut the connection here). */ afterEach?: (result: PollResult) => Promise<void> } = {},
): Promise<PollResult> {
  const ImapFlow = await imapFlow();
  const t = options.timeoutMs ?? 30_000;
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.secure,
    auth: { user: target.user, pass: target.pass },
    logger: false,
    connectionTimeout: t,
    greetingTimeout: t,
    socketTimeout: t,
    // The desk never sends credentials in clear over a network unless told to by an imap:// URL.
    doSTARTTLS: target.secure ? undefined : false,
  });
  // A dropped connection also surfaces as a rejected command below; this keeps it from crashing the process.
  client.on('error', (err) => deps.log?.(`[imap] connection error: ${err.message}`));
  const result: PollResult = { fetched: 0, stored: 0, duplicates: 0, skipped: 0 };
  const key = cursorKey(target);
  try {
    await client.connect();
    const lock = await client.getMailboxLock(target.mailbox);
    try {
      if (!client.mailbox) return result;
      const uidValidity = String(client.mailbox.uidValidity);
      const cursor = await readCursor(deps, key);
      const after = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
      if (client.mailbox.exists === 0 || client.mailbox.uidNext <= after + 1) return result;
      // UIDs first (cheap), then each message on its own: a huge mailbox is not read into memory at once.
      const uids: { uid: number; size: number }[] = [];
      for await (const m of client.fetch(`${after + 1}:*`, { uid: true, size: true }, { uid: true })) if (m.uid > after) uids.push({ uid: m.uid, size: m.size ?? 0 });
      uids.sort((a, b) => a.uid - b.uid);
      for (const { uid, size } of uids) {
        let source: Buffer | undefined;
        // Larger than the cap: read only its first INBOUND_MAX_BYTES (the text comes first in almost all mail).
        const query = size > deps.config.inboundMaxBytes ? { uid: true, source: { start: 0, maxLength: deps.config.inboundMaxBytes } } : { uid: true, source: true };
        for await (const m of client.fetch(String(uid), query, { uid: true })) source = m.source;
        result.fetched++;
        if (source) {
          try {
            const mail = await fromRaw(source);
            const r = await receiveMail(deps, mail, 'imap');
            if (r.status === 'duplicate') result.duplicates++;
            else result.stored++;
          } catch (err) {
            if (!(err instanceof InboundFormatError)) throw err;
            result.skipped++;
            deps.log?.(`[imap] message uid ${uid} skipped: ${err.message}`);
          }
        }
        await writeCursor(deps, key, uidValidity, uid);
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true }).catch(() => false);
        await options.afterEach?.(result);
      }
    } finally {
      lock.release();
    }
    await client.logout().catch(() => undefined);
  } finally {
    client.close();
  }
  return result;
}
