/**
 * Traefik's access log (off by default; traefik/traefik: docs/content/observability/access-logs.md).
 *
 * Common format, the CLF fields and then Traefik's own:
 *   <client> - <user> [<time>] "<method> <path> <proto>" <status> <size> "<referer>" "<user agent>"
 *     <requests since start> "<router>" "<server URL>" <duration>ms
 *
 * JSON format (`format: json`): one object per line with, among others, `DownstreamStatus` (sent to
 * the client), `OriginStatus` (from the backend; 0 when Traefik answered itself), `Duration` and
 * `OriginDuration` in nanoseconds, `RequestMethod`, `RequestPath`, `RouterName`, `ServiceURL`,
 * `StartUTC`, `RetryAttempts`.
 */
import type { Token } from '../shared/proxy-lines.ts';
import { jsonNumberText, jsonString } from '../shared/json-fields.ts';

export interface Field<T = string> {
  value: T;
  start: number;
  end: number;
}

/** Traefik's fields at the end of a CLF line, or undefined when the line does not end with them. */
export function traefikClfExtras(extras: Token[]): { router: Token; serverUrl: Token; duration: Field<number> } | undefined {
  const n = extras.length;
  const last = extras[n - 1];
  const url = extras[n - 2];
  const router = extras[n - 3];
  const count = extras[n - 4];
  if (!last || !url || !router || !count) return undefined;
  if (!url.quoted || !router.quoted || count.quoted || !/^\d{1,12}$/.test(count.value)) return undefined;
  const m = /^(\d{1,12})ms$/.exec(last.value);
  if (!m) return undefined;
  return { router, serverUrl: url, duration: { value: Number(m[1]), start: last.start, end: last.end - 2 } };
}

export interface JsonAccess {
  downstream: Field<number>;
  origin?: Field<number>;
  /** Nanoseconds. */
  duration?: Field<number>;
  path?: Field;
  serviceUrl?: Field;
  router?: Field;
  start?: Field;
  retries?: Field<number>;
}

/** A whole, non-negative number field. */
function num(text: string, key: string): Field<number> | undefined {
  const f = jsonNumberText(text, key);
  if (!f || !/^\d{1,19}$/.test(f.value)) return undefined;
  return { value: Number(f.value), start: f.start, end: f.end };
}

const str = jsonString;

/** A JSON access-log entry on this line (it must hold `DownstreamStatus`). */
export function readJsonAccess(text: string): JsonAccess | undefined {
  if (!text.includes('"DownstreamStatus"')) return undefined;
  const downstream = num(text, 'DownstreamStatus');
  if (!downstream || downstream.value < 100 || downstream.value > 599) return undefined;
  return {
    downstream,
    origin: num(text, 'OriginStatus'),
    duration: num(text, 'Duration'),
    path: str(text, 'RequestPath'),
    serviceUrl: str(text, 'ServiceURL'),
    router: str(text, 'RouterName'),
    start: str(text, 'StartUTC'),
    retries: num(text, 'RetryAttempts'),
  };
}
