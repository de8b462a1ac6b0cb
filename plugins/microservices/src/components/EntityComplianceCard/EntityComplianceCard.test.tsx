import { screen } from '@testing-library/react';
import {
  orderServiceDetail,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderEntityComponent } from '../../__testUtils__/renderEntityComponent';
import { EntityComplianceCard } from './EntityComplianceCard';

describe('EntityComplianceCard', () => {
  it('shows the score, level and each failing check with its remediation', async () => {
    const getService = jest.fn().mockResolvedValue(orderServiceDetail);
    await renderEntityComponent(
      <EntityComplianceCard scorecardPath="compliance" />,
      {
        api: { getService },
      },
    );
    expect(await screen.findByText('Score 93 of 100')).toBeInTheDocument();
    expect(screen.getByLabelText('Level bronze')).toBeInTheDocument();
    expect(
      screen.getByText(/Checks: 1 failing, 1 warning/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('next-level')).toHaveTextContent(
      'Next level: 1 check to silver: decentralized-data.no-shared-datastore.',
    );
    expect(
      screen.getByText('decentralized-data.no-shared-datastore'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Give each service its own datastore.'),
    ).toBeInTheDocument();
    // Warnings are listed after failures; passing checks are not.
    expect(
      screen.getByText('technology-diversity.stack-declared'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('decentralized-data.owns-datastore'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Full scorecard/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/order-service/compliance',
    );
    expect(getService).toHaveBeenCalledWith('default', 'order-service');
  });

  it('says when the result is older than the latest run, which failed', async () => {
    await renderEntityComponent(<EntityComplianceCard />, {
      api: {
        getService: jest
          .fn()
          .mockResolvedValue({ ...orderServiceDetail, stale: true }),
      },
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'the latest evaluation failed, so this may be out of date',
    );
  });

  it('does not call a current result out of date', async () => {
    await renderEntityComponent(<EntityComplianceCard />, {
      api: { getService: jest.fn().mockResolvedValue(orderServiceDetail) },
    });
    expect(await screen.findByText('Score 93 of 100')).toBeInTheDocument();
    expect(screen.queryByText(/latest evaluation failed/)).toBeNull();
  });

  it('names a ref that is not in the catalog without linking it', async () => {
    await renderEntityComponent(<EntityComplianceCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          checks: [
            {
              id: 'decomposition.references-resolve',
              principle: 'decomposition',
              status: 'fail',
              message: '1 reference names no entity in the catalog.',
              remediation: 'Correct it.',
              weight: 1,
              related: ['component:default/legacy-crm'],
            },
          ],
        }),
      },
    });
    const missing = await screen.findByText('legacy-crm (not in the catalog)');
    expect(missing.closest('a')).toBeNull();
  });

  it('says when the service holds the highest level', async () => {
    await renderEntityComponent(<EntityComplianceCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          level: 'gold',
          nextLevel: undefined,
        }),
      },
    });
    expect(await screen.findByTestId('next-level')).toHaveTextContent(
      'gold is the highest level.',
    );
  });

  it('says when every applicable check passes', async () => {
    await renderEntityComponent(<EntityComplianceCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          score: 100,
          checks: orderServiceDetail.checks.filter(c => c.status === 'pass'),
        }),
      },
    });
    expect(
      await screen.findByText(/Every applicable check passes/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Full scorecard/ }),
    ).not.toBeInTheDocument();
  });

  it('says when the service has not been evaluated yet', async () => {
    await renderEntityComponent(<EntityComplianceCard />, {
      api: {
        getService: jest
          .fn()
          .mockRejectedValue(await responseError(404, 'No result')),
      },
    });
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
  });

  it('says when the backend cannot be reached', async () => {
    await renderEntityComponent(<EntityComplianceCard />, {
      api: {
        getService: jest
          .fn()
          .mockRejectedValue(new TypeError('Failed to fetch')),
      },
    });
    expect(
      await screen.findByText(/Could not reach the microservices backend/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
