/** A file that cannot be read as replies: bad JSON, a CSV without a text column. `at` is a source offset. */
export class SourceError extends Error {
  constructor(message: string, readonly at?: number) {
    super(message);
    this.name = 'SourceError';
  }
}
