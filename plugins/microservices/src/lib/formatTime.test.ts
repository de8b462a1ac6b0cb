import { formatDateTime, formatRelative, formatTick } from './formatTime';

describe('formatTime', () => {
  const now = new Date('2026-11-29T10:00:00Z');

  it('says how long ago something happened', () => {
    expect(formatRelative('2026-11-29T09:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-27T10:00:00Z', now)).toBe('2 days ago');
    expect(formatRelative('2026-11-29T10:00:00Z', now)).toBe('now');
    expect(formatRelative(undefined, now)).toBe('');
  });

  it('keeps what is not a date as written', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('2026-11-29T10:00:00Z')).toMatch(/2026/);
  });

  it('ticks by time of day over short spans, by date over long ones', () => {
    const t = new Date('2026-11-29T10:00:00Z').getTime();
    expect(formatTick(t, 3600_000)).toMatch(/\d{2}:\d{2}/);
    expect(formatTick(t, 30 * 24 * 3600_000)).toMatch(/Nov/);
  });
});
