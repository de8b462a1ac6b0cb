import { splitInlineCode } from '../../lib/inlineCode';

/** A backend message with its `backticked` refs and keys shown as code. */
export function InlineCodeText(props: { text: string }) {
  return (
    <>
      {splitInlineCode(props.text).map((segment, i) =>
        segment.code ? (
          <code key={i}>{segment.text}</code>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
