export * from './templates.ts';
export * from './conditions.ts';
