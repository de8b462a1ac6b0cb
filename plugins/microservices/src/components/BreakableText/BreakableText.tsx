import { Fragment } from 'react';
import { makeStyles } from '@material-ui/core/styles';

/** The places a name may wrap: after a hyphen, dot, slash, colon or underscore. */
const BREAK_AFTER = /(?<=[-./:_])/;

/**
 * A name that wraps only after hyphens, dots, slashes, colons and underscores (a `<wbr>` after
 * each), never inside a word: Backstage's tables set `word-break: break-word`, which breaks
 * names anywhere ("engageme/nt-team"). Put it in an element with `overflow-wrap: normal`, or
 * use `noMidWordBreak` for the style.
 */
export function BreakableText(props: { text: string }) {
  const parts = props.text.split(BREAK_AFTER);
  if (parts.length === 1) return <>{props.text}</>;
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

/** Styles that keep a cell or label from breaking words anywhere. */
export const noMidWordBreak = {
  overflowWrap: 'normal',
  wordBreak: 'normal',
} as const;

/** A class for MUI tables whose cells must not break words anywhere (Backstage's cells do). */
export const useNoMidWordBreakTable = makeStyles({
  table: { '& td, & th': noMidWordBreak },
});
