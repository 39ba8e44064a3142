/** @jsxImportSource preact */
/** One trace's card in the FREB reader: request, failing event, decoded codes, likely causes. */
import type { ComponentChildren } from 'preact';
import type { DecodedCodeView, FrebFileReport, FrebRequestView } from '../../lib/report/freb-file.ts';

interface Props {
  report: FrebFileReport;
  /** Code page slugs that exist ("502-3", "0x80072ee2"). */
  pages: ReadonlySet<string>;
  /** Level of the card's own heading; its sections get the next one. */
  headingLevel: 2 | 3;
  headingId: string;
}

const HOSTING: Record<string, string> = { 'in-process': 'In process', 'out-of-process': 'Out of process' };

function ms(value: number): string {
  const text = `${value.toLocaleString('en-US')} ms`;
  return value >= 1000 ? `${text} (${(value / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s)` : text;
}

function StatusLink({ status, pages }: { status: string; pages: ReadonlySet<string> }) {
  const slug = status.replace('.', '-');
  return pages.has(slug) ? <a href={`/codes/${slug}/`}>{status}</a> : <>{status}</>;
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Codes({ codes, pages, caption }: { codes: DecodedCodeView[]; pages: ReadonlySet<string>; caption: string }) {
  return (
    <div class="freb-card__scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="freb-card__codes">
        <thead>
          <tr>
            <th scope="col">Hex</th>
            <th scope="col">Decimal</th>
            <th scope="col">Names</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr>
              <td>
                {pages.has(c.slug) ? (
                  <a href={`/codes/${c.slug}/`}>
                    <code>{c.hex}</code>
                  </a>
                ) : (
                  <code>{c.hex}</code>
                )}
              </td>
              <td>
                {c.unsigned}
                {c.signed !== c.unsigned && <> / {c.signed}</>}
                {c.win32 !== undefined && <> (Win32 {c.win32})</>}
              </td>
              <td class="freb-card__names">{c.names.length ? c.names.join(', ') : 'No known name'}</td>
              <td>
                {c.meaning ?? (pages.has(c.slug) ? '' : 'This guide has no page for this code.')}
                <span class="freb-card__source"> From {c.source}.</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Request({ req, pages, Sub, index, count }: { req: FrebRequestView; pages: ReadonlySet<string>; Sub: 'h3' | 'h4'; index: number; count: number }) {
  const f = req.failure;
  const prefix = count > 1 ? `Request ${index + 1}: ` : '';
  return (
    <div class="freb-card__request">
      {count > 1 && <Sub>Request {index + 1}</Sub>}
      <dl class="freb-card__facts">
        {req.url !== undefined && <Row label="URL"><code class="freb-card__url">{req.url}</code></Row>}
        {req.verb !== undefined && <Row label="Verb">{req.verb}</Row>}
        {req.status !== undefined && (
          <Row label="Status">
            <StatusLink status={req.status} pages={pages} />
            {req.triggerStatus !== undefined && req.triggerStatus !== req.status && <> (traced for {req.triggerStatus})</>}
          </Row>
        )}
        {req.timeTakenMs !== undefined && <Row label="Time taken">{ms(req.timeTakenMs)}</Row>}
        {req.failureReason !== undefined && <Row label="Kept because">{req.failureReason}</Row>}
        {req.appPoolId !== undefined && <Row label="App pool">{req.appPoolId}</Row>}
        {req.siteId !== undefined && <Row label="Site ID">{req.siteId}</Row>}
        {req.hostingModel !== undefined && <Row label="Hosting model">{HOSTING[req.hostingModel]}</Row>}
        <Row label="Events read">{req.events}</Row>
      </dl>
      <Sub>{prefix}Where it failed</Sub>
      {f ? (
        <dl class="freb-card__facts freb-card__failure">
          <Row label="Event">{f.event}</Row>
          {f.module !== undefined && <Row label="Module">{f.module}</Row>}
          {f.notification !== undefined && <Row label="Notification">{f.notification}</Row>}
          {f.status !== undefined && (
            <Row label="Status set">
              <StatusLink status={f.status} pages={pages} />
              {f.reason !== undefined && <> {f.reason}</>}
            </Row>
          )}
          {(f.errorCode !== undefined || f.errorText !== undefined) && (
            <Row label="Error code">
              {f.errorCode !== undefined && <code>{f.errorCode}</code>}
              {f.errorText !== undefined && f.errorText !== f.errorCode && <> {f.errorText}</>}
            </Row>
          )}
          {f.configException !== undefined && <Row label="Configuration error"><span class="freb-card__config">{f.configException}</span></Row>}
          {f.time !== undefined && <Row label="At">{f.time}</Row>}
        </dl>
      ) : (
        <p>No event in this trace set an error status.</p>
      )}
      {req.decoded.length > 0 && (
        <>
          <Sub>{prefix}Error codes</Sub>
          <Codes codes={req.decoded} pages={pages} caption={`${prefix}Error codes`} />
        </>
      )}
    </div>
  );
}

export function FrebReport({ report, pages, headingLevel, headingId }: Props) {
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const findings = report.diagnosis?.findings ?? [];
  return (
    <>
      {report.message && (
        <p class="freb-card__message">
          {report.message}{' '}
          {report.kind === 'not-freb' && <a href="/diagnose/">Open the diagnosis page</a>}
        </p>
      )}
      {report.notes.map((n) => (
        <p class="freb-card__note">{n}</p>
      ))}
      {report.requests.map((req, i) => (
        <Request req={req} pages={pages} Sub={Sub} index={i} count={report.requests.length} />
      ))}
      {report.diagnosis && (
        <>
          <Sub id={`${headingId}-causes`}>Likely causes</Sub>
          {findings.length > 0 ? (
            <ol class="freb-card__findings" aria-labelledby={`${headingId}-causes`}>
              {findings.map((f) => (
                <li>
                  <a href={f.article}>{f.title}</a> <span class="freb-card__percent">{f.word}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p>The trace does not point at a cause this guide knows. Check the status and error code above.</p>
          )}
        </>
      )}
    </>
  );
}
