import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// CI machines have two cores; the first render of a page with a table can take a while.
configure({ asyncUtilTimeout: 5000 });

// jsdom does not lay out SVG; the dependency graph measures its nodes with getBBox.
if (
  typeof SVGElement !== 'undefined' &&
  !(SVGElement.prototype as any).getBBox
) {
  (SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 120,
    height: 24,
  });
}

// Longer than the async utilities' timeout, so a missing element fails with its own message.
jest.setTimeout(20_000);
