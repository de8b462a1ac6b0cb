import { screen } from '@testing-library/react';
import { PRINCIPLE_IDS } from '@microservices-backstage/plugin-microservices-common';
import { renderPage } from '../../__testUtils__/renderPage';
import { PrinciplesPage } from './PrinciplesPage';

describe('PrinciplesPage', () => {
  it('lists all 14 principles, each at an anchor and linking to its page', async () => {
    await renderPage(<PrinciplesPage />, { api: {} });
    for (const id of PRINCIPLE_IDS) {
      expect(document.getElementById(id)).not.toBeNull();
    }
    expect(
      screen.getByRole('link', { name: /Why Fault Isolation matters/ }),
    ).toHaveAttribute('href', '/microservices/principles/fault-isolation');
    expect(
      screen.getAllByRole('link', {
        name: /^Why .* matters and how to comply$/,
      }),
    ).toHaveLength(14);
  });
});
