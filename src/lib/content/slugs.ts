/** URL slugs of code pages: a public contract (/codes/502-3/, /codes/0x80072ee2/). */

const STATUS = /^([1-5]\d\d)(?:\.(\d{1,2}))?$/;
const HEX = /^0x([0-9a-f]{8})$/i;

/** "502.3" -> "502-3", "502" -> "502", "0x80072EE2" -> "0x80072ee2"; null when neither. */
export function codePageSlug(code: string): string | null {
  const c = code.trim();
  const s = STATUS.exec(c);
  if (s) return s[2] === undefined ? s[1]! : `${s[1]}-${s[2]}`;
  const h = HEX.exec(c);
  if (h) return `0x${h[1]!.toLowerCase()}`;
  return null;
}

export function codePageUrl(code: string): string | null {
  const slug = codePageSlug(code);
  return slug === null ? null : `/codes/${slug}/`;
}

export const causeUrl = (id: string): string => `/causes/${id}/`;
export const guideUrl = (slug: string): string => `/guides/${slug}/`;
