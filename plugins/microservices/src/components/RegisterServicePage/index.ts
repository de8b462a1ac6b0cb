export { RegisterServicePage } from './RegisterServicePage';
