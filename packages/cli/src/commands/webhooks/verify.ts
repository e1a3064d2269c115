import { CliError, usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { CommandContext } from '../../types.js';
import { readRawInput } from '../../webhooks/raw-input.js';
import { maskSecret, resolveSecret } from '../../webhooks/secret.js';

export interface VerifyFlags {
  secret?: string;
  secretFile?: string;
  signature?: string;
}

/** `loggd webhooks verify`: exit 0 when --signature matches the raw bytes of FILE (or stdin), 7 when not. */
export async function webhooksVerify(
  ctx: CommandContext,
  file: string | undefined,
  flags: VerifyFlags,
): Promise<number> {
  const { io } = ctx;
  const secret = await resolveSecret(flags, io.env, (line) => io.stderr.write(`${line}\n`));
  if (!flags.signature) {
    throw usageError('missing --signature: the X-Loggd-Signature header value (sha256=<hex>)');
  }
  // A value that cannot be a signature at all is a usage error (2), not a mismatch (7).
  if (!/^sha256=[0-9a-f]{64}$/i.test(flags.signature.trim()))
    throw usageError(
      `invalid --signature '${flags.signature.slice(0, 20)}${flags.signature.length > 20 ? '…' : ''}': accepted is sha256= and 64 hex digits, as in X-Loggd-Signature`,
      'pass the header value exactly, e.g. --signature "$HTTP_X_LOGGD_SIGNATURE"',
    );
  const body = await readRawInput(file, io);
  const { verifySignature } = await import('@loggd/sdk');
  if (await verifySignature({ body, signature: flags.signature, secret })) {
    if (io.stderr.isTTY) io.stderr.write('valid\n');
    return EXIT.ok;
  }
  throw new CliError(
    `invalid signature: --signature does not match the ${body.byteLength}-byte body under the secret ${maskSecret(secret)}`,
    EXIT.invalidSignature,
    'invalid_signature',
    [
      /^sha256=[0-9a-f]{64}$/.test(flags.signature)
        ? 'check the secret, and that the body is the raw bytes received (not re-serialised JSON)'
        : 'a signature is sha256= and 64 lowercase hex digits, exactly as in X-Loggd-Signature',
    ],
  );
}
