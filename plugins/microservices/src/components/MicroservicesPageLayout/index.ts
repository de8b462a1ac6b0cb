export { MicroservicesPageLayout } from './MicroservicesPageLayout';
export type { MicroservicesSection } from './MicroservicesPageLayout';
