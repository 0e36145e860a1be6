// The one lint configuration of the monorepo; see tooling/eslint.config.js.
export { default } from './tooling/eslint.config.js';
