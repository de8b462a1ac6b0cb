/**
 * Common types, permissions, API contract and compliance engine of the microservices plugin.
 *
 * @packageDocumentation
 */
export * from './engine';
export * from './permissions';
export * from './api';
export * from './health';
export * from './catalogYaml';
export * from './validation';
