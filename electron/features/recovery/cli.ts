import type { CliCommand } from '../../cli/command';

export const recoveryCommands: CliCommand[] = [];
