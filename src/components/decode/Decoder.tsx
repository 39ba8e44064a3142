/** @jsxImportSource preact */
/**
 * Code decoder: any written form of a code in, every interpretation out. Curated codes decode
 * at once; the full table of Windows names (large) is fetched only when a code is not curated
 * or a name is not known to the curated set.
 */
import { useEffect, useState } from 'preact/hooks';
import { decode, type DecodeResult } from '../../lib/codes/decode.ts';
import { curatedFor, curatedNames, resolveCuratedName } from '../../lib/codes/curated.ts';
import { parseCode, parseStatus } from '../../lib/codes/forms.ts';
import { loadTable, type CodeTable } from '../../lib/codes/table.ts';
import { earlyValue } from '../shared/early-value.ts';

interface Props {
  /** Start with this code (a code page passes its own). */
  initial?: string;
  /** Read the code from and write it to the URL fragment (/decode/#0x80072ee2). */
  useHash?: boolean;
  /** Slugs of the code pages that exist, so results can link to them. */
  pageSlugs: string[];
  idPrefix?: string;
  /** Level of the decoder's own heading: 2 where the decoder sits right under the page title. */
  headingLevel?: 2 | 3;
}

type Out =
  | { state: 'empty' }
  | { state: 'status'; status: string; slug: string }
  | { state: 'invalid'; text: string }
  | { state: 'ok'; result: DecodeResult; loadingTable: boolean }
  | { state: 'many'; rows: { token: string; result: DecodeResult | null }[]; loadingTable: boolean };

/** Several codes copied together ("0x80070005 -2147024891 12029"): one row each. */
const MAX_CODES = 12;
function tokensOf(t: string): string[] {
  return t.split(/[\s,;]+/).filter(Boolean).slice(0, MAX_CODES);
}

let table: CodeTable | undefined;

export default function Decoder({ initial = '', useHash = false, pageSlugs, idPrefix = 'decoder', headingLevel = 3 }: Props) {
  // A code typed before the island woke up is kept (read before hydration can reset the field).
  const [text, setText] = useState(() => earlyValue(`${idPrefix}-input`, initial));
  const [out, setOut] = useState<Out>({ state: 'empty' });
  const pages = new Set(pageSlugs);

  useEffect(() => {
    if (!useHash) return;
    const fromHash = () => {
      let h = '';
      try {
        h = decodeURIComponent(location.hash.replace(/^#/, ''));
      } catch {
        h = '';
      }
      if (h) setText(h);
    };
    // What the reader typed while the page loaded wins over the code in the address.
    if (text === initial) fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, []);

  useEffect(() => {
    let live = true;
    const t = text.trim().slice(0, 400);
    if (!t) {
      if (useHash && location.hash) history.replaceState(null, '', location.pathname);
      return setOut({ state: 'empty' });
    }
    const tokens = tokensOf(t);
    if (tokens.length > 1 && parseCode(t, (n) => resolveCuratedName(n) ?? table?.valueOf(n)) === null) {
      const decodeAll = (tb: CodeTable | undefined) =>
        tokens.map((token) => {
          const v = parseCode(token, (n) => resolveCuratedName(n) ?? tb?.valueOf(n));
          return { token, result: v === null ? null : decode(v, tb ? [curatedNames, tb] : [curatedNames], token) };
        });
      const rows = decodeAll(table);
      const needTable = !table && rows.some((r) => !r.result || !curatedFor(r.result.unsigned));
      if (rows.some((r) => r.result)) {
        setOut({ state: 'many', rows, loadingTable: needTable });
        if (useHash) history.replaceState(null, '', `#${encodeURIComponent(t)}`);
      } else if (!needTable) setOut({ state: 'invalid', text: t.slice(0, 100) });
      if (needTable) {
        loadTable().then((tb) => {
          table = tb;
          if (!live) return;
          const again = decodeAll(tb);
          setOut(again.some((r) => r.result) ? { state: 'many', rows: again, loadingTable: false } : { state: 'invalid', text: t.slice(0, 100) });
        }, () => live && setOut((o) => (o.state === 'many' ? { ...o, loadingTable: false } : { state: 'invalid', text: t.slice(0, 100) })));
      }
      return () => {
        live = false;
      };
    }
    const status = parseStatus(t.replace(/^http\s+(error\s+)?/i, ''));
    if (status) {
      const s = status.sub === undefined ? `${status.status}` : `${status.status}.${status.sub}`;
      return setOut({ state: 'status', status: s, slug: s.replace('.', '-') });
    }
    const resolve = (n: string) => resolveCuratedName(n) ?? table?.valueOf(n);
    const value = parseCode(t, resolve);
    const needTable = !table && (value === null ? /^[A-Za-z_]/.test(t) : !curatedFor(value));
    if (value !== null) setOut({ state: 'ok', result: decode(value, table ? [curatedNames, table] : [curatedNames], t), loadingTable: needTable });
    else if (!needTable) setOut({ state: 'invalid', text: t });
    if (needTable) {
      loadTable().then((tb) => {
        table = tb;
        if (!live) return;
        const v = parseCode(t, (n) => resolveCuratedName(n) ?? tb.valueOf(n));
        setOut(v === null ? { state: 'invalid', text: t } : { state: 'ok', result: decode(v, [curatedNames, tb], t), loadingTable: false });
      }, () => live && setOut((o) => (o.state === 'ok' ? { ...o, loadingTable: false } : { state: 'invalid', text: t })));
    }
    // The address shows what is on screen: the code decoded, or nothing.
    if (useHash) history.replaceState(null, '', value !== null ? `#${encodeURIComponent(t)}` : location.pathname);
    return () => {
      live = false;
    };
  }, [text]);

  const id = (s: string) => `${idPrefix}-${s}`;
  return (
    <div class="decoder">
      <label for={id('input')} class="decoder__label">Decode an error code</label>
      <input
        id={id('input')}
        class="decoder__input"
        type="text"
        inputMode="text"
        autocomplete="off"
        spellcheck={false}
        placeholder="0x80072EE2, 2147954402, -2147012894, 12002, ERROR_WINHTTP_TIMEOUT"
        aria-describedby={id('help')}
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <p id={id('help')} class="decoder__help">Hex with or without 0x, unsigned or signed decimal, a Win32 number or a symbolic name.</p>
      <section class="decoder__out" aria-label="Decoded code" aria-live="polite">
        {out.state === 'status' && (
          <p>
            <strong>{out.status}</strong> is an HTTP status, not an error code.{' '}
            {pages.has(out.slug) ? <a href={`/codes/${out.slug}/`}>Read about HTTP {out.status}</a> : 'This guide has no page for it.'}
          </p>
        )}
        {out.state === 'invalid' && <p>“{out.text}” is not a code this decoder can read. Try the hex form (0x…) or the decimal number from the log.</p>}
        {out.state === 'ok' && <Result result={out.result} pages={pages} loadingTable={out.loadingTable} H={headingLevel === 2 ? 'h2' : 'h3'} />}
        {out.state === 'many' && <Many rows={out.rows} pages={pages} loadingTable={out.loadingTable} />}
      </section>
    </div>
  );
}

function Result({ result, pages, loadingTable, H }: { result: DecodeResult; pages: Set<string>; loadingTable: boolean; H: 'h2' | 'h3' }) {
  const curated = curatedFor(result.unsigned);
  const f = result.forms;
  return (
    <div class="decoder__result">
      {curated && pages.has(result.slug) && (
        <p class="decoder__curated">
          <a href={`/codes/${result.slug}/`}><strong>{curated.hex} {curated.name}</strong></a>: {curated.meaning}
        </p>
      )}
      <dl class="decoder__forms">
        <dt>Hex</dt><dd><code>{f.hex}</code></dd>
        <dt>Unsigned</dt><dd><code>{f.unsigned}</code></dd>
        <dt>Signed</dt><dd><code>{f.signed}</code></dd>
        {f.win32 !== undefined && <><dt>Win32</dt><dd><code>{f.win32}</code> (<code>{f.win32Hex}</code>)</dd></>}
      </dl>
      <H class="decoder__h">Readings, most likely first</H>
      <ol class="decoder__readings">
        {result.interpretations.map((it) => (
          <li>
            {it.label}
            {it.names.length > 0 && <>: {it.names.map((n, i) => <>{i > 0 && ', '}<code>{n}</code></>)}</>}
          </li>
        ))}
      </ol>
      {loadingTable && <p class="decoder__help">Looking the number up in the full table of Windows codes…</p>}
      {!curated && !loadingTable && <p class="decoder__help">This guide has no page for this code; the readings above come from the Windows SDK headers.</p>}
    </div>
  );
}

function Many({ rows, pages, loadingTable }: { rows: { token: string; result: DecodeResult | null }[]; pages: Set<string>; loadingTable: boolean }) {
  return (
    <div class="decoder__result">
      <p class="decoder__help">{rows.length} codes, one per line. Type one alone to see all its readings.</p>
      <ol class="decoder__many">
        {rows.map(({ token, result }) => {
          const curated = result ? curatedFor(result.unsigned) : undefined;
          const name = result?.interpretations[0]?.names[0];
          return (
            <li>
              <code>{token}</code>
              {result ? (
                <>
                  {' '}= <code>{result.forms.hex}</code>:{' '}
                  {curated && pages.has(result.slug) ? (
                    <a href={`/codes/${result.slug}/`}>{curated.name}</a>
                  ) : name ? (
                    <code>{name}</code>
                  ) : loadingTable ? (
                    'looking it up…'
                  ) : (
                    'no known name'
                  )}
                  {curated && <>{'. '}{curated.meaning}</>}
                </>
              ) : (
                ': not a code'
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
