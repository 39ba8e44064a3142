/** @jsxImportSource preact */
/**
 * What leaves the page: the Redact switch (on by default), the list of what it replaces, "Copy as
 * Markdown" and "Copy share link". The work (redaction, Markdown, packing the link) happens in the
 * worker; this only asks for the text and puts it on the clipboard.
 */
import type { Redaction } from '../../lib/redact/redact.ts';

interface Props {
  idPrefix: string;
  ready: boolean;
  redactOn: boolean;
  onRedact: (on: boolean) => void;
  redactions: Redaction[];
  copied: string;
  onCopied: (message: string) => void;
  request: (type: 'markdown' | 'share') => Promise<string>;
}

const WHAT: Record<Redaction['kind'], string> = {
  ipv4: 'IP address', ipv6: 'IP address', host: 'host name', machine: 'machine name', user: 'user name', domain: 'domain', pool: 'app pool', email: 'e-mail address', cookie: 'cookie', token: 'token', secret: 'secret',
};

export function ShareActions({ idPrefix, ready, redactOn, onRedact, redactions, copied, onCopied, request }: Props) {
  async function copy(type: 'markdown' | 'share') {
    try {
      const text = await request(type);
      await navigator.clipboard.writeText(text);
      const what = type === 'markdown' ? 'Diagnosis copied as Markdown' : 'Share link copied (the paste travels in the part after #, which no server receives)';
      onCopied(`${what}${redactOn ? ', redacted' : ', not redacted'}.`);
    } catch (err) {
      const message = err instanceof Error ? err.message : '';
      onCopied(message.startsWith('This paste is') ? message : 'Copying was blocked by the browser. Select the results and copy them by hand.');
    }
  }
  const shown = redactions.slice(0, 50);
  return (
    <div class="paste-diagnose__share">
      <div class="paste-diagnose__actions">
        <label class="paste-diagnose__switch">
          <input type="checkbox" role="switch" checked={redactOn} aria-describedby={`${idPrefix}-redact-hint`} onChange={(e) => onRedact((e.target as HTMLInputElement).checked)} />
          Redact
        </label>
        <button type="button" class="button" onClick={() => void copy('markdown')} disabled={!ready}>
          Copy as Markdown
        </button>
        <button type="button" class="button" onClick={() => void copy('share')} disabled={!ready}>
          Copy share link
        </button>
        <span class="paste-diagnose__copied" role="status">{copied}</span>
      </div>
      <p id={`${idPrefix}-redact-hint`} class="paste-diagnose__hint">
        {redactOn
          ? 'What you copy has addresses, host, machine and user names, cookies, tokens and secrets replaced by placeholders.'
          : 'Redact is off: what you copy holds your paste exactly as it is.'}
      </p>
      {ready && redactOn && (redactions.length > 0 ? (
        <details class="paste-diagnose__redactions" open>
          <summary>Replaced in what you copy ({redactions.length})</summary>
          <ul>
            {shown.map((r) => (
              <li><span class="paste-diagnose__what">{WHAT[r.kind]}</span> <code>{r.original.length > 80 ? `${r.original.slice(0, 77)}…` : r.original}</code> → <code>{r.placeholder}</code>{r.count > 1 ? ` (${r.count} times)` : ''}</li>
            ))}
            {redactions.length > shown.length && <li>and {redactions.length - shown.length} more</li>}
          </ul>
        </details>
      ) : (
        <p class="paste-diagnose__hint">Nothing in this paste needed redacting.</p>
      ))}
    </div>
  );
}
