export {
  BreakableText,
  noMidWordBreak,
  useNoMidWordBreakTable,
} from './BreakableText';
