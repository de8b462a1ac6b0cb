import { render, screen } from '@testing-library/react';
import { HealthStatusLabel, healthLabel } from './HealthStatusLabel';

describe('HealthStatusLabel', () => {
  it.each([
    ['healthy', 'Healthy'],
    ['degraded', 'Degraded'],
    ['unhealthy', 'Unhealthy'],
    ['unknown', 'Unknown'],
  ] as const)('says %s in words', (status, words) => {
    render(<HealthStatusLabel health={{ status }} />);
    expect(screen.getByText(words)).toBeInTheDocument();
  });

  it('adds latency and last check on request, never for unknown', () => {
    const { rerender } = render(
      <HealthStatusLabel
        health={{
          status: 'healthy',
          latencyMs: 42,
          checkedAt: new Date().toISOString(),
        }}
        details
      />,
    );
    expect(
      screen.getByText(/Healthy · 42 ms · checked now/),
    ).toBeInTheDocument();
    rerender(
      <HealthStatusLabel
        health={{ status: 'unknown', latencyMs: 42 }}
        details
      />,
    );
    expect(screen.getByText('Unknown')).toBeInTheDocument();
  });

  it('treats a missing or unexpected status as unknown', () => {
    render(<HealthStatusLabel health={undefined} />);
    expect(screen.getByText('Unknown')).toBeInTheDocument();
    expect(healthLabel('on-fire')).toBe('Unknown');
  });
});
