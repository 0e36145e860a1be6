// See tooling/prettier.config.js.
export { default } from './tooling/prettier.config.js';
