export { PrinciplesPage } from './PrinciplesPage';
