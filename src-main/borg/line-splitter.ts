/**
 * Incremental line splitting for a child's output. Reads arrive in arbitrary chunks: one JSON object
 * can span two reads and one UTF-8 character can be cut in half, so splitting each raw chunk on
 * newlines (Vorta's old bug) drops or corrupts lines. This keeps the unfinished tail between pushes.
 */

/** Splits a byte (or text) stream into lines; handles LF, CRLF and a last line without a newline. */
export class LineSplitter {
  // A streaming decoder keeps the first bytes of a multi-byte character until the rest arrives.
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  /** Feeds one chunk; returns the lines it completed (without their line terminators). */
  push(chunk: Uint8Array | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.takeLines();
  }

  /** Ends the stream; returns the final line if the stream did not end with a newline. */
  end(): string[] {
    this.pending += this.decoder.decode();
    const lines = this.takeLines();
    if (this.pending.length > 0) lines.push(stripCr(this.pending));
    this.pending = '';
    return lines;
  }

  private takeLines(): string[] {
    const lines: string[] = [];
    let start = 0;
    let newline = this.pending.indexOf('\n', start);
    while (newline !== -1) {
      lines.push(stripCr(this.pending.slice(start, newline)));
      start = newline + 1;
      newline = this.pending.indexOf('\n', start);
    }
    if (start > 0) this.pending = this.pending.slice(start);
    return lines;
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Splits a whole text at once (fixtures, tests); same rules as LineSplitter. */
export function splitLines(text: string): string[] {
  const splitter = new LineSplitter();
  return [...splitter.push(text), ...splitter.end()];
}
