import { Config, Help } from '@oclif/core';
import { repoRoot } from './paths.js';

/** Captures what `sf <id> --help` prints: oclif's own help, from the command as the plugin declares it. */
class CapturingHelp extends Help {
  public text = '';
  protected override log(...args: string[]): void {
    this.text += `${args.join(' ')}\n`;
  }
}

export async function helpText(id: string): Promise<string> {
  const config = await Config.load(repoRoot);
  const command = config.findCommand(id);
  if (!command) throw new Error(`no command ${id} in the plugin (run npm run build)`);
  const help = new CapturingHelp(config, { stripAnsi: true });
  await help.showCommandHelp(command);
  return help.text;
}
