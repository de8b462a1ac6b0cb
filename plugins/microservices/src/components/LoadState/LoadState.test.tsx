import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { responseError } from '../../__testUtils__/fixtures';
import { LoadState, NOT_EVALUATED } from './LoadState';

describe('LoadState', () => {
  it('shows progress while loading, and the content once loaded', async () => {
    const { rerender } = await renderInTestApp(
      <LoadState loading what="the things">
        <p>content</p>
      </LoadState>,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    rerender(<LoadState what="the things">{() => <p>content</p>}</LoadState>);
    expect(screen.getByText('content')).toBeInTheDocument();
  });

  it('says "not evaluated yet" on a 404 and explains other errors with a retry', async () => {
    const onRetry = jest.fn();
    const { rerender } = await renderInTestApp(
      <LoadState
        error={await responseError(404)}
        what="the things"
        notFound={NOT_EVALUATED}
      />,
    );
    expect(screen.getByText('Not evaluated yet')).toBeInTheDocument();
    rerender(
      <LoadState
        error={await responseError(500, 'boom')}
        what="the things"
        onRetry={onRetry}
      />,
    );
    expect(
      screen.getByText(/The microservices backend failed to load the things/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('shows an empty message as a panel, or as a line inside a card', async () => {
    const empty = { title: 'Nothing yet', description: 'Come back later.' };
    const { rerender } = await renderInTestApp(
      <LoadState what="the things" empty={empty}>
        <p>content</p>
      </LoadState>,
    );
    expect(screen.getByText('Nothing yet')).toBeInTheDocument();
    expect(screen.queryByText('content')).not.toBeInTheDocument();
    rerender(<LoadState what="the things" empty={empty} compact />);
    expect(
      screen.getByText('Nothing yet. Come back later.'),
    ).toBeInTheDocument();
  });
});
