import { splitInlineCode } from './inlineCode';

describe('splitInlineCode', () => {
  it('splits at matched backticks', () => {
    expect(splitInlineCode('Set `spec.owner` to a `Group`.')).toEqual([
      { text: 'Set ', code: false },
      { text: 'spec.owner', code: true },
      { text: ' to a ', code: false },
      { text: 'Group', code: true },
      { text: '.', code: false },
    ]);
  });

  it('leaves an unmatched backtick as text', () => {
    expect(splitInlineCode('a `b` c ` d')).toEqual([
      { text: 'a ', code: false },
      { text: 'b', code: true },
      { text: ' c ` d', code: false },
    ]);
    expect(splitInlineCode('')).toEqual([]);
  });
});
