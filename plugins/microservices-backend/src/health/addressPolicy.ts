/*
 * Which hosts and addresses the health prober may connect to. The catalog is written by
 * anyone who can register an entity, so by default nothing is probed (no allowed host), and
 * even an allowed host is only connected to at a public unicast address unless an operator
 * lists the range in `allowedRanges`.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  uniqueLocal: 'a unique-local (RFC 4193) address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved address',
};

/** Parses `allowedRanges` entries; throws with the entry on a bad one. */
export function parseAllowedRanges(ranges: string[]): Cidr[] {
  return ranges.map(range => {
    try {
      return ipaddr.parseCIDR(range.trim());
    } catch {
      throw new Error(
        `'${range}' is not a CIDR range such as 10.0.0.0/8 or fd00::/8`,
      );
    }
  });
}

/** Checks `allowedHosts` entries: exact names, `*.domain`, or `'*'`. */
export function validateAllowedHost(pattern: string): void {
  const p = pattern.trim().toLowerCase();
  if (p === '*') return;
  const name = p.startsWith('*.') ? p.slice(2) : p;
  if (name === '' || name.includes('*') || !/^[a-z0-9_.:[\]-]+$/.test(name)) {
    throw new Error(
      `'${pattern}' is not a host name, '*.domain' pattern or '*'`,
    );
  }
}

/** Whether `host` (lower-case, IPv6 without brackets) matches one of the patterns. */
export function isHostAllowed(host: string, allowedHosts: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some(raw => {
    const pattern = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) {
      const suffix = pattern.slice(1); // `.domain`
      return h.endsWith(suffix) && h.length > suffix.length;
    }
    return h === pattern;
  });
}

/**
 * Why the prober must not connect to `address`, or undefined when it may: a public unicast
 * address, or one inside an allowed range. An IPv4-mapped IPv6 address is judged as the
 * IPv4 address it reaches.
 */
export function addressRefusal(
  address: string,
  allowedRanges: Cidr[],
): string | undefined {
  let parsed: Address;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return `${address} is not an IP address`;
  }
  let judged: Address = parsed;
  let prefix = '';
  if (
    parsed.kind() === 'ipv6' &&
    (parsed as ipaddr.IPv6).isIPv4MappedAddress()
  ) {
    judged = (parsed as ipaddr.IPv6).toIPv4Address();
    prefix = `an IPv4-mapped IPv6 address of `;
  }
  const inAllowedRange = allowedRanges.some(
    ([network, bits]) =>
      network.kind() === judged.kind() && judged.match(network, bits),
  );
  if (inAllowedRange) return undefined;
  const range = judged.range();
  if (range === 'unicast') return undefined;
  const words = RANGE_WORDS[range] ?? `a special-purpose (${range}) address`;
  const metadata =
    judged.toString() === '169.254.169.254'
      ? ' (the cloud metadata address)'
      : '';
  const described = prefix ? `${prefix}${judged.toString()}, ${words}` : words;
  return `${address} is ${described}${metadata} and not in allowedRanges`;
}
