/**
 * Scaffolder actions of the Microservices plugin.
 *
 * @packageDocumentation
 */
export { scaffolderModuleMicroservices as default } from './module';
export { createValidateAction } from './actions/validate';
export {
  createPublishLocalFolderAction,
  refreshLocationsCovering,
} from './actions/publishLocalFolder';
export {
  HttpValidationClient,
  type ValidationClient,
} from './ValidationClient';
