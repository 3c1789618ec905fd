import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Who sent a request, as far as the server can tell. */
export interface ClientConnection {
  /** The client's address, e.g. `203.0.113.7` or `2001:db8::1`; `unknown` when there is no socket (in-process requests). */
  readonly address: string;
  /**
   * What per-client limits count under: the address, but for IPv6 its /64 network, since one
   * customer's line is given a whole /64 and could otherwise pick a fresh address per request.
   */
  readonly limitKey: string;
  /** Whether the client reached the shop over HTTPS (for the cookies' Secure flag). */
  readonly secure: boolean;
}

/** The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` headers are believed. */
export interface TrustedProxies {
  /** The list as it was given, normalised, for the start-up message. */
  readonly description: string;
  trusts(address: string): boolean;
}

/** Words that stand for well-known ranges, as in Express's `trust proxy`. */
const NAMED_RANGES: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Trusts no proxy: every address and the protocol come from the socket. */
export const NO_TRUSTED_PROXIES: TrustedProxies = { description: 'none', trusts: () => false };

/**
 * Parses `ATELIER_TRUST_PROXY`: addresses and CIDR ranges separated by commas or spaces, or the
 * words `loopback`, `linklocal`, `uniquelocal`. Empty or absent: no proxy is trusted. Throws,
 * naming the entry, when an entry is neither.
 *
 * @example
 * const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');
 * proxies.trusts('10.1.2.3'); // true
 */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const entries = (text ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
  if (entries.length === 0) return NO_TRUSTED_PROXIES;
  const ranges: [Address, number][] = entries.flatMap((entry) => (NAMED_RANGES[entry.toLowerCase()] ?? [entry]).map((range) => parseRange(range, entry)));
  return {
    description: ranges.map(([address, bits]) => `${address.toString()}/${bits}`).join(', '),
    trusts(text) {
      const address = parseAddress(text);
      return address !== undefined && ranges.some(([network, bits]) => address.kind() === network.kind() && address.match(network, bits));
    },
  };
}

function parseRange(range: string, entry: string): [Address, number] {
  try {
    if (range.includes('/')) {
      if (parseAddress(range.slice(0, range.indexOf('/'))) === undefined) throw new Error('not an address');
      const [network, bits] = ipaddr.parseCIDR(range);
      return network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96 ? [(network as ipaddr.IPv6).toIPv4Address(), bits - 96] : [network, bits];
    }
    const address = parseAddress(range);
    if (address) return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    // reported below, with the entry
  }
  throw new Error(`[Atelier] ATELIER_TRUST_PROXY: "${entry}" is not an IP address, a CIDR range or one of ${Object.keys(NAMED_RANGES).join(', ')}; `
    + 'list the addresses of your own reverse proxies, e.g. ATELIER_TRUST_PROXY="127.0.0.1, 10.0.0.0/8"');
}

/** An address in canonical form: IPv4-mapped IPv6 (`::ffff:1.2.3.4`, as dual-stack sockets report IPv4) as IPv4. */
function parseAddress(text: string): Address | undefined {
  // Only the usual forms: ipaddr.js also takes "10.1" or "0x7f.1", which no proxy writes.
  if (text.includes(':') ? !ipaddr.IPv6.isValid(text) : !ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  const address = ipaddr.parse(text);
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/**
 * The client of a request. The address and the protocol are the socket's; only when the socket's
 * peer is a trusted proxy are its forwarding headers read: `X-Forwarded-For` from right to left,
 * each hop appended by a trusted proxy, up to the first address that is not a trusted proxy (the
 * client; a client can put anything on the left, so that part is never read), and the first value
 * of `X-Forwarded-Proto`. A request with no socket (`app.request` in tests) has the address
 * `unknown` and the protocol of its URL; tests give it a socket through the bindings
 * (`app.request(path, init, { incoming: { socket: { remoteAddress: '203.0.113.7' } } })`).
 */
export function clientConnection(c: Context, proxies: TrustedProxies): ClientConnection {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket as { remoteAddress?: string; encrypted?: boolean } | undefined;
  const peer = socket?.remoteAddress === undefined ? undefined : parseAddress(socket.remoteAddress);
  if (!peer) {
    const address = socket?.remoteAddress ?? 'unknown';
    return { address, limitKey: address, secure: socket ? socket.encrypted === true : new URL(c.req.url).protocol === 'https:' };
  }
  let client = peer;
  let secure = socket?.encrypted === true;
  if (proxies.trusts(peer.toString())) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto === 'https' || proto === 'http') secure = proto === 'https';
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter((hop) => hop !== '').reverse();
    for (const hop of hops) {
      if (!proxies.trusts(client.toString())) break;
      const address = parseAddress(hop);
      if (!address) break;
      client = address;
    }
  }
  return { address: client.toString(), limitKey: limitKeyOf(client), secure };
}

function limitKeyOf(address: Address): string {
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
