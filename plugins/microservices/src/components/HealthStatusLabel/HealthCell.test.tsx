import { render, screen } from '@testing-library/react';
import { HealthCell, healthDetails } from './HealthCell';

describe('HealthCell', () => {
  it('shows the status in words, details on hover', () => {
    render(
      <HealthCell
        health={{
          status: 'unhealthy',
          latencyMs: 12.3,
          httpStatus: 500,
          message: 'HTTP 500',
        }}
      />,
    );
    expect(screen.getByText('Unhealthy')).toBeInTheDocument();
    expect(screen.getByTestId('health-cell')).toHaveAttribute(
      'title',
      '12 ms · HTTP 500 · HTTP 500',
    );
  });

  it('describes what is known', () => {
    expect(healthDetails(undefined)).toBe('Not probed yet');
    expect(healthDetails({ status: 'unknown' })).toBe('Not probed yet');
    expect(
      healthDetails({
        status: 'unknown',
        message:
          'refused: 10.0.0.1 is a private (RFC 1918) address and not in allowedRanges',
      }),
    ).toContain('refused: 10.0.0.1');
  });
});
