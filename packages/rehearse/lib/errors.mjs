/**
 * Why a rehearsal cannot run (exit code 2): one sentence, in French, that says what to do.
 * A rule that fails is a finding, never an error.
 */
export class RehearsalError extends Error {
  constructor(message, { cause } = {}) {
    super(message, { cause });
    this.name = 'RehearsalError';
  }
}
