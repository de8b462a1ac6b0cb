export { ArchitectureDashboardPage } from './ArchitectureDashboardPage';
