import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  orderServiceDetail,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderEntityComponent } from '../../__testUtils__/renderEntityComponent';
import { EntityScorecardContent } from './EntityScorecardContent';

const history = [
  { score: 88, level: 'silver', evaluatedAt: '2026-11-01T10:00:00.000Z' },
  { score: 93, level: 'gold', evaluatedAt: '2026-11-29T10:00:00.000Z' },
];

function api(overrides = {}) {
  return {
    getService: jest.fn().mockResolvedValue(orderServiceDetail),
    getHistory: jest.fn().mockResolvedValue(history),
    listChecks: jest.fn().mockResolvedValue([
      {
        id: 'decentralized-data.no-shared-datastore',
        principle: 'decentralized-data',
        title: 'No datastore shared with another team or system',
        description: '',
        weight: 3,
        enabled: true,
      },
    ]),
    ...overrides,
  };
}

describe('EntityScorecardContent', () => {
  it('shows the score, level and every check grouped by principle', async () => {
    await renderEntityComponent(<EntityScorecardContent />, { api: api() });
    expect(await screen.findByText('Score 93 of 100')).toBeInTheDocument();
    expect(screen.getByLabelText('Level bronze')).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 failing, 1 warning, 1 exempt, 1 passing, 1 not applicable',
      ),
    ).toBeInTheDocument();

    const data = screen.getByRole('region', {
      name: 'Decentralized Data Management',
    });
    const failing = within(data).getByTestId(
      'check-decentralized-data.no-shared-datastore',
    );
    expect(
      await within(failing).findByText(
        'No datastore shared with another team or system',
      ),
    ).toBeInTheDocument();
    expect(within(failing).getByText('Fail')).toBeInTheDocument();
    expect(
      within(failing).getByText('resource:default/orders-db'),
    ).toBeInTheDocument();
    expect(
      within(failing).getByText('Give each service its own datastore.'),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('link', { name: /About the check/ }),
    ).toHaveAttribute(
      'href',
      '/microservices/principles/decentralized-data#decentralized-data.no-shared-datastore',
    );
    expect(within(failing).getByText('loyalty-service')).toBeInTheDocument();
    // Passing checks are collapsed; a passing check has nothing to fix.
    expect(
      within(data).queryByTestId('check-decentralized-data.owns-datastore'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(data).getByRole('button', { name: 'Show 1 passing' }),
    );
    const passing = within(data).getByTestId(
      'check-decentralized-data.owns-datastore',
    );
    expect(within(passing).getByText('Pass')).toBeInTheDocument();
    expect(within(passing).queryByText(/How to fix/)).not.toBeInTheDocument();
  });

  it('lists failing, warning and exempt checks first, with passing ones collapsed per principle', async () => {
    await renderEntityComponent(<EntityScorecardContent />, { api: api() });
    await screen.findByText('Score 93 of 100');
    const ids = screen
      .getAllByTestId(/^check-/)
      .map(e => e.getAttribute('data-testid'));
    expect(ids).toEqual([
      'check-decentralized-data.no-shared-datastore',
      'check-technology-diversity.stack-declared',
      'check-security.api-authentication',
    ]);
    expect(
      screen.getByRole('button', { name: 'Show 1 not applicable' }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('says what is missing for the next level, with check titles, and shows catalog warnings', async () => {
    await renderEntityComponent(<EntityScorecardContent />, {
      api: api({
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          warnings: [
            'Unknown key `spec.dependson`: Backstage ignores it; did you mean `spec.dependsOn`?',
          ],
        }),
      }),
    });
    const next = await screen.findByTestId('next-level');
    await within(next).findByText(
      /1 check to silver: No datastore shared with another team or system/,
    );
    expect(
      screen.getByText(/1 problem Backstage ignores silently/),
    ).toBeInTheDocument();
    expect(screen.getByText('spec.dependson')).toBeInTheDocument();
  });

  it('shows exemptions with their reason and expiry', async () => {
    await renderEntityComponent(<EntityScorecardContent />, { api: api() });
    const exempt = await screen.findByTestId(
      'check-security.api-authentication',
    );
    expect(
      within(exempt).getByText('Exempt', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(
      within(exempt).getByText(
        /Internal only until the gateway lands \(until 2027-12-31\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(exempt).getByText(/waived by an annotation on the service/),
    ).toBeInTheDocument();
  });

  it('charts the score history with a text alternative', async () => {
    await renderEntityComponent(<EntityScorecardContent />, { api: api() });
    expect(
      await screen.findByRole('img', {
        name: /score over time.*from 88.*to 93 \(gold\)/i,
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show as a table' }),
    );
    const table = screen.getByRole('table', { name: 'Score history' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('88')).toBeInTheDocument();
  });

  it('says when the service has not been evaluated yet', async () => {
    const notFound = await responseError(404, 'No compliance result');
    await renderEntityComponent(<EntityScorecardContent />, {
      api: api({
        getService: jest.fn().mockRejectedValue(notFound),
        getHistory: jest.fn().mockRejectedValue(notFound),
      }),
    });
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
  });

  it('explains a backend failure', async () => {
    await renderEntityComponent(<EntityScorecardContent />, {
      api: api({
        getService: jest
          .fn()
          .mockRejectedValue(await responseError(500, 'boom')),
      }),
    });
    expect(
      await screen.findByText(
        /The microservices backend failed to load the compliance result/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/It answered 500: boom/)).toBeInTheDocument();
  });
});
