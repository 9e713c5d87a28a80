// Pure scoring rules of docs/SCORING.md, shared by pages, PDF, exports and the live view.
export * from './types';
export * from './item';
export * from './privacy';
export * from './pyramid';
export * from './actors';
export * from './compare';
export * from './actions';
export * from './breakdown';
