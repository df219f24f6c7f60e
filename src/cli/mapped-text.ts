import type { Range } from '../engine/index.ts';

/**
 * Text extracted from a file (a JSON string, HTML, a Markdown section) together with where each of its
 * UTF-16 code units came from in the file. The engine sees `text`; findings are mapped back with
 * `toSource` so `file:line:col` points at the original bytes, and `--fix` can tell whether a fix lands on
 * plain characters (safe to splice) or on markup or escapes it would destroy.
 *
 * @example
 * const m = MappedText.build((b) => { b.push('a', 0, 1); b.push('\n', 1, 3); b.push('b', 3, 4); }, 4);
 * m.text                 // 'a\nb'
 * m.toSource([1, 3])     // [1, 4]
 */
export class MappedText {
  private constructor(
    readonly text: string,
    /** Source offset where code unit i starts. */
    private readonly starts: Int32Array,
    /** Source offset where code unit i ends. */
    private readonly ends: Int32Array,
    /** 1 where the code unit is not in the source as such (a line break standing for `<p>`, masked markup). */
    private readonly synthetic: Uint8Array,
    /** Source offset of the end of the extracted span. */
    private readonly sourceEnd: number,
  ) {}

  /** Text copied verbatim from `source[base, base + text.length)`. */
  static identity(text: string, base = 0): MappedText {
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) {
      starts[i] = base + i;
      ends[i] = base + i + 1;
    }
    return new MappedText(text, starts, ends, new Uint8Array(text.length), base + text.length);
  }

  /** Builds a mapping one decoded piece at a time; `sourceEnd` (or a function computing it after `fill`) is where the span ends in the source. */
  static build(fill: (b: MappedTextBuilder) => void, sourceEnd: number | (() => number)): MappedText {
    const b = new MappedTextBuilder();
    fill(b);
    return b.finish(typeof sourceEnd === 'function' ? sourceEnd() : sourceEnd);
  }

  /** Maps a `[start, end)` range of `text` to the source. */
  toSource(range: Range): Range {
    const [s, e] = range;
    const n = this.text.length;
    const start = s >= n ? this.sourceEnd : this.starts[Math.max(0, s)];
    if (e <= s) return [start, start];
    const end = e > n ? this.sourceEnd : this.ends[e - 1];
    return [start, Math.max(start, end)];
  }

  /**
   * True when the range covers only characters copied from the source with nothing skipped between them,
   * so replacing the mapped source span changes exactly those characters and no markup or escape around them.
   */
  isClean(range: Range): boolean {
    const [s, e] = range;
    if (s < 0 || e > this.text.length || s > e) return false;
    for (let i = s; i < e; i++) {
      if (this.synthetic[i]) return false;
      if (i + 1 < e && this.ends[i] !== this.starts[i + 1]) {
        // Both halves of a surrogate pair decoded from one escape share the same source span.
        if (!(this.starts[i] === this.starts[i + 1] && this.ends[i] === this.ends[i + 1])) return false;
      }
    }
    return true;
  }

  /**
   * Chains two extractions: `this` was extracted from `outer.text` (e.g. HTML inside a JSON string);
   * the result maps straight to `outer`'s source.
   */
  within(outer: MappedText): MappedText {
    const n = this.text.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const synthetic = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const [a, b] = outer.toSource([this.starts[i], this.ends[i]]);
      starts[i] = a;
      ends[i] = b;
      synthetic[i] = this.synthetic[i] || (outer.isClean([this.starts[i], this.ends[i]]) ? 0 : 1);
    }
    return new MappedText(this.text, starts, ends, synthetic, outer.toSource([this.sourceEnd, this.sourceEnd])[0]);
  }
}

export class MappedTextBuilder {
  private chars: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private synthetic: number[] = [];

  /** Appends `text`, every code unit of which came from `source[start, end)`. */
  push(text: string, start: number, end: number, synthetic = false): void {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]);
      this.starts.push(start);
      this.ends.push(end);
      this.synthetic.push(synthetic ? 1 : 0);
    }
  }

  /** Appends `source[start, start + text.length)` copied one to one. */
  copy(text: string, start: number): void {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]);
      this.starts.push(start + i);
      this.ends.push(start + i + 1);
      this.synthetic.push(0);
    }
  }

  get length(): number {
    return this.chars.length;
  }

  /** Last code unit pushed, or '' when empty. */
  last(): string {
    return this.chars[this.chars.length - 1] ?? '';
  }

  finish(sourceEnd: number): MappedText {
    // The constructor is private to keep the invariants in one place; the builder is its only other user.
    const Ctor = MappedText as unknown as new (...args: unknown[]) => MappedText;
    return new Ctor(this.chars.join(''), Int32Array.from(this.starts), Int32Array.from(this.ends), Uint8Array.from(this.synthetic), sourceEnd);
  }
}
