/** Exit codes, the contract scripts rely on. */
export const EXIT = {
  ok: 0,
  /** A check failed, or nothing matched. */
  failed: 1,
  usage: 2,
  /** The timeline cannot be read or is invalid. */
  data: 3,
  /** Output cannot be written. */
  output: 4,
  /** `juno update`: the source cannot be reached, or lacks a file the data needs. */
  remote: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure a person can act on: printed as `juno: <message>` with an optional hint, never as a stack trace. */
export class JunoError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
    /** Further lines printed under the message (every problem of an invalid timeline). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends JunoError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

export class DataError extends JunoError {
  constructor(message: string, details: string[] = [], hint?: string) {
    super(message, EXIT.data, hint, details);
  }
}

export class OutputError extends JunoError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.output, hint);
  }
}

/** `juno update`: the source of the data cannot be reached, or does not answer as it should. */
export class RemoteError extends JunoError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.remote, hint);
  }
}
