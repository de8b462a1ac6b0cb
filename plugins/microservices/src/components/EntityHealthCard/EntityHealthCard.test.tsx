import { screen } from '@testing-library/react';
import {
  orderServiceDetail,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderEntityComponent } from '../../__testUtils__/renderEntityComponent';
import { EntityHealthCard } from './EntityHealthCard';

describe('EntityHealthCard', () => {
  it('says plainly that the health is unknown until probing exists', async () => {
    await renderEntityComponent(<EntityHealthCard />, {
      api: { getService: jest.fn().mockResolvedValue(orderServiceDetail) },
    });
    expect(await screen.findByText('Unknown')).toBeInTheDocument();
    expect(
      screen.getByText(
        /live probing of services’ health endpoints is not available yet/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Latency/)).not.toBeInTheDocument();
  });

  it('shows status, latency and last check when the backend knows them', async () => {
    await renderEntityComponent(<EntityHealthCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          health: {
            status: 'degraded',
            latencyMs: 812.4,
            checkedAt: '2026-11-29T10:00:00Z',
          },
        }),
      },
    });
    expect(await screen.findByText(/^Degraded/)).toBeInTheDocument();
    expect(
      screen.getByText(/Latency 812 ms\. Last checked/),
    ).toBeInTheDocument();
  });

  it('is unknown, not an error, for a service without a result', async () => {
    await renderEntityComponent(<EntityHealthCard />, {
      api: {
        getService: jest.fn().mockRejectedValue(await responseError(404)),
      },
    });
    expect(await screen.findByText('Unknown')).toBeInTheDocument();
  });

  it('explains a backend failure', async () => {
    await renderEntityComponent(<EntityHealthCard />, {
      api: {
        getService: jest
          .fn()
          .mockRejectedValue(await responseError(503, 'starting')),
      },
    });
    expect(
      await screen.findByText(/failed to load the health/),
    ).toBeInTheDocument();
  });
});
