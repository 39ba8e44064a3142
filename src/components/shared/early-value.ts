/**
 * What the reader typed or pasted into a server-rendered field before its island woke up.
 *
 * Hydration writes the component's state into a textarea (and the next render into an input), so
 * a paste made while the page's scripts were still loading would be wiped. Call this in the
 * `useState` initialiser: it runs before hydration touches the field, reads the field by id and
 * returns its value if the reader changed it, or `fallback` otherwise (and on the server).
 */
export function earlyValue(id: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  const el = document.getElementById(id);
  if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) return fallback;
  return el.value !== el.defaultValue ? el.value : fallback;
}
