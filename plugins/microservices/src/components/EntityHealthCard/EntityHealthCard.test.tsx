import { fireEvent, screen } from '@testing-library/react';
import type { ServiceHealthHistory } from '@microservices-backstage/plugin-microservices-common';
import { responseError } from '../../__testUtils__/fixtures';
import { renderEntityComponent } from '../../__testUtils__/renderEntityComponent';
import { EntityHealthCard, formatUptime } from './EntityHealthCard';

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

const history: ServiceHealthHistory = {
  entityRef: 'component:default/order-service',
  current: {
    status: 'degraded',
    latencyMs: 1512.4,
    httpStatus: 200,
    checkedAt: minutesAgo(1),
    message: 'HTTP 200 in 1512 ms, slower than 1000 ms',
  },
  uptime24h: 0.995,
  uptime7d: 1,
  points: [
    {
      status: 'unhealthy',
      checkedAt: minutesAgo(3),
      latencyMs: 20,
      httpStatus: 500,
      message: 'HTTP 500',
    },
    {
      status: 'healthy',
      checkedAt: minutesAgo(2),
      latencyMs: 40,
      httpStatus: 200,
    },
    {
      status: 'degraded',
      checkedAt: minutesAgo(1),
      latencyMs: 1512,
      httpStatus: 200,
    },
  ],
};

describe('EntityHealthCard', () => {
  it('shows status, what was seen, latency, uptime, last check and the history', async () => {
    const getServiceHealth = jest.fn().mockResolvedValue(history);
    await renderEntityComponent(<EntityHealthCard />, {
      api: { getServiceHealth },
    });
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(getServiceHealth).toHaveBeenCalledWith(
      'default',
      expect.any(String),
      { limit: 60 },
    );
    expect(
      screen.getByText('HTTP 200 in 1512 ms, slower than 1000 ms'),
    ).toBeInTheDocument();
    expect(screen.getByText('1512 ms (HTTP 200)')).toBeInTheDocument();
    expect(screen.getByText('99.5 %')).toBeInTheDocument();
    expect(screen.getByText('100 %')).toBeInTheDocument();
    expect(screen.getByText(/minute ago|minutes ago/)).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Health of the last 3 probes/ }),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Health history' });
    expect(table).toHaveTextContent('Unhealthy');
    expect(table).toHaveTextContent('HTTP 500');
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('shows why an endpoint was refused', async () => {
    await renderEntityComponent(<EntityHealthCard />, {
      api: {
        getServiceHealth: jest.fn().mockResolvedValue({
          ...history,
          current: {
            status: 'unknown',
            checkedAt: minutesAgo(1),
            message:
              'refused: 127.0.0.1 is a loopback address and not in allowedRanges',
          },
          uptime24h: null,
          uptime7d: null,
          points: [],
        }),
      },
    });
    expect(await screen.findByText('Unknown')).toBeInTheDocument();
    expect(screen.getByText('Not probed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'refused: 127.0.0.1 is a loopback address and not in allowedRanges',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('no probes')).toHaveLength(2);
    expect(screen.queryByText('Latency')).not.toBeInTheDocument();
  });

  it('is unknown, not an error, for a service without a result', async () => {
    await renderEntityComponent(<EntityHealthCard />, {
      api: {
        getServiceHealth: jest.fn().mockRejectedValue(await responseError(404)),
      },
    });
    expect(await screen.findByText('Unknown')).toBeInTheDocument();
  });

  it('explains a backend failure', async () => {
    await renderEntityComponent(<EntityHealthCard />, {
      api: {
        getServiceHealth: jest
          .fn()
          .mockRejectedValue(await responseError(503, 'starting')),
      },
    });
    expect(
      await screen.findByText(/failed to load the health/),
    ).toBeInTheDocument();
  });

  it('formats uptime', () => {
    expect(formatUptime(null)).toBe('no probes');
    expect(formatUptime(1)).toBe('100 %');
    expect(formatUptime(0)).toBe('0 %');
    expect(formatUptime(0.9876)).toBe('98.8 %');
  });
});
