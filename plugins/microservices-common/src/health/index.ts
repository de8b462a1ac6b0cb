export {
  HEALTH_ENDPOINT_ANNOTATION,
  HEALTH_ENDPOINT_MAX_LENGTH,
  parseHealthEndpoint,
  type ParsedHealthEndpoint,
} from './parseHealthEndpoint';
