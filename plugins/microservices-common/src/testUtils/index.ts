/**
 * Test helpers of the Microservices plugin's common package.
 *
 * @packageDocumentation
 */
export {
  createSyntheticLandscape,
  type SyntheticLandscapeOptions,
} from './syntheticLandscape';
