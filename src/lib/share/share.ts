/**
 * Share links: the (redacted) paste travels compressed in the URL FRAGMENT only
 * (`/diagnose/#paste=<base64url of deflate-raw>`), which browsers never send to a server, so no
 * server (ours or a host's access log) ever receives it. Opening the link restores the paste.
 * Uses CompressionStream / DecompressionStream, which browsers and Node 18+ both provide.
 */

/** The fragment key that holds a shared paste. */
export const SHARE_KEY = 'paste';

/** Largest paste a link carries (characters, before compression): longer links break in chat tools and browsers. */
export const SHARE_MAX_CHARS = 60_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('The link is damaged: it holds characters a share link never has.');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The fragment (without '#') that carries `paste`; throws when the paste is too long for a link. */
export async function encodeShareFragment(paste: string): Promise<string> {
  if (paste.length > SHARE_MAX_CHARS) {
    throw new Error(`This paste is ${paste.length.toLocaleString('en')} characters; a share link carries at most ${SHARE_MAX_CHARS.toLocaleString('en')}. Share the Markdown instead, or trim the paste to the lines that matter.`);
  }
  const packed = await pipe(new TextEncoder().encode(paste), new CompressionStream('deflate-raw'));
  return `${SHARE_KEY}=${toBase64Url(packed)}`;
}

/**
 * The paste a fragment carries, or undefined when the fragment holds no shared paste.
 * Throws an Error with a reader-facing message when the link is damaged (cut off, edited).
 */
export async function decodeShareFragment(fragment: string): Promise<string | undefined> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const value = params.get(SHARE_KEY);
  if (value === null) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(value), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('The link is damaged')) throw e;
    throw new Error('The link is damaged: the shared paste could not be unpacked (it may have been cut off when it was copied).');
  }
}
