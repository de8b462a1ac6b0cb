export { CheckResultItem, EvaluatedAt } from './CheckResultItem';
