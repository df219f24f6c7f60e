// IMAP_URL, read by config.ts at start: no dependencies, so parsing the environment loads no mail code.

/** Where a mailbox is: `imap://user:pass@host:143/INBOX` or `imaps://…:993/Support`. */
export interface ImapTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/**
 * Reads IMAP_URL. The mailbox is the path (INBOX when none); user and password are percent-decoded.
 *
 * @example
 * parseImapUrl('imaps://desk%40x.com:s3cret@mail.x.com/Support') // { host: 'mail.x.com', port: 993, secure: true, user: 'desk@x.com', … }
 */
export function parseImapUrl(url: string): ImapTarget {
  const u = new URL(url);
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') throw new Error('must be an imap:// or imaps:// URL');
  if (!u.username) throw new Error('must name the user (imap://user:password@host/INBOX)');
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}
