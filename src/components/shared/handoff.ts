/**
 * Hands pasted text from one page to the diagnosis on /diagnose/ without putting it in any
 * address a server sees: it travels in this tab's sessionStorage (read once, then removed), or,
 * where storage is blocked, in the URL fragment (`#text=`), which browsers never send. (`#paste=`
 * is the share-link format, compressed, and is read by the diagnosis widget itself.)
 */
const KEY = 'bgg:handoff';
const MAX = 2_000_000;

/** Go to /diagnose/ with `text` in its paste box. */
export function sendToDiagnose(text: string): void {
  const t = text.slice(0, MAX);
  try {
    sessionStorage.setItem(KEY, t);
    location.assign('/diagnose/#from-paste');
  } catch {
    location.assign('/diagnose/#text=' + encodeURIComponent(t));
  }
}

/** The text handed over to this page, once (the fragment is cleared from the address bar). */
export function takeHandoff(): string | null {
  if (typeof window === 'undefined') return null;
  const hash = location.hash;
  if (hash !== '#from-paste' && !hash.startsWith('#text=')) return null;
  let text: string | null = null;
  try {
    text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    text = null;
  }
  if (text === null && hash.startsWith('#text=')) {
    try {
      text = decodeURIComponent(hash.slice('#text='.length));
    } catch {
      text = null;
    }
  }
  history.replaceState(history.state, '', location.pathname);
  return text;
}
