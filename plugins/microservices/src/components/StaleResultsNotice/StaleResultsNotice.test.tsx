import { render, screen } from '@testing-library/react';
import { StaleResultsNotice } from './StaleResultsNotice';

describe('StaleResultsNotice', () => {
  it('says the results are from the last run that succeeded, and when', () => {
    render(<StaleResultsNotice stale evaluatedAt="2026-12-01T09:30:00.000Z" />);
    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('The latest evaluation failed');
    expect(notice).toHaveTextContent('2026');
  });

  it('renders nothing for current results', () => {
    const { container } = render(
      <StaleResultsNotice evaluatedAt="2026-12-01T09:30:00.000Z" />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
