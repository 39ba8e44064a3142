/**
 * Hands a file the reader chose on one page to the log analyzer on /analyze/, inside this
 * browser: the File is kept in IndexedDB (files can be stored there as they are), taken once by
 * the analyzer and deleted. Nothing is uploaded.
 */
const DB = 'bad-gateway-guide';
const STORE = 'handoff';
const KEY = 'file';
export const FILE_HASH = '#from-file';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const tx = d.transaction(STORE, mode);
        const req = act(tx.objectStore(STORE));
        tx.oncomplete = () => {
          d.close();
          resolve(req.result);
        };
        tx.onerror = () => {
          d.close();
          reject(tx.error ?? new Error('IndexedDB failed'));
        };
      }),
  );
}

/** Keep `file` for the analyzer and go there. Resolves false when the browser cannot store it. */
export async function sendFileToAnalyzer(file: File): Promise<boolean> {
  try {
    await run('readwrite', (s) => s.put(file, KEY));
  } catch {
    return false;
  }
  location.assign('/analyze/' + FILE_HASH);
  return true;
}

/** The file handed to this page, once; null when there is none. */
export async function takeFileHandoff(): Promise<File | null> {
  if (typeof window === 'undefined' || location.hash !== FILE_HASH) return null;
  history.replaceState(history.state, '', location.pathname);
  try {
    const file = await run<unknown>('readonly', (s) => s.get(KEY));
    await run('readwrite', (s) => s.delete(KEY));
    return file instanceof File ? file : null;
  } catch {
    return null;
  }
}
