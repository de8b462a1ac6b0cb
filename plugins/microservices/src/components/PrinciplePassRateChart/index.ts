export {
  PrinciplePassRateChart,
  formatPassRate,
} from './PrinciplePassRateChart';
