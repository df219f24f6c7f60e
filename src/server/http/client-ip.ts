import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the desk are trusted to say who the client is: the first `hops` addresses
 * counting from the socket, and any address in `ranges` (IP addresses, CIDR ranges, or the names
 * `loopback`, `linklocal`, `uniquelocal`). Nothing trusted: the client is the socket peer.
 */
export interface ProxyTrust {
  hops: number;
  ranges: string[];
}

export const NO_PROXY: ProxyTrust = { hops: 0, ranges: [] };

// The named ranges of the `proxy-addr` package that Express uses, so TRUST_PROXY reads the same way.
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function normalise(addr: string): string {
  const a = addr.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a;
}

function addRange(list: BlockList, entry: string): void {
  const [addr, bits, extra] = entry.split('/');
  const family = isIP(addr);
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!family || extra !== undefined || !(prefix >= 0 && prefix <= max)) throw new Error(`"${entry}" is not an IP address, a CIDR range or one of ${Object.keys(NAMED).join(', ')}`);
  list.addSubnet(addr, prefix, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Reads TRUST_PROXY: empty, `0` or `false` for none; a number of hops (`1`: the one proxy in front); or a
 * comma-separated list of addresses, CIDR ranges and the names above. A bare `true` is refused: trusting
 * every hop would take the address from the leftmost X-Forwarded-For entry, which the client writes.
 *
 * @example
 * parseTrustProxy('loopback, 10.0.0.0/8') // { hops: 0, ranges: ['loopback', '10.0.0.0/8'] }
 */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const v = (value ?? '').trim();
  if (v === '' || /^(0|false|no)$/i.test(v)) return NO_PROXY;
  if (/^(true|yes)$/i.test(v)) throw new Error('name the proxies (addresses, CIDR ranges, loopback, linklocal, uniquelocal) or give the number of proxy hops; "true" would trust whatever the client writes');
  if (/^\d+$/.test(v)) return { hops: Math.min(Number(v), 100), ranges: [] };
  const ranges = v.split(',').map((s) => s.trim()).filter(Boolean);
  const probe = new BlockList();
  for (const r of ranges) for (const entry of NAMED[r] ?? [r]) addRange(probe, entry);
  return { hops: 0, ranges };
}

/**
 * The client's address, as proxy-addr computes it: walk from the socket peer back through
 * X-Forwarded-For (right to left) while the hop is trusted, and stop at the first untrusted one. Every entry
 * left of it was written by someone we do not trust, so it is never used.
 *
 * @example
 * clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9', { hops: 0, ranges: ['loopback'] }) // '203.0.113.9'
 */
export function clientAddress(socketAddr: string, forwardedFor: string | undefined, trust: ProxyTrust): string {
  const chain = [normalise(socketAddr), ...(forwardedFor ?? '').split(',').map(normalise).filter(Boolean).reverse()];
  let list: BlockList | null = null;
  if (trust.ranges.length) {
    list = new BlockList();
    for (const r of trust.ranges) for (const entry of NAMED[r] ?? [r]) addRange(list, entry);
  }
  const trusted = (addr: string, hop: number) => {
    if (hop < trust.hops) return true;
    const family = isIP(addr);
    return Boolean(list && family && list.check(addr, family === 4 ? 'ipv4' : 'ipv6'));
  };
  for (let i = 0; i < chain.length - 1; i++) if (!trusted(chain[i], i)) return chain[i];
  return chain[chain.length - 1];
}
