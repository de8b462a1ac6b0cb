export { PrinciplePassRateCard } from './PrinciplePassRateCard';
