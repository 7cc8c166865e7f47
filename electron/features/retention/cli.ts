import type { CliCommand } from '../../cli/command';

export const retentionCommands: CliCommand[] = [];
