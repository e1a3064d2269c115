import { bashScript, fishScript, zshScript } from '../../completion/scripts.js';
import { usageError } from '../../errors.js';
import type { CommandContext } from '../../types.js';

/** `loggd completion bash|zsh|fish` */
export function completion(ctx: CommandContext, shell: string): number {
  const scripts: Record<string, () => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };
  const make = Object.hasOwn(scripts, shell) ? scripts[shell] : undefined;
  if (!make)
    throw usageError(
      `invalid shell '${shell}': accepted are bash, zsh, fish`,
      'e.g. loggd completion bash >> ~/.bashrc',
    );
  ctx.io.stdout.write(make());
  return 0;
}
