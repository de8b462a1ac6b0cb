export { BreakableText, noMidWordBreak } from './BreakableText';
