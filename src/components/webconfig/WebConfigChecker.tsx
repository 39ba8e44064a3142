/** @jsxImportSource preact */
/**
 * web.config checker: paste a web.config or its <aspNetCore> element and see the settings in
 * effect, the hosting model and module, and what is wrong, each problem linked to its cause.
 * Checked in this tab as you type (debounced); nothing is sent anywhere.
 *
 * To embed it: `<WebConfigChecker client:visible initial={...} idPrefix="..." headingLevel={3} />` and
 * import `./webconfig.css` in the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigProblem, SettingRow, WebConfigCheck } from '../../lib/webconfig-check/problems.ts';
import { checkWebConfig } from '../../lib/webconfig-check/problems.ts';
import { earlyValue } from '../shared/early-value.ts';
import { settingFixes, type SettingFix } from '../../lib/report/webconfig-fix.ts';

interface Props {
  /** Pre-filled text. */
  initial?: string;
  idPrefix?: string;
  /** Level of the result headings. */
  headingLevel?: 2 | 3;
}

const DEBOUNCE_MS = 250;
/** A web.config is a few KB; beyond this only the start is checked. */
const MAX_CHARS = 1_000_000;

const EXAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <system.webServer>
    <handlers>
      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
    </handlers>
    <aspNetCore processPath="dotnet"
                arguments=".\\Contoso.Api.dll"
                stdoutLogEnabled="true"
                stdoutLogFile=".\\logs\\stdout"
                hostingModel="inprocess"
                requestTimeout="00:10:00" />
  </system.webServer>
</configuration>
`;

const SEVERITY_LABEL: Record<ConfigProblem['severity'], string> = { error: 'Error', warning: 'Warning', note: 'Note' };
const STATE_LABEL: Record<SettingRow['state'], string> = {
  set: 'Written',
  default: 'Default',
  invalid: 'Written, rejected',
  ignored: 'Written, not used',
};
const APPLIES_LABEL: Record<SettingRow['appliesTo'], string> = {
  both: 'Both models',
  'out-of-process': 'Out of process only',
  'in-process': 'In process only',
};

type Out = { state: 'empty' } | { state: 'done'; check: WebConfigCheck; cut: boolean };

function hostingText(c: WebConfigCheck): string {
  const m = c.hostingModel;
  if (m.value === 'invalid') return `Not valid: hostingModel="${m.written ?? ''}" (the app does not start)`;
  if (m.source === 'v1-module') return `Out of process: the V1 module ignores hostingModel="${m.written ?? ''}"`;
  const name = m.value === 'in-process' ? 'In process' : 'Out of process';
  return m.source === 'default' ? `${name} (the default: no hostingModel attribute)` : `${name} (hostingModel="${m.written ?? ''}")`;
}

function moduleText(c: WebConfigCheck): string {
  if (!c.module.name) return 'Not in this text (it may come from a parent configuration)';
  if (c.module.version === 'V1') return `${c.module.name} (V1: out of process only)`;
  if (c.module.version === 'V2') return `${c.module.name} (V2: in process or out of process)`;
  return c.module.name;
}

export default function WebConfigChecker({ initial = '', idPrefix = 'webconfig', headingLevel = 2 }: Props) {
  // Text pasted before the island woke up is kept (read before hydration can reset the field).
  const [text, setText] = useState(() => earlyValue(`${idPrefix}-input`, initial));
  const [out, setOut] = useState<Out>({ state: 'empty' });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const box = useRef<HTMLTextAreaElement>(null);
  const id = (s: string) => `${idPrefix}-${s}`;
  const H = `h${headingLevel}` as 'h2' | 'h3';

  useEffect(() => {
    clearTimeout(timer.current);
    if (!text.trim()) {
      setOut({ state: 'empty' });
      return;
    }
    timer.current = setTimeout(() => {
      const cut = text.length > MAX_CHARS;
      setOut({ state: 'done', check: checkWebConfig(cut ? text.slice(0, MAX_CHARS) : text), cut });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [text]);

  const check = out.state === 'done' ? out.check : undefined;
  const counts = check ? (['error', 'warning', 'note'] as const).map((s) => [s, check.problems.filter((p) => p.severity === s).length] as const) : [];
  const announcement = !check
    ? ''
    : !check.found
      ? 'No aspNetCore element found.'
      : check.problems.length === 0
        ? 'No problems found.'
        : counts
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`)
            .join(', ') + '.';

  return (
    <div class="wc-checker">
      <label for={id('input')} class="wc-checker__label">
        Paste a web.config, or just its <code>&lt;aspNetCore&gt;</code> element
      </label>
      <p id={id('hint')} class="wc-checker__hint">
        It is checked in this tab as you type; nothing is sent anywhere.
      </p>
      <textarea
        ref={box}
        id={id('input')}
        class="wc-checker__input"
        aria-describedby={id('hint')}
        spellcheck={false}
        autocomplete="off"
        rows={12}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <div class="wc-checker__actions">
        <button type="button" class="button" onClick={() => setText(EXAMPLE)}>
          Try an example
        </button>
        <button type="button" class="button" onClick={() => setText('')} disabled={!text}>
          Clear
        </button>
      </div>
      <p class="visually-hidden" aria-live="polite">{announcement}</p>
      <section class="wc-checker__results" aria-label="Check results">
        {!check && <p class="wc-checker__placeholder">The settings and any problems appear here.</p>}
        {check && out.state === 'done' && out.cut && <p class="wc-checker__note">Only the first million characters were checked.</p>}
        {check && <Results check={check} H={H} id={id} fixes={settingFixes(text, check.settings)} />}
      </section>
    </div>
  );
}

function XmlStatus({ check }: { check: WebConfigCheck }) {
  const e = check.xmlError;
  if (!e) return <p class="wc-checker__ok">The XML is well-formed.</p>;
  return (
    <div class="wc-checker__xml-error">
      <p>
        <strong>The XML is not well-formed:</strong> {e.message}
        {e.line !== undefined && (
          <>
            {' '}
            (line {e.line}, column {e.column ?? 1})
          </>
        )}
      </p>
      {e.text !== undefined && (
        <pre class="wc-checker__line" tabIndex={0} aria-label="The line that is not well-formed">
          <code>{e.text}</code>
        </pre>
      )}
    </div>
  );
}

function Results({ check, H, id, fixes }: { check: WebConfigCheck; H: 'h2' | 'h3'; id: (s: string) => string; fixes: SettingFix[] }) {
  if (!check.found) {
    return (
      <>
        <p>
          No <code>&lt;aspNetCore&gt;</code> element in this text. Paste the web.config from the app's folder (the one next to the app's
          .dll), or the element itself.
        </p>
        {check.xmlError && <XmlStatus check={check} />}
        {check.problems.length > 0 && <Problems problems={check.problems} />}
      </>
    );
  }
  return (
    <>
      <XmlStatus check={check} />
      <dl class="wc-checker__summary">
        <dt>Hosting model</dt>
        <dd>{hostingText(check)}</dd>
        <dt>Handler module</dt>
        <dd>{moduleText(check)}</dd>
      </dl>
      <H id={id('problems')}>{check.problems.length === 0 ? 'No problems found' : `Problems (${check.problems.length})`}</H>
      {check.problems.length > 0 && <Problems problems={check.problems} />}
      {fixes.length > 0 && <Fixes fixes={fixes} />}
      {check.notes.length > 0 && (
        <ul class="wc-checker__notes" aria-label="Notes">
          {check.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      )}
      <H id={id('settings')}>Settings in effect</H>
      <div class="wc-checker__scroll" tabIndex={0} role="region" aria-labelledby={id('settings')}>
        <table class="wc-checker__table">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">In effect</th>
              <th scope="col">Source</th>
              <th scope="col">Default</th>
              <th scope="col">Applies to</th>
            </tr>
          </thead>
          <tbody>
            {check.settings.map((r) => (
              <tr class={`wc-row wc-row--${r.state}`}>
                <th scope="row">
                  <code>{r.name}</code>
                </th>
                <td data-label="In effect">
                  {r.state === 'default' || r.state === 'set' ? (
                    <code>{r.effective}</code>
                  ) : (
                    <>
                      <code>{r.written ?? ''}</code> {r.effective}
                    </>
                  )}
                </td>
                <td data-label="Source">{STATE_LABEL[r.state]}</td>
                <td data-label="Default">
                  <code>{r.defaultValue}</code>
                </td>
                <td data-label="Applies to">{APPLIES_LABEL[r.appliesTo]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {check.environmentVariables.length > 0 && (
        <NameValues title="Environment variables" items={check.environmentVariables} H={H} hid={id('env')} />
      )}
      {check.handlerSettings.length > 0 && <NameValues title="Handler settings" items={check.handlerSettings} H={H} hid={id('handler-settings')} />}
    </>
  );
}

function Problems({ problems }: { problems: ConfigProblem[] }) {
  return (
    <ul class="wc-checker__problems">
      {problems.map((p) => (
        <li class={`wc-problem wc-problem--${p.severity}`}>
          <p class="wc-problem__title">
            <span class="wc-problem__severity">{SEVERITY_LABEL[p.severity]}:</span> {p.title}
          </p>
          <p class="wc-problem__detail">{p.detail}</p>
          {p.explanation && <p class="wc-problem__explanation">{p.explanation}</p>}
          <p class="wc-problem__cause">
            Cause: <a href={p.article}>{p.causeTitle}</a>
          </p>
        </li>
      ))}
    </ul>
  );
}

function NameValues({ title, items, H, hid }: { title: string; items: { name: string; value: string }[]; H: 'h2' | 'h3'; hid: string }) {
  return (
    <>
      <H id={hid}>{title}</H>
      <div class="wc-checker__scroll" tabIndex={0} role="region" aria-labelledby={hid}>
        <table class="wc-checker__table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr>
                <th scope="row">
                  <code>{i.name}</code>
                </th>
                <td data-label="Value">
                  <code>{i.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Fixes({ fixes }: { fixes: SettingFix[] }) {
  return (
    <div class="wc-checker__fixes">
      <p class="wc-problem__title">Corrected {fixes.length === 1 ? 'line' : 'lines'}</p>
      {fixes.map((f) => (
        <div class="wc-fix">
          <p class="wc-checker__note">
            Line {f.line}: <code>{f.name}</code> becomes <code>{f.value}</code>
          </p>
          <pre class="wc-checker__line" tabIndex={0} aria-label={`Line ${f.line}, before and after`}><code>{`- ${f.before}\n+ ${f.after}`}</code></pre>
        </div>
      ))}
    </div>
  );
}
