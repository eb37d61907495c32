export { globalTeardown as default } from './postgres-global.mjs';
