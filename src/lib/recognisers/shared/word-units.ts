/**
 * Word characters at the code-unit level, as a regular expression's `\w` sees them: ASCII letters,
 * digits and `_`. Recognisers that find a needle by indexOf test the units around a hit with it
 * where an expression would have used `\b`.
 */
export function isWordUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
