export * from './rules';
export * from './laws';
export * from './review';
export { measuresOf, obligationOf } from './detect';
