import type { Command } from 'commander';
import type { ActionBinder } from '../../types.js';

// Declaration only: the script generator loads when the command runs; the scripts ask `loggd __complete`
// (completion/complete.ts) for candidates.

/** `loggd completion <shell>`. */
export function registerCompletionCommand(program: Command, action: ActionBinder): void {
  action(
    program
      .command('completion')
      .description('print a shell completion script')
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText(
        'after',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expression shown to the user.
        '\nInstall:\n  $ loggd completion bash >> ~/.bashrc\n  $ loggd completion zsh > "${fpath[1]}/_loggd"\n  $ loggd completion fish > ~/.config/fish/completions/loggd.fish\n',
      ),
    async (ctx, [shell]) => (await import('./completion.js')).completion(ctx, shell as string),
  );
}
