export * from './MicroservicesApi';
export * from './MicroservicesClient';
