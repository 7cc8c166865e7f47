import type { CliCommand } from '../../cli/command';

export const privacyCommands: CliCommand[] = [];
