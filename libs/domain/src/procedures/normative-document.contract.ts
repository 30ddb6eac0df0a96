/** Former home of the normative-document contract; it lives in `normative-document/` now, beside the kernel. */
export * from './normative-document/normative-document.contract';
