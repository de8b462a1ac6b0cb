import { parseHealthEndpoint } from './parseHealthEndpoint';

describe('parseHealthEndpoint', () => {
  it.each([
    ['https://orders.example.com/health', 'orders.example.com'],
    ['http://orders.example.com:8080/actuator/health', 'orders.example.com'],
    ['  http://10.0.0.1/health ', '10.0.0.1'],
    ['http://[::1]:8080/health', '::1'],
    // WHATWG URL normalizes odd IPv4 spellings; the prober checks the normalized address.
    ['http://2130706433/health', '127.0.0.1'],
    ['http://127.1/health', '127.0.0.1'],
    ['http://0x7f.1/health', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/health', '::ffff:7f00:1'],
  ])('accepts %s (host %s)', (input, host) => {
    const parsed = parseHealthEndpoint(input);
    expect(parsed).toMatchObject({ ok: true, host });
  });

  it.each([
    [undefined, 'empty'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['/health', 'not an absolute URL'],
    ['orders:8080/health', 'scheme'],
    ['file:///etc/passwd', 'scheme `file`'],
    ['gopher://example.com:70/_x', 'scheme `gopher`'],
    ['ftp://example.com/health', 'scheme `ftp`'],
    ['data:text/plain,UP', 'scheme `data`'],
    ['http://user:pass@example.com/health', 'userinfo'],
    ['http://user@example.com/health', 'userinfo'],
    ['http://:pass@example.com/health', 'userinfo'],
    ['http://@example.com/health', 'userinfo'],
    [`https://example.com/${'a'.repeat(3000)}`, 'longer than'],
    ['http://exa mple.com/', 'not an absolute URL'],
  ])('refuses %s', (input, reason) => {
    const parsed = parseHealthEndpoint(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});
