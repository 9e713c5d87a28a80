// Content only: no zod here, so participant pages can import it without a validation library.
// The schemas live in './schema'.

/**
 * Stored with every assessment. Bump it with any content change; bump an item's `revision` as
 * well when its meaning changes. Keys are stable forever: retire an item, never rename it.
 */
export const FRAMEWORK_VERSION = '2026.1';

export * from './types';
export * from './rating';
export * from './team';
export * from './actions';
export * from './steps';
export * from './glossary';
