/**
 * Incremental line splitting for a child's output. Reads arrive in arbitrary chunks: one JSON object
 * can span two reads and one UTF-8 character can be cut in half, so splitting each raw chunk on
 * newlines (Vorta's old bug) drops or corrupts lines. This keeps the unfinished line between pushes.
 *
 * Work is linear in the input: each chunk is scanned once for newline bytes (a UTF-8 newline byte is
 * never part of a multi-byte character, so bytes can be split before decoding), and the unfinished
 * line is a list of pieces joined only when its newline arrives. A line longer than the cap keeps its
 * first bytes plus a marker; the rest is dropped until the next newline, so one runaway line (a
 * hostile or broken program printing megabytes without a newline) costs bounded memory and time.
 */

/** Lines are cut after this many bytes (borg's longest real lines, tracebacks and paths, are far shorter). */
export const MAX_LINE_BYTES = 256 * 1024;

/** The text that replaces the dropped part of an overlong line. */
export function truncationMarker(totalBytes: number): string {
  return `… (line truncated, ${totalBytes} bytes)`;
}

const encoder = new TextEncoder();
const CR = 0x0d;
const LF = 0x0a;

/** Splits a byte (or text) stream into lines; handles LF, CRLF and a last line without a newline. */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private parts: Uint8Array[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** Feeds one chunk; returns the lines it completed (without their line terminators). */
  push(chunk: Uint8Array | string): string[] {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    const lines: string[] = [];
    let start = 0;
    for (let newline = bytes.indexOf(LF); newline !== -1; newline = bytes.indexOf(LF, start)) {
      this.append(bytes.subarray(start, newline));
      lines.push(this.takeLine());
      start = newline + 1;
    }
    // Copied: the caller's buffer may be reused, and a small tail must not pin a large chunk.
    if (start < bytes.length) this.append(bytes.slice(start));
    return lines;
  }

  /** Ends the stream; returns the final line if the stream did not end with a newline. */
  end(): string[] {
    return this.kept + this.dropped > 0 ? [this.takeLine()] : [];
  }

  private append(piece: Uint8Array): void {
    if (piece.length === 0) return;
    if (this.dropped > 0) {
      this.dropped += piece.length;
      return;
    }
    const room = this.maxLineBytes - this.kept;
    if (piece.length <= room) {
      this.parts.push(piece);
      this.kept += piece.length;
      return;
    }
    const cut = characterStart(piece, room);
    this.parts.push(piece.subarray(0, cut));
    this.kept += cut;
    this.dropped += piece.length - cut;
  }

  private takeLine(): string {
    const bytes = join(this.parts, this.kept);
    const truncated = this.dropped > 0;
    const total = this.kept + this.dropped;
    this.parts = [];
    this.kept = 0;
    this.dropped = 0;
    if (truncated) return this.decoder.decode(bytes) + truncationMarker(total);
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    return this.decoder.decode(bytes.subarray(0, end));
  }
}

// The largest index <= at that starts a UTF-8 character, so a cut never splits one.
function characterStart(bytes: Uint8Array, at: number): number {
  let cut = at;
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut;
}

function join(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Splits a whole text at once (fixtures, tests); same rules as LineSplitter. */
export function splitLines(text: string): string[] {
  const splitter = new LineSplitter();
  return [...splitter.push(text), ...splitter.end()];
}
