import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ValidateProposalResponse } from '@microservices-backstage/plugin-microservices-common';
import { rootRouteRef } from '../../routes';
import { RegisterServicePage } from './RegisterServicePage';

const response: ValidateProposalResponse = {
  problems: [
    {
      document: 2,
      line: 12,
      message: 'Location more: its targets are not followed',
    },
  ],
  entityCount: 1,
  replacedRefs: [],
  services: [
    {
      entityRef: 'component:default/pick-route-optimizer',
      score: 87,
      level: 'silver',
      nextLevel: {
        level: 'gold',
        minScore: 90,
        missingChecks: ['devops.on-call'],
        scoreShortfall: 3,
      },
      source: { document: 1, line: 1 },
      warnings: [],
      checks: [
        {
          id: 'devops.owned-by-team',
          principle: 'devops',
          status: 'pass',
          message: 'Owned by group:default/warehouse-team.',
          remediation: '',
          weight: 3,
        },
        {
          id: 'devops.on-call',
          principle: 'devops',
          status: 'fail',
          message: 'No on-call annotation.',
          remediation: 'Add pagerduty.com/service-id.',
          weight: 2,
        },
        {
          id: 'fault-isolation.no-dependency-cycle',
          principle: 'fault-isolation',
          status: 'pass',
          message: 'On no dependency cycle.',
          remediation: '',
          weight: 3,
        },
      ],
    },
  ],
};

function jsonResponse(status: number, body: unknown) {
  return {
    ok: status < 400,
    status,
    statusText: status === 400 ? 'Bad Request' : 'OK',
    json: async () => body,
  };
}

function catalogError(status: number, name: string, message: string) {
  return Object.assign(new Error(`Request failed with ${status}`), {
    name: 'ResponseError',
    response: { status },
    body: { error: { name, message }, response: { statusCode: status } },
  });
}

async function render(options: { fetch: jest.Mock; addLocation?: jest.Mock }) {
  const catalogApi = { addLocation: options.addLocation ?? jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          discoveryApiRef,
          { getBaseUrl: async (id: string) => `http://backend/api/${id}` },
        ],
        [fetchApiRef, { fetch: options.fetch }],
        [catalogApiRef, catalogApi],
      ]}
    >
      <RegisterServicePage />
    </TestApiProvider>,
    {
      routeEntries: ['/microservices/register'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/microservices': rootRouteRef,
      },
    },
  );
  return catalogApi;
}

jest.setTimeout(60_000);

describe('RegisterServicePage', () => {
  it('scores pasted YAML: notes, score, level, and every check grouped by principle with its fix', async () => {
    const fetch = jest.fn().mockResolvedValue(jsonResponse(200, response));
    await render({ fetch });
    expect(
      screen.getByRole('tab', { name: 'Register a service' }),
    ).toHaveAttribute('aria-selected', 'true');
    fireEvent.change(screen.getByLabelText('catalog-info.yaml'), {
      target: { value: 'kind: Component' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));

    expect(
      await screen.findByText('component:default/pick-route-optimizer'),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/microservices/validate',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: 'kind: Component',
      },
    );
    expect(screen.getByText('silver · 87')).toBeInTheDocument();
    expect(
      screen.getByText(
        /1 check to fix before it passes everything; next level gold: devops.on-call/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'document 2, line 12: Location more: its targets are not followed',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'DevOps Culture' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Fault Isolation' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('check-devops.on-call')).toHaveTextContent(
      'Add pagerduty.com/service-id.',
    );
    expect(
      screen.getByTestId('check-devops.owned-by-team'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/To register it, commit it to its repository/),
    ).toBeInTheDocument();
  });

  it('shows the 400 of invalid YAML as the backend words it, with document and line', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValue(
        jsonResponse(400, {
          error: {
            name: 'InputError',
            message:
              'Invalid proposal: document 1, line 4: malformed YAML: Map keys must be unique',
          },
        }),
      );
    await render({ fetch });
    fireEvent.change(screen.getByLabelText('catalog-info.yaml'), {
      target: { value: 'a: 1' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    const alert = await screen.findByTestId('register-error');
    expect(alert).toHaveTextContent('Cannot validate it (400)');
    expect(alert).toHaveTextContent(
      'InputError: Invalid proposal: document 1, line 4: malformed YAML: Map keys must be unique',
    );
  });

  it("validates a URL through the catalog, registers it, and shows the catalog's conflict error", async () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'pick-route-optimizer', namespace: 'default' },
      spec: { type: 'service' },
    };
    const addLocation = jest
      .fn()
      .mockResolvedValueOnce({
        location: {},
        entities: [entity],
        exists: false,
      })
      .mockRejectedValueOnce(
        catalogError(
          409,
          'ConflictError',
          'Location url:https://example.com/catalog-info.yaml already exists',
        ),
      );
    const fetch = jest.fn().mockResolvedValue(jsonResponse(200, response));
    await render({ fetch, addLocation });
    await userEvent.click(screen.getByRole('tab', { name: 'From a URL' }));
    fireEvent.change(screen.getByLabelText('URL of a catalog-info.yaml'), {
      target: { value: 'https://example.com/catalog-info.yaml' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    expect(
      await screen.findByText('component:default/pick-route-optimizer'),
    ).toBeInTheDocument();
    expect(addLocation).toHaveBeenCalledWith({
      type: 'url',
      target: 'https://example.com/catalog-info.yaml',
      dryRun: true,
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/microservices/validate',
      expect.objectContaining({
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify([entity]),
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    const alert = await screen.findByTestId('register-error');
    expect(alert).toHaveTextContent('The catalog refused to register it (409)');
    expect(alert).toHaveTextContent(
      'ConflictError: Location url:https://example.com/catalog-info.yaml already exists',
    );
    expect(addLocation).toHaveBeenLastCalledWith({
      type: 'url',
      target: 'https://example.com/catalog-info.yaml',
    });
  });

  it('links to the registered entities', async () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'pick-route-optimizer', namespace: 'default' },
      spec: { type: 'service' },
    };
    const addLocation = jest
      .fn()
      .mockResolvedValue({ location: {}, entities: [entity], exists: false });
    await render({
      fetch: jest.fn().mockResolvedValue(jsonResponse(200, response)),
      addLocation,
    });
    await userEvent.click(screen.getByRole('tab', { name: 'From a URL' }));
    fireEvent.change(screen.getByLabelText('URL of a catalog-info.yaml'), {
      target: { value: 'https://example.com/catalog-info.yaml' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Register' }),
    );
    const registered = await screen.findByTestId('registered');
    await waitFor(() =>
      expect(registered.querySelector('a')).toHaveAttribute(
        'href',
        '/catalog/default/component/pick-route-optimizer',
      ),
    );
  });

  it('shows an unreachable URL as the catalog words it', async () => {
    const addLocation = jest
      .fn()
      .mockRejectedValue(
        catalogError(
          404,
          'NotFoundError',
          'Unable to read url, NotFoundError: could not read https://example.com/missing.yaml, 404 Not Found',
        ),
      );
    const fetch = jest.fn();
    await render({ fetch, addLocation });
    await userEvent.click(screen.getByRole('tab', { name: 'From a URL' }));
    fireEvent.change(screen.getByLabelText('URL of a catalog-info.yaml'), {
      target: { value: 'https://example.com/missing.yaml' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    expect(await screen.findByTestId('register-error')).toHaveTextContent(
      'NotFoundError: Unable to read url, NotFoundError: could not read https://example.com/missing.yaml, 404 Not Found',
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});
