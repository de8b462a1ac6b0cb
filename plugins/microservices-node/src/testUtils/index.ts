/**
 * Test helpers for adopters' custom checks.
 *
 * @packageDocumentation
 */
export { evaluateCustomCheck } from './evaluateCustomCheck';
