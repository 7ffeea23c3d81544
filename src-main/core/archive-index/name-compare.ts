/** Orderings for file names as a file manager shows them. */

/**
 * Natural order on already lower-cased names: digit runs compare by value ("file9" < "file10"),
 * everything else by UTF-16 code unit. Returns <0, 0 or >0.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let si = i;
      while (a.charCodeAt(si) === 48) si++;
      let sj = j;
      while (b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      let ej = sj;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      // Without leading zeros, a longer digit run is a larger number.
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      // Equal values: fewer leading zeros first, then carry on after the runs.
      if (ei - i !== ej - j) return ei - i - (ej - j);
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

/** The lower-cased extension of a name ('' for none or a dot-file such as ".bashrc"). */
export function extensionOf(lowerName: string): string {
  const dot = lowerName.lastIndexOf('.');
  return dot > 0 ? lowerName.slice(dot + 1) : '';
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
