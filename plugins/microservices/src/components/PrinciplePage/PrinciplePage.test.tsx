import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import type { ConfiguredCheck } from '@microservices-backstage/plugin-microservices-common';
import { renderPage } from '../../__testUtils__/renderPage';
import { PrinciplePage } from './PrinciplePage';

const checks: ConfiguredCheck[] = [
  {
    id: 'devops.owned-by-team',
    principle: 'devops',
    title: 'Owned by a team',
    description: '`spec.owner` names an existing Group.',
    weight: 3,
    enabled: true,
  },
  {
    id: 'devops.on-call',
    principle: 'devops',
    title: 'Has on-call',
    description: 'Has an on-call annotation.',
    weight: 2,
    enabled: false,
  },
  {
    id: 'security.api-authentication',
    principle: 'security',
    title: 'APIs declare authentication',
    description: '',
    weight: 2,
    enabled: true,
  },
];

function render(url: string, listChecks = jest.fn().mockResolvedValue(checks)) {
  return renderPage(
    <Routes>
      <Route
        path="/microservices/principles/:principleId"
        element={<PrinciplePage />}
      />
    </Routes>,
    { api: { listChecks }, url },
  );
}

describe('PrinciplePage', () => {
  it('explains the principle and lists its configured checks at their anchors', async () => {
    await render('/microservices/principles/devops');
    expect(screen.getAllByText('DevOps Culture').length).toBeGreaterThan(0);
    expect(screen.getByText('Why it matters')).toBeInTheDocument();
    expect(screen.getByText('How to comply')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Owned by a team' }),
    ).toBeInTheDocument();
    expect(document.getElementById('devops.owned-by-team')).not.toBeNull();
    expect(screen.getByText('weight 3')).toBeInTheDocument();
    expect(
      screen.getByText('disabled in this installation'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('APIs declare authentication'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Services failing devops.owned-by-team',
      }),
    ).toHaveAttribute(
      'href',
      '/microservices?failingCheck=devops.owned-by-team',
    );
    expect(
      screen.getByRole('link', { name: 'Services failing this principle' }),
    ).toHaveAttribute('href', '/microservices?failingPrinciple=devops');
  });

  it('shows the explanation even when the checks cannot be loaded', async () => {
    await render(
      '/microservices/principles/security',
      jest.fn().mockRejectedValue(new Error('down')),
    );
    expect(
      await screen.findByText(/Could not load the configured checks/),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Security').length).toBeGreaterThan(0);
  });

  it("describes an adopter's own principle by its checks", async () => {
    await render(
      '/microservices/principles/cost',
      jest.fn().mockResolvedValue([
        {
          id: 'cost.budget',
          principle: 'cost',
          title: 'Has a budget',
          description: '',
          weight: 1,
          enabled: true,
        },
      ]),
    );
    expect(
      await screen.findByRole('heading', { name: 'Has a budget' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Principle added by this installation'),
    ).toBeInTheDocument();
  });

  it('says when there is no such principle', async () => {
    await render('/microservices/principles/nonsense');
    expect(
      await screen.findByText('Unknown principle "nonsense"'),
    ).toBeInTheDocument();
  });
});
