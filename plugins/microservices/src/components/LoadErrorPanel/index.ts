/** @deprecated The error panel is part of `LoadState`; import it from '../LoadState'. */
export { LoadErrorPanel } from '../LoadState';
