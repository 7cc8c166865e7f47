import type { CliCommand } from '../../cli/command';

export const dossiersCommands: CliCommand[] = [];
