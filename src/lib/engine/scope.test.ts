import { describe, expect, it } from 'vitest';
import { expectLinear } from '../../../tests/support/linear.ts';
import { detectOtherStack } from './scope.ts';

// Shaped like the FREB summary of a classic ASP.NET app failing at initialisation (invented values).
const CLASSIC_FREB = `<failedRequest url="http://localhost:80/About.aspx" siteId="1" appPoolId="Clr4IntegratedAppPool" processId="5120" verb="GET" statusCode="500" subStatusCode="0" failureReason="STATUS_CODE">
<Data Name="ModuleName">AspNetInitializationExceptionModule</Data><Data Name="Notification">1</Data><Data Name="HttpStatus">500</Data>`;

describe('detectOtherStack', () => {
  it('names classic ASP.NET from a FREB trace of a System.Web app', () => {
    const r = detectOtherStack(CLASSIC_FREB);
    expect(r?.stack).toBe('classic-aspnet');
    expect(r?.evidence).toContain('AspNetInitializationExceptionModule');
    expect(r?.link.href).toBe('/guides/failed-request-tracing/');
  });

  it('names classic ASP.NET from its yellow error page', () => {
    expect(detectOtherStack("Server Error in '/' Application.\nSystem.Web.HttpException: Maximum request length exceeded.")?.stack).toBe('classic-aspnet');
  });

  it('names PHP and FastCGI', () => {
    expect(detectOtherStack('HTTP Error 500.0 - Internal Server Error\nC:\\php\\php-cgi.exe - The FastCGI process exceeded configured request timeout\nModule FastCgiModule')?.stack).toBe('php-fastcgi');
    expect(detectOtherStack('PHP Fatal error:  Allowed memory size exhausted in /var/www/index.php')?.stack).toBe('php-fastcgi');
  });

  it('needs two weak markers: one .aspx URL alone or a pool name alone is not enough', () => {
    expect(detectOtherStack('GET /default.aspx 502')).toBeUndefined();
    expect(detectOtherStack('appPoolId="Clr4IntegratedAppPool"')).toBeUndefined();
    expect(detectOtherStack('GET /default.aspx in Clr4IntegratedAppPool')?.stack).toBe('classic-aspnet');
  });

  it('does not decide on a single weak marker (StaticFileModule or RewriteModule alone)', () => {
    expect(detectOtherStack('ModuleName StaticFileModule')).toBeUndefined();
    expect(detectOtherStack('ModuleName RewriteModule 502.3')).toBeUndefined();
  });

  it('never claims a paste that holds ASP.NET Core evidence', () => {
    expect(detectOtherStack(CLASSIC_FREB + '\n<Data Name="ModuleName">AspNetCoreModuleV2</Data>')).toBeUndefined();
    expect(detectOtherStack('HTTP Error 500.30 - ASP.NET Core app failed to start\nGET /About.aspx Clr4IntegratedAppPool')).toBeUndefined();
  });

  it('calls a lone client 4xx a client error, but not next to a 5xx, a 499 or a 404 we explain', () => {
    expect(detectOtherStack('HTTP/1.1 413 Request Entity Too Large')?.stack).toBe('client-error');
    expect(detectOtherStack('HTTP Error 401.2 - Unauthorized')?.stack).toBe('client-error');
    expect(detectOtherStack('413 then 502 Bad Gateway')).toBeUndefined();
    expect(detectOtherStack('HTTP Error 404.0 - Not Found')).toBeUndefined();
    expect(detectOtherStack('HTTP Error 403.14 - Forbidden')).toBeUndefined();
    expect(detectOtherStack('502 3 12002 120016')).toBeUndefined();
  });

  it('does not call a 4xx answered to a health checker a client error (the probe fails)', () => {
    expect(detectOtherStack('"GET /health HTTP/1.1" 400 26 "-" "ELB-HealthChecker/2.0"')).toBeUndefined();
    expect(detectOtherStack('"GET /healthz HTTP/1.1" 401 0 "-" "kube-probe/1.29"')).toBeUndefined();
    expect(detectOtherStack('"GET /healthz HTTP/1.1" 401 0 "-" "curl/8.5.0"')?.stack).toBe('client-error');
  });

  it('stays linear on adversarial input', () => {
    for (const p of ['/a.aspx ', "Server Error in '", 'System.Web.', 'HTTP/1.1 4', '/' + 'a'.repeat(300)]) {
      expectLinear(p.slice(0, 20), (k) => p.repeat(k), (s) => detectOtherStack(s), 2000);
    }
  }, 120_000);
});
