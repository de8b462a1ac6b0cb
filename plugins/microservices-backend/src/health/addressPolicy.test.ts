import {
  addressRefusal,
  isHostAllowed,
  parseAllowedRanges,
} from './addressPolicy';

describe('isHostAllowed', () => {
  it.each([
    ['orders.example.com', ['orders.example.com'], true],
    ['ORDERS.example.com', ['orders.example.com'], true],
    ['orders.example.com.', ['orders.example.com'], true],
    ['a.b.example.com', ['*.example.com'], true],
    ['example.com', ['*.example.com'], false],
    ['evilexample.com', ['*.example.com'], false],
    ['example.com.evil.net', ['*.example.com'], false],
    ['anything.net', ['*'], true],
    ['orders.example.com', [], false],
    ['::1', ['[::1]'], true],
  ])('%s with %j: %s', (host, patterns, allowed) => {
    expect(isHostAllowed(host, patterns)).toBe(allowed);
  });
});

describe('addressRefusal', () => {
  const none = parseAllowedRanges([]);
  it.each([
    ['8.8.8.8', undefined],
    ['2606:4700:4700::1111', undefined],
    ['127.0.0.1', '127.0.0.1 is a loopback address and not in allowedRanges'],
    [
      '10.0.0.1',
      '10.0.0.1 is a private (RFC 1918) address and not in allowedRanges',
    ],
    [
      '100.100.100.100',
      '100.100.100.100 is a carrier-grade NAT address and not in allowedRanges',
    ],
    [
      '169.254.169.254',
      '169.254.169.254 is a link-local address (the cloud metadata address) and not in allowedRanges',
    ],
    [
      'fd12::1',
      'fd12::1 is a unique-local (RFC 4193) address and not in allowedRanges',
    ],
    [
      '::ffff:169.254.169.254',
      '::ffff:169.254.169.254 is an IPv4-mapped IPv6 address of 169.254.169.254, a link-local address (the cloud metadata address) and not in allowedRanges',
    ],
    [
      '64:ff9b::7f00:1',
      '64:ff9b::7f00:1 is a special-purpose (rfc6052) address and not in allowedRanges',
    ],
    [
      '2002:7f00:1::1',
      '2002:7f00:1::1 is a special-purpose (6to4) address and not in allowedRanges',
    ],
    ['not-an-ip', 'not-an-ip is not an IP address'],
  ])('%s', (address, refusal) => {
    expect(addressRefusal(address, none)).toBe(refusal);
  });

  it('allows addresses inside allowedRanges, IPv4-mapped ones as their IPv4 address', () => {
    const ranges = parseAllowedRanges(['10.20.0.0/16', 'fd00::/8']);
    expect(addressRefusal('10.20.3.4', ranges)).toBeUndefined();
    expect(addressRefusal('::ffff:10.20.3.4', ranges)).toBeUndefined();
    expect(addressRefusal('fd00::5', ranges)).toBeUndefined();
    expect(addressRefusal('10.21.0.1', ranges)).toContain('private');
    expect(addressRefusal('127.0.0.1', ranges)).toContain('loopback');
  });
});
