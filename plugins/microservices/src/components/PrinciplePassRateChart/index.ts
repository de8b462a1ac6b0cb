export {
  PrinciplePassRateChart,
  formatPassRate,
  passRateAxisMin,
} from './PrinciplePassRateChart';
