/** Ends a command with an exit code and a message for stderr (2: unusable input or usage). */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
    this.name = 'CliExit';
  }
}
