/** A message split at its backticks: the backend writes refs and keys as `code`. */
export interface TextSegment {
  text: string;
  code: boolean;
}

export function splitInlineCode(message: string): TextSegment[] {
  const parts = message.split('`');
  // An odd number of backticks leaves the last one unmatched: keep it as text.
  if (parts.length % 2 === 0) {
    const last = parts.pop()!;
    parts[parts.length - 1] += `\`${last}`;
  }
  return parts
    .map((text, i) => ({ text, code: i % 2 === 1 }))
    .filter(segment => segment.text !== '');
}
