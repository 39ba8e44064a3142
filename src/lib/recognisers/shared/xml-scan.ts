/**
 * Small XML reading steps the XML-reading kinds share (freb, web-config, error-page): entity
 * decoding and finding the end of a start tag. Linear: every repeat is bounded and excludes `<`.
 */

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five XML entities and numeric character references. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (all, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? all;
    const cp = dec ? Number(dec) : Number.parseInt(hex as string, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

const TAG_REST = /[^<>]{0,400}>/y;

/** End (after `>`) of the tag whose name ends at `at`, if `>` comes within `max` characters. */
export function tagEnd(input: string, at: number, max: number): number | undefined {
  TAG_REST.lastIndex = at;
  const m = TAG_REST.exec(input);
  return m && m[0].length <= max + 1 ? TAG_REST.lastIndex : undefined;
}
