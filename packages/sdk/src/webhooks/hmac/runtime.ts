/**
 * The HMAC implementation the rest of the webhooks code uses. In source (tests, typecheck) it is the node:crypto
 * one; the build (tsup.config.ts) replaces this module with the package import `#hmac`, whose `node` condition
 * loads dist/hmac-node and whose `default` condition loads dist/hmac-web, so non-Node bundles never see node:*.
 */
export { signHex, verifyAny } from './node.js';
