/** 1-based line and column; columns count UTF-16 code units, as editors and SARIF's default do. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Builds an offset → line/column converter for one text. Lines break at \n, \r\n and \r.
 *
 * @example
 * positionsOf('a\nbc')(3) // { line: 2, column: 2 }
 */
export function positionsOf(source: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const o = Math.max(0, Math.min(offset, source.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1 };
  };
}
