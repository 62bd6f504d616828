/** What kind of refusal an ImportError is, for callers that react differently (e.g. offer to convert). */
export type ImportFailure =
  | 'empty'
  | 'too-large'
  | 'not-audio'
  | 'unsupported-format'
  | 'damaged'
  | 'too-many-channels'
  | 'too-long'
  | 'no-audio'
  | 'decode-failed';

/**
 * An audio file that was refused. The message always names the file and the reason, ready to show as it is:
 * `"notes.wav" could not be imported: it is a text file, not audio`.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** The file's name as the user knows it. */
  readonly fileName: string;
  /** Why, phrased to follow "could not be imported: ". */
  readonly reason: string;
  readonly failure: ImportFailure;

  constructor(fileName: string, reason: string, failure: ImportFailure, options?: { cause?: unknown }) {
    super(`"${fileName}" could not be imported: ${reason}`, options);
    this.fileName = fileName;
    this.reason = reason;
    this.failure = failure;
  }
}
