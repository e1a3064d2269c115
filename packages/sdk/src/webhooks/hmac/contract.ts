/**
 * What each HMAC-SHA256 implementation provides. `node.ts` (node:crypto) and `web.ts` (Web Crypto) both satisfy
 * it; the build picks one per runtime through the package's `#hmac` import conditions.
 */
export interface HmacImplementation {
  /** True when `signatureHex` (64 lowercase hex, already checked) is the HMAC of `body` under any secret. */
  verifyAny(
    secrets: readonly string[],
    body: string | Uint8Array,
    signatureHex: string,
  ): boolean | Promise<boolean>;
  /** Lowercase hex HMAC-SHA256 of `body` under `secret`. */
  signHex(secret: string, body: string | Uint8Array): string | Promise<string>;
}
