/** Former home of the major-decision contract; it lives in `major-decision/` now, beside the kernel. */
export * from './major-decision/major-decision.contract';
