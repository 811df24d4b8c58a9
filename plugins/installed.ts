// The installed plugin packages: adding a plugin is one line here. Nothing else
// belongs in this file, because index.ts takes every export of it as a package.
export { default as collectionsClearFields } from './collections-clear-fields';
export { default as quoteTotals } from './quote-totals';
