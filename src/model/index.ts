export * from './schema';
export * from './defaults';
export * from './ids';
export * from './operations';
export * from './connections';
export * from './load';
export * from './problems';
export * from './templates';
