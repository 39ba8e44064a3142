import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals } from '../../signals/error-page.ts';
import { recogniser } from './recogniser.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../tests/fixtures/error-page/${name}`, import.meta.url), 'utf8');

const run = (text: string): Fact[] => recogniser.recognise(text, indexLines(text));
const values = (facts: Fact[], name: string): (string | number)[] =>
  facts.filter((f) => f.name === name).map((f) => f.value);
const sliced = (text: string, facts: Fact[], name: string): string[] =>
  facts.filter((f) => f.name === name).map((f) => text.slice(f.span.start, f.span.end));

describe('error-page recogniser: ANCM pages', () => {
  it('reads the current 500.30 page once although the title appears twice', () => {
    const text = fixture('ancm-500-30-new.html');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['500.30']);
    expect(sliced(text, facts, 'status')).toEqual(['HTTP Error 500.30 - ASP.NET Core app failed to start ']);
    expect(values(facts, 'signal')).toEqual(['error-page.ancm-500-30']);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
    expect(values(facts, 'server')).toEqual(['iis']);
    // The whole HTML document is placed.
    expect(values(facts, 'placed')).toHaveLength(text.trimEnd().split('\n').length);
  });

  it('reads old-generation titles and the V1 502.5 page in one paste', () => {
    const text = fixture('ancm-old-titles.txt');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['500.0', '502.5']);
    expect(values(facts, 'signal')).toEqual(['error-page.ancm-500-0-inprocess', 'error-page.ancm-502-5']);
    expect(values(facts, 'hosting-model')).toEqual(['in-process', 'out-of-process']);
    // Page texts are placed, the prose around them is not.
    const placed = sliced(text, facts, 'placed');
    expect(placed).toContain('Check the system event log for error messages');
    expect(placed).toContain('The application process started but failed to listen on the configured port');
    expect(placed.some((p) => p.startsWith('After publishing'))).toBe(false);
  });

  it('reads several new-generation titles quoted on one line each', () => {
    const facts = run(fixture('new-titles-mixed.txt'));
    expect(values(facts, 'status')).toEqual(['500.31', '500.32', '500.37', '500.38']);
    expect(values(facts, 'signal')).toEqual([
      'error-page.ancm-500-31',
      'error-page.ancm-500-32',
      'error-page.ancm-500-37',
      'error-page.ancm-500-38',
    ]);
  });

  it('tells the 500.0 variants and the shadow-copy 500.30 apart by their words', () => {
    const sig = (t: string) => values(run(t), 'signal');
    expect(sig('HTTP Error 500.0 - ASP.NET Core IIS hosting failure (out-of-process)')).toEqual([
      'error-page.ancm-500-0-outofprocess',
    ]);
    expect(sig('HTTP Error 500.0 - ANCM Out-Of-Process Handler Load Failure')).toEqual(['error-page.ancm-500-0-outofprocess']);
    expect(sig('HTTP Error 500.0 - ASP.NET Core IIS hosting failure (in-process)')).toEqual(['error-page.ancm-500-0-inprocess']);
    expect(sig('HTTP Error 500.0 - Internal Server Error')).toEqual([]);
    expect(sig('HTTP Error 500.30 - ASP.NET Core app failed to start - Failed to copy to shadow copy directory')).toEqual([
      'error-page.ancm-500-30-shadow-copy',
    ]);
    expect(sig('HTTP Error 500.34 - ANCM Mixed Hosting Models Not Supported')).toEqual(['error-page.ancm-500-34']);
    expect(sig('HTTP Error 500.35 - ANCM Multiple In-Process Applications in same Process')).toEqual([
      'error-page.ancm-500-35',
    ]);
    expect(sig('HTTP Error 500.36 - ANCM Out-Of-Process Handler Load Failure')).toEqual(['error-page.ancm-500-36']);
    expect(sig('HTTP Error 500.33 - ANCM Request Handler Load Failure')).toEqual(['error-page.ancm-500-33']);
    expect(sig('<title> IIS 502.5 Error </title>')).toEqual(['error-page.ancm-502-5']);
    // disableStartUpErrorPage: IIS's own page still carries the ANCM sub-status.
    expect(sig('HTTP Error 500.37 - Internal Server Error')).toEqual(['error-page.ancm-500-37']);
  });
});

describe('error-page recogniser: IIS detailed error pages', () => {
  it('reads a 500.19 HTML page: status, Error Code, URL, physical path', () => {
    const text = fixture('iis-500-19.html');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['500.19']);
    expect(values(facts, 'code')).toEqual([0x8007000d]);
    expect(sliced(text, facts, 'code')[0]).toMatch(/^Error Code<\/th><td>(&nbsp;){3}0x8007000d$/);
    expect(values(facts, 'signal')).toEqual(['error-page.iis-500-19-invalid-data']);
    expect(values(facts, 'url')).toEqual(['http://localhost:80/shop/']);
    expect(values(facts, 'setting')).toEqual(['physicalPath=C:\\inetpub\\wwwroot\\shop\\']);
  });

  it('reads a copied 500.19 page with the Config Error text', () => {
    const text = fixture('iis-500-19-text.txt');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['500.19']);
    expect(values(facts, 'code')).toEqual([0x8007000d]);
    expect(values(facts, 'signal')).toEqual(['error-page.config-section-undeclared', 'error-page.iis-500-19-invalid-data']);
    expect(values(facts, 'url')).toEqual(['http://localhost:8080/']);
    expect(sliced(text, facts, 'signal')[0]).toBe('missing a section declaration');
  });

  it('reads a 502.3 page: the WinHTTP text and code, the ANCM module, the decoded URL', () => {
    const text = fixture('iis-502-3.html');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['502.3']);
    expect(values(facts, 'code')).toEqual([0x80072ee2]);
    expect(values(facts, 'signal')).toEqual(['error-page.iis-502-3-timeout']);
    expect(values(facts, 'url')).toEqual(['http://reports.contoso.local:80/api/export?year=2024&format=csv']);
    expect(values(facts, 'setting')).toContain('module=AspNetCoreModuleV2');
    expect(values(facts, 'hosting-model')).toEqual(['out-of-process']);
  });

  it('maps the other WinHTTP texts of 502.3 pages', () => {
    const sig = (line: string) => values(run(`HTTP Error 502.3 - Bad Gateway\n${line}`), 'signal');
    expect(sig('A connection with the server could not be established')).toEqual(['error-page.iis-502-3-cannot-connect']);
    expect(sig('The connection with the server was terminated abnormally')).toEqual([
      'error-page.iis-502-3-connection-error',
    ]);
    expect(sig('The server returned an invalid or unrecognized response')).toEqual(['error-page.iis-502-3-invalid-response']);
    expect(sig('The parameter is incorrect.')).toEqual(['error-page.iis-502-3-invalid-parameter']);
    // The same words away from a 502.3 page mean nothing here.
    expect(values(run('HTTP Error 500.30 - ASP.NET Core app failed to start\nThe operation timed out'), 'signal')).toEqual([
      'error-page.ancm-500-30',
    ]);
  });

  it('reads 500.19 configuration errors and 500.21', () => {
    const sig = (t: string) => values(run(t), 'signal');
    expect(
      sig(
        "HTTP Error 500.19 - Internal Server Error\nError Code 0x800700b7\nConfig Error Cannot add duplicate collection entry of type 'add' with unique key attribute 'name' set to 'aspNetCore'",
      ),
    ).toEqual(['error-page.config-duplicate-entry']);
    expect(sig('HTTP Error 500.19 - Internal Server Error\nError Code: 0x80070005\nConfig Error: Cannot read configuration file due to insufficient permissions')).toEqual([
      'error-page.config-access-denied',
    ]);
    expect(sig('HTTP Error 500.19 - Internal Server Error\nConfig Error\tConfiguration file is not well-formed XML')).toEqual([
      'error-page.config-malformed',
    ]);
    expect(sig('HTTP Error 500.21 - Internal Server Error\nHandler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list')).toEqual([
      'error-page.bad-module',
    ]);
    expect(
      sig('HTTP Error 500.19 - Internal Server Error\n<td>Handler &quot;aspNetCore&quot; has a bad module &quot;AspNetCoreModuleV2&quot; in its module list</td>'),
    ).toEqual(['error-page.bad-module']);
  });
});

describe('error-page recogniser: 503, offline, front end, gateway', () => {
  it('reads the HTTP.sys 503 page', () => {
    const facts = run(fixture('httpsys-503.html'));
    expect(values(facts, 'status')).toEqual(['503']);
    expect(values(facts, 'signal')).toEqual(['error-page.service-unavailable']);
    expect(values(facts, 'placed')).toHaveLength(6);
  });

  it('reads the bad module and the locked section in the words of a localized IIS', () => {
    expect(values(run('HTTP 错误 500.21 - Internal Server Error\n处理程序“aspNetCore”在其模块列表中有一个错误模块“AspNetCoreModuleV2”'), 'signal')).toEqual([
      'error-page.bad-module',
    ]);
    for (const page of [
      'HTTP-Fehler 500.19 - Internal Server Error\nKonfigurationsfehler\n   Dieser Konfigurationsabschnitt kann in diesem Pfad nicht verwendet werden.',
      'HTTP 错误 500.19 - Internal Server Error\n配置错误\t   不能在此路径中使用此配置节。如果在父级别上锁定了该节，便会出现这种情况。',
    ]) {
      expect(values(run(page), 'signal'), page).toEqual(['error-page.config-locked']);
      expect(values(run(page), 'status'), page).toEqual(['500.19']);
    }
  });

  it('reads the HTTP.sys 503 text in a localized Windows', () => {
    for (const text of ['HTTP-Fehler 503. Der Dienst ist nicht verfügbar.', 'Error HTTP 503. El servicio no está disponible', 'HTTP 오류 503. 서비스를 사용할 수 없음']) {
      const facts = run(text);
      expect(values(facts, 'status'), text).toEqual(['503']);
      expect(values(facts, 'signal'), text).toEqual(['error-page.service-unavailable']);
    }
  });

  it('recognises an offline page served with 503', () => {
    const facts = run(fixture('app-offline.txt'));
    expect(values(facts, 'signal')).toEqual(['error-page.app-offline']);
    expect(values(facts, 'status')).toEqual([]);
  });

  it('recognises the App Service front-end timeout page', () => {
    const facts = run(fixture('azure-timeout.txt'));
    expect(values(facts, 'signal')).toEqual(['error-page.azure-frontend-timeout']);
    expect(values(facts, 'server')).toEqual(['azure-app-service']);
  });

  it('recognises the IIS/ARR 502 gateway page', () => {
    const facts = run(
      '502 - Web server received an invalid response while acting as a gateway or proxy server.\nThere is a problem with the page you are looking for, and it cannot be displayed.',
    );
    expect(values(facts, 'status')).toEqual(['502']);
    expect(values(facts, 'signal')).toEqual(['error-page.gateway-invalid-response']);
    expect(values(facts, 'placed')).toHaveLength(2);
  });

  it('leaves other servers\' pages and stray field names alone (near miss)', () => {
    expect(run(fixture('not-error-page.txt'))).toEqual([]);
  });
});

describe('error-page recogniser: robustness', () => {
  it('emits only registered signals', () => {
    const ids = new Set(signals.map((s) => s.id));
    const files = [
      'ancm-500-30-new.html',
      'ancm-old-titles.txt',
      'new-titles-mixed.txt',
      'iis-500-19.html',
      'iis-500-19-text.txt',
      'iis-502-3.html',
      'httpsys-503.html',
      'app-offline.txt',
      'azure-timeout.txt',
    ];
    for (const f of files) for (const s of values(run(fixture(f)), 'signal')) expect(ids.has(s as string), String(s)).toBe(true);
  });
});

describe('error-page recogniser: one page, several anchors', () => {
  it('reads titles as localized IIS writes them, and with a typographic dash', () => {
    for (const [title, status, signal] of [
      ['HTTP-Fehler 500.19 - Internal Server Error', '500.19', undefined],
      ['Error HTTP 502.5 - Process Failure', '502.5', 'error-page.ancm-502-5'],
      ['HTTP Error 500.31 – ANCM Failed to Find Native Dependencies', '500.31', 'error-page.ancm-500-31'],
      ['Erreur HTTP 502.5 - Échec du processus', '502.5', 'error-page.ancm-502-5'],
      ['Errore HTTP 500.0 - Errore di caricamento gestore In-Process ANCM', '500.0', undefined],
      ['ошибка HTTP 500.30 — сбой в процессе запуска ANCM', '500.30', 'error-page.ancm-500-30'],
      ['Błąd HTTP 500.19 — wewnętrzny błąd serwera', '500.19', undefined],
      ['HTTP 错误 500.19-内部服务器错误', '500.19', undefined],
      ['HTTP 錯誤 502.5 - 處理序失敗', '502.5', 'error-page.ancm-502-5'],
      ['HTTP エラー 500.31 - ANCM ネイティブの依存関係を見つけられませんでした', '500.31', 'error-page.ancm-500-31'],
      ['HTTP 오류 500.30 - ANCM In-Process 시작 실패', '500.30', 'error-page.ancm-500-30'],
    ] as const) {
      const facts = run(title);
      expect(facts.filter((f) => f.name === 'status').map((f) => f.value), title).toEqual([status]);
      expect(facts.filter((f) => f.name === 'signal').map((f) => f.value), title).toEqual(signal ? [signal] : []);
    }
    expect(run('Fehler HTTP 502.5 - Process Failure').filter((f) => f.name === 'status').map((f) => f.value)).toEqual([]);
  });

  it('keeps "HTTP Error 503.0 - Server has been shutdown" as one page with one status', () => {
    const facts = run('HTTP Error 503.0 - Server has been shutdown\nThe service is unavailable.\nError Code       0x00000000');
    expect(values(facts, 'status')).toEqual(['503.0']);
    expect(values(facts, 'signal')).toEqual(['error-page.server-shutdown']);
    expect(values(facts, 'code')).toEqual([]);
  });
  it('starts a new page at a different status', () => {
    const facts = run('HTTP Error 502.3 - Bad Gateway\nThe operation timed out\n\nHTTP Error 500.30 - ASP.NET Core app failed to start');
    expect(values(facts, 'status')).toEqual(['502.3', '500.30']);
  });
});

describe('error-page recogniser: 500.19 codes read with the Config Error text', () => {
  it('tells a section defined twice from a duplicate handler entry (both 0x800700B7)', () => {
    const page = (configError: string) =>
      values(run(`HTTP Error 500.19 - Internal Server Error\nError Code         0x800700b7\nConfig Error       ${configError}`), 'signal');
    expect(
      page("Config section 'system.webServer/aspNetCore' already defined. Sections must only appear once per config file."),
    ).toEqual(['error-page.config-section-duplicate']);
    expect(page("Cannot add duplicate collection entry of type 'add' with unique key attribute 'name' set to 'aspNetCore'")).toEqual([
      'error-page.config-duplicate-entry',
    ]);
  });
  it('reads 0x80070003 as a configuration path that does not exist', () => {
    const facts = run('HTTP Error 500.19 - Internal Server Error\nError Code         0x80070003\nConfig Error       Cannot read configuration file');
    expect(values(facts, 'signal')).toEqual(['error-page.config-path-not-found']);
  });
});

describe('error-page recogniser: the ASP.NET Core Module rejecting its settings', () => {
  const page = (status: string, module: string): string =>
    `HTTP Error ${status} - Internal Server Error\nDetailed Error Information:\nModule\t   ${module}\nNotification\t   ExecuteRequestHandler\nHandler\t   aspNetCore\nError Code\t   0x8007000d`;
  it('reads 0x8007000D on a 500.0 page the module answered, text or HTML', () => {
    for (const module of ['AspNetCoreModule', 'AspNetCoreModuleV2']) {
      const text = page('500.0', module);
      const facts = run(text);
      expect(values(facts, 'signal'), module).toEqual(['error-page.ancm-invalid-data']);
      expect(sliced(text, facts, 'signal')[0]).toBe('Error Code\t   0x8007000d');
    }
    const html =
      '<h3>HTTP Error 500.0 - Internal Server Error</h3><table><tr class="alt"><th>Module</th><td>&nbsp;&nbsp;&nbsp;AspNetCoreModule</td></tr><tr><th>Error Code</th><td>&nbsp;&nbsp;&nbsp;0x8007000d</td></tr></table>';
    expect(values(run(html), 'signal')).toEqual(['error-page.ancm-invalid-data']);
  });
  it('leaves the code alone when IIS itself answered, or on a 500.19 page', () => {
    expect(values(run(page('500.0', 'IIS Web Core')), 'signal')).toEqual([]);
    expect(values(run(page('500.19', 'AspNetCoreModuleV2')), 'signal')).not.toContain('error-page.ancm-invalid-data');
  });
});

describe('error-page recogniser: pages served by App Service', () => {
  const page = 'HTTP Error 500.21 - Internal Server Error\nHandler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list';
  it('reads a bad-module page from App Service as the platform lacking that module version', () => {
    for (const where of ['Physical Path\t   D:\\home\\site\\wwwroot', 'Log stream in Azure', 'Requested URL https://contoso.azurewebsites.net/']) {
      const facts = run(`${where}\n${page}`);
      expect(values(facts, 'signal'), where).toEqual(['error-page.bad-module-app-service']);
      expect(values(facts, 'server'), where).toEqual(['azure-app-service']);
    }
  });
  it('keeps the Hosting Bundle reading for the same page on a server of one\'s own', () => {
    const facts = run(`Physical Path\t   C:\\inetpub\\wwwroot\\app\n${page}`);
    expect(values(facts, 'signal')).toEqual(['error-page.bad-module']);
    expect(values(facts, 'server')).toEqual(['iis']);
    expect(values(run(`We run it on Azure VMs.\n${page}`), 'server')).toEqual(['iis']);
  });
});

describe('error-page recogniser: offline pages as text', () => {
  it('reads an offline heading alone on a line or quoted in a sentence', () => {
    for (const text of ['Site loads with the message "App service is offline".', 'Application is currently offline.', '  The site is down for maintenance']) {
      const facts = run(text);
      expect(values(facts, 'signal'), text).toEqual(['error-page.app-offline']);
      expect(sliced(text, facts, 'signal')[0], text).toMatch(/^(?:the )?(?:app|site|application)/i);
    }
  });
  it('leaves offline in the middle of a sentence alone', () => {
    expect(run('We took the app offline on purpose and the site is offline for users too.')).toEqual([]);
  });
});

describe('error-page recogniser: texts wrapped by a terminal or a mail client', () => {
  it('reads fixed page texts broken over two lines, the next one indented or quoted', () => {
    const cases: [string, string][] = [
      ['HTTP Error 503. The service\nis unavailable.', 'error-page.service-unavailable'],
      ['> HTTP Error 503. The service is\n> unavailable.', 'error-page.service-unavailable'],
      ['The web server failed to respond\n   within the specified time.', 'error-page.azure-frontend-timeout'],
      ['502 - Web server received an invalid response while acting as a gateway or\nproxy server.', 'error-page.gateway-invalid-response'],
      ['HTTP Error 400. The request hostname\r\nis invalid.', 'error-page.httpsys-invalid-hostname'],
    ];
    for (const [text, signal] of cases) expect(values(run(text), 'signal'), text).toEqual([signal]);
  });

  it('reads a page phrase wrapped inside a page, with the meaning of the unwrapped phrase', () => {
    const timeout = run('HTTP Error 502.3 - Bad Gateway\nThe operation timed\nout\n');
    expect(values(timeout, 'signal')).toEqual(['error-page.iis-502-3-timeout']);
    const attribute = run("HTTP Error 500.19 - Internal Server Error\nConfig Error Unrecognized attribute\n'hostingModel'. Note that attribute names are case-sensitive.\n");
    expect(values(attribute, 'signal')).toContain('error-page.config-unrecognized-attribute');
    const locked = run('HTTP Error 500.19 - Internal Server Error\nThis configuration section cannot be\n  used at this path.\n');
    expect(values(locked, 'signal')).toContain('error-page.config-locked');
  });

  it('does not join words across a blank line or a long run of spaces', () => {
    expect(values(run('HTTP Error 503. The service\n\nis unavailable.'), 'signal')).toEqual([]);
    expect(values(run('The web server failed to respond          within the specified time.'), 'signal')).toEqual([]);
  });
});

describe('error-page recogniser: pages IIS wrote in another language', () => {
  it('reads the Error Code row under a translated label, as text or HTML', () => {
    const zh = 'HTTP 错误 500.19 - Internal Server Error\n模块\t   IIS Web Core\n通知\t   未知\n处理程序\t   尚未确定\n错误代码\t   0x80070005\n';
    expect(values(run(zh), 'code')).toEqual([0x80070005]);
    expect(values(run(zh), 'signal')).toEqual(['error-page.config-access-denied']);
    const de = 'HTTP-Fehler 500.19 - Internal Server Error\nModul\t   IIS Web Core\nFehlercode\t   0x8007000d\n';
    expect(values(run(de), 'signal')).toEqual(['error-page.iis-500-19-invalid-data']);
    const html = '<h3>HTTP-Fehler 500.19 - Internal Server Error</h3><table><tr><th>Fehlercode</th><td>0x8007000d</td></tr></table>';
    expect(values(run(html), 'code')).toEqual([0x8007000d]);
  });

  it('reads one code per page: the English row wins, and an event line under the page is not the page\'s code', () => {
    const en = 'HTTP Error 500.19 - Internal Server Error\nError Code\t   0x8007000d\nOther\t   0x80070005\n';
    expect(values(run(en), 'code')).toEqual([0x8007000d]);
    const event = 'HTTP Error 503. The service is unavailable.\nFaulting application name: w3wp.exe\nException code: 0xc00000fd\n';
    expect(values(run(event), 'code')).toEqual([]);
  });

  it('reads a title written with a colon, as localized docs and people write it', () => {
    expect(values(run('Browser: HTTP-Fehler 502.5: Prozessfehler'), 'status')).toEqual(['502.5']);
    expect(values(run('HTTP Error 500.30: ASP.NET Core app failed to start'), 'signal')).toEqual(['error-page.ancm-500-30']);
  });
});

describe('error-page recogniser: the Module row of a translated page', () => {
  it('reads Application Request Routing and the ASP.NET Core Module under a translated label', () => {
    const arr = 'HTTP 错误 502.3 - Bad Gateway\n模块\t   ApplicationRequestRouting\n通知\t   ExecuteRequestHandler\n错误代码\t   0x80072ee2\n';
    const facts = run(arr);
    expect(values(facts, 'setting')).toEqual(['module=ApplicationRequestRouting']);
    expect(values(facts, 'signal')).toEqual(['error-page.iis-502-3-timeout', 'error-page.arr-502-3']);
    const ancm = 'HTTP-Fehler 502.3 - Bad Gateway\nModul\t   AspNetCoreModuleV2\nFehlercode\t   0x80072efd\n';
    expect(values(run(ancm), 'hosting-model')).toEqual(['out-of-process']);
    // another module's name is not read as a module setting
    expect(values(run('HTTP-Fehler 500.19 - x\nModul\t   IIS Web Core\n'), 'setting')).toEqual([]);
  });
});
