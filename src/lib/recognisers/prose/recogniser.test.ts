import { describe, expect, it } from 'vitest';
import type { Fact } from '../../engine/types.ts';
import { indexLines } from '../../engine/lines.ts';
import { SIGNAL_IDS } from '../../signals/index.ts';
import { expectLinear } from '../../../../tests/support/linear.ts';
import { readProseLine, recogniser } from './recogniser.ts';
import { findDurations } from './durations.ts';
import { looksLikeProse } from './sentence.ts';

const read = (text: string): Fact[] => recogniser.recognise(text, indexLines(text));
const of = (facts: Fact[], name: Fact['name']): (string | number)[] => facts.filter((f) => f.name === name).map((f) => f.value);
const ms = (line: string): number[] => findDurations(line).map((d) => d.ms);

describe('prose reader: the examples', () => {
  it('we get a 504 from the load balancer after about a minute', () => {
    const f = read('we get a 504 from the load balancer after about a minute');
    expect(of(f, 'status')).toEqual(['504']);
    expect(of(f, 'stated-duration-ms')).toEqual([60_000]);
    expect(of(f, 'signal')).toEqual(['prose.load-balancer']);
  });
  it('random 502s from nginx right after every deploy', () => {
    const f = read('random 502s from nginx right after every deploy');
    expect(of(f, 'status')).toEqual(['502']);
    expect(of(f, 'server')).toEqual(['nginx']);
    expect(of(f, 'signal')).toEqual(['prose.intermittent', 'prose.during-deploy']);
    expect(of(f, 'stated-duration-ms')).toEqual([]);
  });
  it('502 only when uploading big files', () => {
    const f = read('502 only when uploading big files');
    expect(of(f, 'status')).toEqual(['502']);
    expect(of(f, 'signal')).toEqual(['prose.large-upload']);
  });
  it('IIS returns 502.3 after exactly 120 seconds', () => {
    const f = read('IIS returns 502.3 after exactly 120 seconds');
    expect(of(f, 'server')).toEqual(['iis']);
    expect(of(f, 'status')).toEqual(['502.3']);
    expect(of(f, 'stated-duration-ms')).toEqual([120_000]);
  });
  it('Bad gateway after 230 seconds on Azure App Service', () => {
    const f = read('Bad gateway after 230 seconds on Azure App Service');
    expect(of(f, 'status')).toEqual(['502']);
    expect(of(f, 'server')).toEqual(['azure-app-service']);
    expect(of(f, 'stated-duration-ms')).toEqual([230_000]);
  });
  it('gives spans that slice the words read', () => {
    const text = 'Intro line.\nBad gateway after 230 seconds on Azure App Service';
    const words = read(text).map((f) => text.slice(f.span.start, f.span.end));
    expect(words).toEqual(['Bad gateway', '230 seconds', 'Azure App Service']);
  });
});

describe('prose reader: components', () => {
  const cases: [string, string[]][] = [
    ['ARR in front of two servers returns 502.3 after a while', ['iis']],
    ['We have been seeing 503 responses from Varnish when backends are slow', ['varnish']],
    ['Cloud Run returns 503 when the server aborts a long request', ['paas']],
    ['the app on Fly.io answers 502 after a deploy', ['paas']],
    ['the ANCM log says nothing and the site returns 502', ['iis']],
    ['openresty keeps answering 502 for the api', ['nginx']],
    ['our Apache reverse proxy shows 503 for the app', ['apache']],
    ['YARP gives 504 on the reports route', ['yarp']],
    ['Application Gateway returns 502 for every request', ['azure-app-gateway']],
    ['the ALB returns 504 on long exports', ['aws-alb']],
    ['Front Door shows 504 for the checkout', ['azure-front-door']],
    ['Cloudflare shows 502 Bad Gateway for the site', ['cloudflare']],
    ['the ingress returns 503 while pods restart', ['kubernetes', 'kubernetes']],
    ['ingress-nginx returns 502 during a rolling update', ['kubernetes']],
    ['Traefik says bad gateway for the service', ['traefik']],
    ['HAProxy marks the backend down and answers 503', ['haproxy']],
    ['Caddy reverse proxy gives 502 for the app', ['caddy']],
    ['the Heroku app shows Application Error after the dyno restarts', ['heroku', 'heroku']],
    ['the app runs in Docker behind nginx and returns 502', ['docker', 'nginx']],
    ['Kestrel stops answering after a few hours', ['kestrel']],
    ['502 from the OpenShift router for the new route', ['haproxy']],
    ['our Azure Container Apps revision answers 504', ['envoy']],
    ['always a 502, the gateway cannot reach the backend pool', ['azure-app-gateway']],
    ['I raised proxy_read_timeout but still get the error', ['nginx']],
    ['we use ProxyPass to send requests to Kestrel', ['apache', 'kestrel']],
    ['changing hostingModel did not help', ['iis']],
    ['after we deployed the api to Azure it fails', ['azure-app-service']],
    ['the api running on Azure returns 502 at night', ['azure-app-service']],
    ['after we deployed the api to Azure Kubernetes Service it fails', ['kubernetes']],
    ['the application pool stops after the first request', ['iis']],
    ['the site under inetpub returns an error page', ['iis']],
  ];
  for (const [line, servers] of cases) {
    it(line, () => expect(of(read(line), 'server')).toEqual(servers));
  }
  it('does not read names inside dotted identifiers or paths', () => {
    expect(of(read('The type Microsoft.AspNetCore.Server.Kestrel failed in startup here'), 'server')).toEqual([]);
    expect(of(read('we edited the file /etc/nginx/sites-enabled/default today'), 'server')).toEqual([]);
  });
  it('reads acronyms only in capitals', () => {
    expect(of(read('the arr of the pirate was loud and clear'), 'server')).toEqual([]);
    expect(of(read('ALB gives us trouble every day'), 'server')).toEqual(['aws-alb']);
  });
});

describe('prose reader: triggers', () => {
  const cases: [string, string][] = [
    ['502 after we publish from Visual Studio', 'prose.after-deploy'],
    ['started after the upgrade of the server', 'prose.after-upgrade'],
    ['started after the upgrade to .NET 8 on the server', 'prose.framework-upgrade'],
    ['HTTP Error 502.5 after updating ASP.NET Core from 2.0.0 to 2.0.3', 'prose.framework-upgrade'],
    ['502.5 after migrating from ASP.NET Core 1.0 to 1.1', 'prose.framework-upgrade'],
    ['it broke after the SDK update', 'prose.framework-upgrade'],
    ['we see 502 errors inconsistently in staging', 'prose.intermittent'],
    ['some pages take a very good while to load', 'prose.long-request'],
    ['the pod is killed with exit code 137 every night', 'prose.topic-resources'],
    ['a space character in the application name gives 502.5', 'prose.topic-space-in-path'],
    ['it fails when the path contains spaces', 'prose.topic-space-in-path'],
    ['the app crashes with a stack overflow after a minute', 'prose.topic-crash'],
    ['the site stops responding every afternoon', 'prose.topic-hang'],
    ['the browser shows ERR_CONNECTION_RESET for the api', 'prose.topic-reset'],
    ['the app pool keeps stopping after a few requests', 'prose.topic-pool-stopped'],
    ['rapid fail protection disabled the pool', 'prose.topic-pool-stopped'],
    ['our gRPC service behind the ingress fails', 'prose.topic-http2'],
    ['the SignalR hub fails behind nginx', 'prose.topic-websocket'],
    ['ARR in front of two servers returns 502.3', 'prose.topic-arr'],
    ['502 since the certificate expired on the api server', 'prose.topic-backend-tls'],
    ['we ran into ephemeral port exhaustion on the web role', 'prose.topic-snat'],
    ['we raised maxAllowedContentLength but it still fails', 'prose.large-upload'],
    ['Backend server certificate is not whitelisted with Application Gateway', 'prose.topic-backend-tls'],
    ['error shows when the source server connection refuses', 'prose.topic-refused'],
    ['apps fail if they take more than 1 minute to respond', 'prose.long-request'],
    ['503 on every site since the Windows update last night', 'prose.after-os-upgrade'],
    ['502 right after login on the portal', 'prose.after-login'],
    ['errors every time the app pool recycles', 'prose.after-restart'],
    ['502s when the cluster scales down at night', 'prose.scale-in'],
    ['504 only under heavy load in the afternoon', 'prose.under-load'],
    ['502 when uploading large files to the api', 'prose.large-upload'],
    ['the long running report export fails', 'prose.long-request'],
    ['first call after the app was idle gets 502', 'prose.idle'],
    ['intermittent 502 errors on the api', 'prose.intermittent'],
    ['every request returns 502 since Monday', 'prose.every-request'],
    ['the first request after a cold start fails', 'prose.first-request'],
    ['the app takes more than two minutes to start while it warms up caches', 'prose.first-request'],
    ['the client sends a request line that is too long and kestrel rejects it', 'prose.topic-bad-request'],
    ['users get 500 because ANCM does not support mixed process mode', 'prose.topic-mixed-hosting'],
    ['返回的response中同时存在了Content-Length和Transfer-Encoding的header', 'prose.topic-invalid-response'],
    ['系统排除5000端口导致程序无法正常运行', 'prose.topic-privileged-port'],
    ['尝试过删除排除规则，但是被拒绝访问了', 'prose.topic-privileged-port'],
    ['the cause was the backend service responding to base url requests with a 404', 'prose.topic-unhealthy'],
    ['502 bad gateway error on ALB : statusCode must be numeric', 'prose.topic-invalid-response'],
    ['502 Bad Gateway error because Headers field is nil', 'prose.topic-invalid-response'],
    ['other aspnetcore apps which share the same worker process fail with 500 error', 'prose.topic-shared-pool'],
    ['Missing list permission on keyvault leads to 502.5 error', 'prose.topic-startup-exception'],
    ["Nginx wasn't able to access the gunicorn socket due to missing read permissions", 'prose.topic-proxy-permission'],
    ['when I restart php-fpm the socket is recreated with owner and group root', 'prose.topic-proxy-permission'],
    ['Traefik routed traffic at the new frontend container the moment Docker said Up', 'prose.topic-rolling'],
    ["the ingress gateway doesn't wait for connections to drain", 'prose.topic-shutdown'],
    ['503s due to routing to non-existent endpoints', 'prose.topic-shutdown'],
    ['the reencrypt route is missing destinationCACertificate', 'prose.topic-backend-tls'],
    ['502 error on Amplify SSR Functions if uncompressed response size is over 1MB', 'prose.topic-invalid-response'],
    ["Puma's accept queue is full and the kernel is silently dropping the SYN", 'prose.topic-resources'],
    ['Azure Container Apps for .NET apps should have the default targetPort of 8080, instead of 80', 'prose.topic-not-listening'],
    ['requests are lost during a rolling update of the deployment', 'prose.after-deploy'],
    ['Installing the .NET Core Windows Server Hosting fails with an error', 'prose.topic-hosting-bundle'],
    ['the site falls over with a small load in production', 'prose.under-load'],
    ['timeouts even under light load', 'prose.under-load'],
    ['nginx returns 502 since we changed the default port of the app', 'prose.port-change'],
    ['the app runs on a non-standard port behind Apache', 'prose.port-change'],
    ["Traefik couldn't connect to the container", 'prose.topic-refused'],
    ['nginx is not able to connect on the app port', 'prose.topic-refused'],
    ['the sub-application under the default site returns 500', 'prose.topic-subapp'],
    ['an ASP.NET Core app inside another application fails', 'prose.topic-subapp'],
    ['it works once the inherited aspNetCore handler is removed', 'prose.topic-subapp'],
    ['nginx fails when the response headers of the app are bigger than 8 kb', 'prose.topic-header-size'],
    ['the cookies are huge and the headers are too big for the proxy', 'prose.topic-header-size'],
    ['the session cookies grow too large after a few visits', 'prose.topic-header-size'],
    ['the request headers grow beyond 16 KB with all those cookies', 'prose.topic-header-size'],
    ['how do I fix upstream-sent-too-big-header-while-reading-response-header-from-upstream?', 'prose.topic-header-size'],
    ['502 right after a successful authentication with Keycloak', 'prose.after-login'],
    ['we use OpenID Connect in front of the portal', 'prose.after-login'],
    ['the gateway answers 502 when the client cancels the request', 'prose.topic-client-aborted'],
    ['what happens when the browser disconnects mid-download', 'prose.topic-client-aborted'],
    ['the service account has no permission to bind port 443', 'prose.topic-privileged-port'],
    ['Kestrel says the address is already in use after a restart', 'prose.topic-port-in-use'],
    ['we moved two more apps into the same application pool', 'prose.topic-shared-pool'],
    ['a second site using the same app pool fails to load', 'prose.topic-shared-pool'],
    ['the worker process runs as 32 bit while the build targets x64', 'prose.topic-bitness'],
    ['setting enable32BitAppOnWin64 back to false fixed it', 'prose.topic-bitness'],
    ['turning on Load User Profile for the pool fixed the certificate error', 'prose.topic-user-profile'],
    ['the load balancer sends the PROXY protocol header but nginx is not told', 'prose.topic-proxy-protocol'],
    ['adding a preStop hook stopped the errors', 'prose.topic-shutdown'],
    ['the destination was terminated before the proxy knew', 'prose.topic-shutdown'],
    ['the agent does not drain connections before it stops the task', 'prose.topic-shutdown'],
    ['the controller deregisters the targets too late', 'prose.topic-shutdown'],
    ['502 while deleting pods by hand', 'prose.topic-shutdown'],
    ['after the deploy the site only shows "Application Error"', 'prose.topic-app-error'],
    ['the browser shows :( Application Error', 'prose.topic-app-error'],
    ['the log shows an UnauthorizedAccessException when the app starts under IIS', 'prose.topic-access-denied'],
    ['it says access to the path of the keys folder is denied', 'prose.topic-access-denied'],
    ['502 when scaling pods down at night', 'prose.scale-in'],
    ['a few 502s during every rollout of the service', 'prose.topic-rolling'],
    ['a rolling restart of the deployment gives 502 for a minute', 'prose.topic-rolling'],
    ['the health checks are constantly failing on the target group', 'prose.topic-unhealthy'],
    ['the app is not listening on port 5000 inside the container', 'prose.topic-not-listening'],
    ['since .NET 8 the default port has changed', 'prose.topic-not-listening'],
    ['the image listens on 8080 instead of 80', 'prose.topic-not-listening'],
    ['the app ignores ASPNETCORE_URLS and keeps port 5000', 'prose.topic-app-port'],
    ['the dyno must bind to $PORT', 'prose.topic-app-port'],
    ['the app fails when the stdout log path points to a missing folder', 'prose.topic-stdout-log'],
    ['the kestrel server stops accepting connections after an hour', 'prose.topic-hang'],
    ['an infinite recursion in the constructor took the site down', 'prose.topic-crash'],
    ['the pods stay marked as not ready by the readiness probe', 'prose.topic-unhealthy'],
    ['the health check path returns a redirect', 'prose.topic-unhealthy'],
    ['docker ps shows the app container as Up 2 minutes (health: starting)', 'prose.topic-unhealthy'],
    ['nginx cannot speak HTTP/2 to the upstream', 'prose.topic-http2'],
    ['we get 502 on the service when http2 is enabled, it works when disabled', 'prose.topic-http2'],
    ['all the threads are blocked waiting and requests queue up', 'prose.topic-thread-pool'],
    ['under load the thread count climbs to 800', 'prose.topic-thread-pool'],
    ['each request thread is stuck at the token validator', 'prose.topic-thread-pool'],
    ['the dump shows hundreds of threads waiting', 'prose.topic-thread-pool'],
    ['the generated client is not doing HttpClient pooling and exhausting connection limits', 'prose.topic-snat'],
    ['we create a new HttpClient per request', 'prose.topic-snat'],
    ['the number of threads keeps growing until IIS stops answering', 'prose.topic-thread-pool'],
    ['a new load balancer in front of an HTTP/2 web application', 'prose.topic-http2'],
    ['Bad Gateway when the domain points to an HTTPS service', 'prose.topic-scheme-mismatch'],
    ['the ingress rejects duplicate "Transfer-Encoding: chunked" and returns 502', 'prose.topic-invalid-response'],
    ['nginx says the upstream sent an invalid chunked response', 'prose.topic-invalid-response'],
    ['the platform uses TLS between the ingress and its API server', 'prose.topic-backend-tls'],
    ['当 proxy_pass 地址协议为https时无法连接源服务器', 'prose.topic-scheme-mismatch'],
    ['we set idle_timeout on the load balancer to 60 s', 'prose.idle'],
    ['reports fail when a request takes over 2 minutes', 'prose.long-request'],
    ['the site answers 503 for a minute after every app restart', 'prose.app-restart'],
    ['503 while we restart the application from its admin page', 'prose.app-restart'],
    ['502.5 until we rolled back to 3.1.4', 'prose.framework-upgrade'],
    ['the site went down the moment we saved the app settings', 'prose.settings-change'],
    ['it restarted as soon as I hit save in the portal', 'prose.settings-change'],
    ['502 under a JMeter run of 50 threads', 'prose.under-load'],
    ['more 502s from the balancer as the traffic grows', 'prose.under-load'],
    ['Access is denied when the pool starts the app', 'prose.topic-access-denied'],
    ['we gave IIS_IUSRS read rights on the folder', 'prose.topic-access-denied'],
    ['the IIS features were not installed on the new server', 'prose.topic-iis-features'],
    ['the physical path was pointing at the source folder', 'prose.topic-physical-path'],
    ['.NET 5 was not yet available on App Service, so we added the site extension', 'prose.topic-azure-runtime'],
    ['Proactive Auto-Heal restarted the app twice today', 'prose.topic-app-service-restart'],
    ['the web site was stopped in IIS Manager', 'prose.topic-site-stopped'],
    ["the Default Web Site won't start after the reboot", 'prose.topic-site-stopped'],
    ['IIS: cannot start the web site, the process cannot access the file', 'prose.topic-site-stopped'],
    ['a duplicate section in the web.config broke the site', 'prose.topic-web-config-invalid'],
    ['since the image runs as a non-root user the API throws SocketException: Permission denied', 'prose.topic-privileged-port'],
    ['Kestrel fails on port 5000: it is in an excluded port range', 'prose.topic-privileged-port'],
    ['the app container is attached to two different networks', 'prose.topic-docker-network'],
    ['the certificate was issued for the root domain, not the api host', 'prose.topic-backend-tls'],
    ['we switched the backend to a wildcard certificate', 'prose.topic-backend-tls'],
    ['Http Backend healthcheck fails with CN mismatch error', 'prose.topic-backend-tls'],
    ['Portainer uses TLS 1.3 that is not supported by NPM', 'prose.topic-backend-tls'],
    ['the proxy does not send SNI to the backend', 'prose.topic-backend-tls'],
    ['抓包后发现反代时默认未开启 sni 导致转发到后端证书不匹配', 'prose.topic-backend-tls'],
    ['应用程序池的专用内存限制设置为1.5GB，高峰需要2.3GB', 'prose.topic-resources'],
    ['コンテナがメモリ不足で落ちて502になる', 'prose.topic-resources'],
    ['健康检查把后端标记为down之后所有请求都是502', 'prose.topic-unhealthy'],
    ['程序崩溃以后nginx一直返回502', 'prose.topic-crash'],
    ['App exits with SIGSEGV under proxy load', 'prose.topic-crash'],
    ['the container keeps restarting with exit code 139', 'prose.topic-crash'],
    ['IIS returns 502.3 if the request has more than 1.1 MB', 'prose.large-upload'],
    ['RequestSizeLimit smaller than MaxRequestBufferSize causes a 502.3', 'prose.large-upload'],
    ['Incorrect log path in web.config', 'prose.topic-stdout-log'],
    ['Detecting IIS 503s caused by multiple host instances', 'prose.topic-host-stopped'],
    ['a developer creates and disposes an extra host before the real one', 'prose.topic-host-stopped'],
    ['the background job calls StopApplication when the queue is gone', 'prose.topic-host-stopped'],
    ['it has some long initialization which takes more than 2 minutes', 'prose.first-request'],
    ['the arguments in web.config are wrong after publishing', 'prose.topic-wrong-arguments'],
    ['we had wrong aspNetCore arguments after the upgrade', 'prose.topic-wrong-arguments'],
    ['502 Bad Gateway on some pages due to buffers too small', 'prose.topic-header-size'],
    ['Category X-Magento-Tags too long causing Varnish to 503', 'prose.topic-header-size'],
    ['the X-Cache-Tags header is too large for the proxy', 'prose.topic-header-size'],
    ['a note to give write permissions to the apppool for the log directory', 'prose.topic-stdout-log'],
    ['the pool identity has no access to the logs folder', 'prose.topic-stdout-log'],
    ['I could not get the log file to output', 'prose.topic-stdout-log'],
    ['no stdout log file was created', 'prose.topic-stdout-log'],
    ['the internal server serves content only over TLSv1.3 and the proxy gives 502', 'prose.topic-backend-tls'],
    ['Portainer now requires TLS 1.3, our proxy speaks TLS 1.2', 'prose.topic-backend-tls'],
    ['a TLS version mismatch between the gateway and the pod', 'prose.topic-backend-tls'],
    ['the app and api containers were unhealty', 'prose.topic-unhealthy'],
    ['All ASP.NET Core sites down after a Windows Server in-place upgrade', 'prose.after-os-upgrade'],
    ['we upgraded from Server 2016 to 2019 over the weekend', 'prose.after-os-upgrade'],
    ['post OS-upgrade the sites are gone', 'prose.after-os-upgrade'],
    ['one client sends a header with umlauts and the proxy rejects it', 'prose.topic-bad-request'],
    ['the mobile app sends two Content-Length headers', 'prose.topic-bad-request'],
    ['the query string is too long for IIS', 'prose.topic-bad-request'],
    ['%LAUNCHER_ARGS% left in web.config causes 502.5 on the server', 'prose.topic-wrong-arguments'],
    ['500.19 on the rewrite section: URL Rewrite module not installed on the server', 'prose.topic-iis-features'],
    ['Application Initialization isn\'t installed so preloadEnabled does nothing', 'prose.topic-iis-features'],
    ['the server lacks URL Rewrite 2.1', 'prose.topic-iis-features'],
    ['アプリケーションプールの「ユーザープロファイルの読み込み」が False', 'prose.topic-user-profile'],
    ['IIS 사이트의 실제 경로가 publish 폴더가 아니라', 'prose.topic-physical-path'],
    ['Azure App Service 503s during deployment slot swap', 'prose.topic-app-service-restart'],
    ['installed both vc_redist.x64.exe and vc_redist.x86.exe then iisreset', 'prose.topic-vc-redist'],
    ['It claims that the hosting DLL `aspnetcoreV2_inprocess.dll` couldn\'t be found', 'prose.topic-inprocess-handler'],
    ['the out-of-process handler could not be loaded after the update', 'prose.topic-outofprocess-handler'],
    ['I fixed it by providing the full dotnet path in web.config', 'prose.topic-dotnet-missing'],
    ['Varnish 503s on pages with a too long X-Magento-Tags', 'prose.topic-header-size'],
    ['nginx から Mattermost への接続が「拒否」されている', 'prose.topic-refused'],
    ['random 502s, nginx says kestrel hung up on it halfway before sending any headers', 'prose.topic-reset'],
    ['a middleware called HttpContext.Abort() on some errors', 'prose.topic-reset'],
    ['Turned out the caller had a 10-second timeout and was hanging up', 'prose.topic-client-aborted'],
    ["the errors always come at the time that matches the caller's own timeout", 'prose.topic-client-aborted'],
    ['nginx 502 proxying to Kestrel on RHEL 9, works after setenforce 0', 'prose.topic-proxy-permission'],
    ['we create a new HttpClient in every controller action', 'prose.topic-snat'],
    ['only the uploads with accented letters in the X-File-Name header fail', 'prose.topic-bad-request'],
    ['the app just shuts down on its own, nobody touched it', 'prose.topic-host-stopped'],
    ['app service bounced itself around 3am', 'prose.app-restart'],
    ['Notre App Service a redémarré tout seul pendant la nuit', 'prose.app-restart'],
    ['502s at night, no deploy from us', 'prose.no-deploy'],
    ['Request being cancelled is a common situation when users close tabs', 'prose.topic-client-aborted'],
    ['Il percorso fisico del sito IIS punta alla cartella del sorgente', 'prose.topic-physical-path'],
    ['Quelques 502 apparaissent au moment du recyclage périodique du pool IIS', 'prose.after-restart'],
    ['应用程序池回收的时候会出现502错误', 'prose.after-restart'],
    ["it exits at once because the arguments attribute still names the template project's DLL", 'prose.topic-wrong-arguments'],
    ["Seules les requêtes d'un vieux client avec des en-têtes mal formés échouent", 'prose.topic-bad-request'],
    ['the service runs as www-data and cannot listen on port 80', 'prose.topic-privileged-port'],
    ['if the service has a healthcheck the traefik labels do not work', 'prose.topic-unhealthy'],
    ['the publish folder had no myapp.runtimeconfig.json', 'prose.topic-runtimeconfig'],
    ['MyApp.deps.json was missing from the output', 'prose.topic-deps-json'],
    ['the app hangs after adding .Result calls', 'prose.topic-thread-pool'],
    ['removed .GetAwaiter().GetResult() in the middleware', 'prose.topic-thread-pool'],
    ['dotnet-countersでスレッドプールのキュー長が増え続けていて', 'prose.topic-thread-pool'],
    [".NET 8 containers run as the non-root 'app' user", 'prose.topic-privileged-port'],
    ['netstat shows 16k connections in TIME_WAIT to redis', 'prose.topic-snat'],
    ['the ephemeral ports are used up', 'prose.topic-snat'],
    ['the api at /api is just a vdir under the main site', 'prose.topic-virtual-directory'],
    ['IIS vdir, then Convert to Application with its own pool', 'prose.topic-virtual-directory'],
    ['Publiqué la API como directorio virtual dentro del sitio', 'prose.topic-virtual-directory'],
    ['IIS 里的网站显示已停止，启动时提示另一个进程正在使用该文件', 'prose.topic-site-stopped'],
    ['brief 502s whenever app settings are changed in the portal', 'prose.topic-app-service-restart'],
    ["'Web App Restarted' due to a platform upgrade at 02:14 UTC", 'prose.topic-app-service-restart'],
    ['WAS event 5189 and every pool stops', 'prose.topic-pool-config'],
    ['antivirus locked inetpub\\temp\\appPools', 'prose.topic-pool-config'],
    ['システムログにWASのイベント（アプリケーションプール構成ファイルの生成に失敗）', 'prose.topic-pool-config'],
  ];
  it('reads a file named by its own name with its whole name as the span', () => {
    const text = 'the folder had no MyApp.runtimeconfig.json at all.';
    const f = read(text).find((x) => x.value === 'prose.topic-runtimeconfig')!;
    expect(text.slice(f.span.start, f.span.end)).toBe('MyApp.runtimeconfig.json');
  });
  it('reads a deployment told as such', () => {
    expect(of(read('it broke right after the deploy'), 'signal')).toContain('prose.after-deploy');
  });
  /** Lines that must not give a signal: [line, signal, what the line is instead]. */
  const notRead: [string, string, string][] = [
    ["[aspnetcorev2.dll] Loading request handler: 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\16.0.21322.0\\aspnetcorev2_inprocess.dll'", 'prose.topic-inprocess-handler', "the handler's file named in a normal start"],
    ['内存回收的时候服务器很慢，然后出现502错误', 'prose.after-restart', 'memory being reclaimed'],
    ['503s for two minutes, no deploy from us', 'prose.after-deploy', 'a deployment denied'],
    ['nobody on the team deployed anything that night', 'prose.after-deploy', 'a deployment denied'],
    ['processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" fails with 502.5', 'prose.topic-wrong-arguments', "both launcher placeholders (the catalogue's)"],
    ['we upgraded from 2019 to 2022 of Visual Studio and the site broke', 'prose.after-os-upgrade', "another product's years"],
    ['I checked the access log and the error log directory on the server', 'prose.topic-stdout-log', 'an access log and an error log folder'],
    ['the X-Forwarded-For value looks right to me', 'prose.topic-header-size', 'a custom header with no size said'],
    ['the result of the calls was wrong', 'prose.topic-thread-pool', 'the word "result"'],
  ];
  for (const [line, signal, what] of notRead) {
    it(`does not read ${what} as ${signal}: ${line}`, () => expect(of(read(line), 'signal')).not.toContain(signal));
  }
  for (const [line, signal] of cases) {
    it(line, () => expect(of(read(line), 'signal')).toContain(signal));
  }
  it('does not read turning logging on as a settings change', () => {
    expect(of(read('I enabled logging to see what happens'), 'signal')).not.toContain('prose.settings-change');
  });
  it('reads triggers in scripts written without spaces, anywhere in the sentence', () => {
    expect(of(read('배포할 때마다 502 오류가 납니다'), 'signal')).toEqual(['prose.after-deploy']);
    expect(of(read('롤아웃하는 동안 일부 요청이 502를 받았습니다'), 'signal')).toEqual(['prose.topic-rolling']);
    expect(of(read('배포할 때마다 502 오류가 납니다'), 'status')).toEqual(['502']);
    expect(of(read('ローリングアップデート中に502が出ます'), 'signal')).toEqual(['prose.topic-rolling']);
    expect(of(read('服务重启以后一直返回502错误'), 'signal')).toEqual(['prose.after-restart']);
    expect(of(read('nginx 超时 504 错误'), 'signal')).toContain('prose.topic-timeout');
    const text = '배포할 때마다 502 오류가 납니다';
    const f = read(text).find((x) => x.name === 'signal')!;
    expect(text.slice(f.span.start, f.span.end)).toBe('배포');
  });
  it("does not take the World Wide Web Publishing Service's name for a deployment", () => {
    expect(of(read('the World Wide Web Publishing Service stopped and will not start'), 'signal')).not.toContain('prose.after-deploy');
  });
  it('reads a restart of the app pool as a recycle, not an app restart', () => {
    const signals = of(read('errors every time we restart the app pool'), 'signal');
    expect(signals).toContain('prose.after-restart');
    expect(signals).not.toContain('prose.app-restart');
  });
  it('tells a deployment as the moment of a brief failure from a deployment as the setting', () => {
    for (const text of ['we see 502s during deployments', 'a few 503 every time we deploy', 'errors after each release', 'requests fail while deploying']) {
      const signals = of(read(text), 'signal');
      expect(signals, text).toContain('prose.during-deploy');
      expect(signals, text).not.toContain('prose.after-deploy');
    }
    for (const text of ['after publishing to IIS the site shows an error', 'I deployed the app to a new server']) {
      expect(of(read(text), 'signal'), text).toContain('prose.after-deploy');
      expect(of(read(text), 'signal'), text).not.toContain('prose.during-deploy');
    }
  });
  it('reads causes named in plain words: a missing runtime or dotnet, files missing or left over, the wrong scheme', () => {
    const cases: [string, string][] = [
      ['the .NET runtime is not installed on the server', 'prose.topic-runtime-missing'],
      ['a different runtime version is installed there', 'prose.topic-runtime-missing'],
      ["dotnet is not recognized on the build agent", 'prose.topic-dotnet-missing'],
      ['nginx sends plain http to the https port of the app', 'prose.topic-scheme-mismatch'],
      ['some DLLs are missing in the publish folder', 'prose.topic-missing-files'],
      ['old DLLs left over from the last release', 'prose.topic-stale-files'],
      ['the files are locked while we copy', 'prose.topic-stale-files'],
      ['an exception in Startup.cs on the server', 'prose.topic-startup-exception'],
      ['appsettings.Production.json is missing there', 'prose.topic-startup-exception'],
      ['IIS fails when targeting x86 platform', 'prose.topic-bitness'],
      ['we mix in-process and out-of-process apps in one pool', 'prose.topic-mixed-hosting'],
      ['Kestrel is bound to 127.0.0.1 inside the container', 'prose.topic-not-listening'],
      ['with nginx.ingress.kubernetes.io/backend-protocol set to HTTPS it works', 'prose.topic-scheme-mismatch'],
      ['the ASP.NET Core Module is not listed in the IIS modules', 'prose.topic-hosting-bundle'],
      ['aspnetcorev2.dll is missing from the server', 'prose.topic-hosting-bundle'],
      ['the pool identity has no %LOCALAPPDATA% path', 'prose.topic-user-profile'],
      ['certificate subject name validation is on for the backend', 'prose.topic-backend-tls'],
      ['503 after installing the core 3.1.1 runtime extension there', 'prose.topic-azure-runtime'],
      ['an SSL error between the proxy and the backend', 'prose.topic-backend-tls'],
      ['the connection was closed unexpectedly by the app', 'prose.topic-reset'],
      ['we cannot POST large JSON to the api', 'prose.large-upload'],
      ['MVC Core application hosted on IIS gives Cryptographic Exception', 'prose.topic-crypto-keys'],
      ['it throws Keyset does not exist on the server', 'prose.topic-crypto-keys'],
      ['how I can increase execution time?', 'prose.long-request'],
      ['how to raise the proxy timeout there', 'prose.long-request'],
    ];
    for (const [text, id] of cases) expect(of(read(text), 'signal'), text).toContain(id);
    expect(of(read('installed under Program Files (x86) on the server'), 'signal')).not.toContain('prose.topic-bitness');
    expect(of(read('the app listens on localhost and all interfaces'), 'signal')).not.toContain('prose.topic-not-listening');
  });
  it('reads "a gateway error" as a Bad Gateway', () => {
    expect(of(read('the site loads slowly then gives a gateway error'), 'status')).toEqual(['502']);
    expect(of(read('Gateway Timeout error'), 'status')).toEqual(['504']);
  });
  it('reads an app in or on Azure as App Service, not a VM, cluster or function there', () => {
    const servers = (text: string) => of(read(text), 'server');
    expect(servers('"HTTP Error 500.30" in Azure when CPU is maxed out')).toContain('azure-app-service');
    expect(servers('I deployed with Microsoft Azure and get an error')).toContain('azure-app-service');
    expect(servers('we run a custom server in Azure and it times out')).not.toContain('azure-app-service');
    expect(servers('our cluster on Azure Kubernetes Service drops requests')).not.toContain('azure-app-service');
  });
  it('reads the app stack, .NET included, and a failure told in plain words', () => {
    for (const text of ['My .NET 8 app fails on the server', 'the ASP.NET Core MVC site', 'a dotnet core api', '(.NET Core) web api', 'a Blazor server app', 'our net6.0 service']) {
      expect(of(read(text), 'signal'), text).toContain('prose.stack-aspnetcore');
    }
    // Dotted names are not the stack: a namespace, a file name.
    expect(of(read('we use Microsoft.NET.Sdk.Web for the web project'), 'signal')).not.toContain('prose.stack-aspnetcore');
    for (const text of ["the site doesn't start after the move", 'website is down again today', 'the app fails to start on the server', 'users cannot access the api now', 'we only get a blank page there', 'there is an error in the log']) {
      expect(of(read(text), 'signal'), text).toContain('prose.failing');
    }
    // Working on a developer's machine says it fails where it was deployed.
    expect(of(read('the site works fine on my machine'), 'signal')).toContain('prose.failing');
    expect(of(read('the site works fine since the upgrade'), 'signal')).not.toContain('prose.failing');
  });
  it('does not read a person taking long to find the cause as a long request', () => {
    expect(of(read('it took long to realize what was going on'), 'signal')).not.toContain('prose.long-request');
    expect(of(read('the export took long to complete'), 'signal')).toContain('prose.long-request');
  });
  it('reads the ALB metrics and YARP type names as their components', () => {
    expect(of(read('HTTPCode_ELB_5XX_Count rises while the targets report nothing'), 'server')).toEqual(['aws-alb']);
    expect(of(read('an exception thrown in a RequestTransform gives a 502'), 'server')).toEqual(['yarp']);
    expect(of(read('we run AGIC on the production cluster'), 'server')).toEqual(['kubernetes']);
    expect(of(read('upstream connect error or disconnect/reset before headers'), 'server')).toEqual(['envoy']);
  });
  it('does not read a failing connection to a dependency as a refused backend', () => {
    for (const line of ['the app cannot connect to the database after the deploy', "we couldn't connect to SQL from the app", 'unable to connect to the remote server from the api']) {
      expect(of(read(line), 'signal'), line).not.toContain('prose.topic-refused');
    }
  });
  it('emits only registered signal ids', () => {
    const all = cases.flatMap(([line]) => of(read(line), 'signal'));
    for (const id of all) expect(SIGNAL_IDS.has(String(id)), String(id)).toBe(true);
  });
});

describe('prose reader: statuses', () => {
  it('reads numbers, sub-statuses, plurals and status phrases', () => {
    expect(of(read('we keep getting 502.3 errors on the api'), 'status')).toEqual(['502.3']);
    expect(of(read('lots of 504s from the gateway overnight'), 'status')).toEqual(['504']);
    expect(of(read('the page says gateway time-out after a while'), 'status')).toEqual(['504']);
    expect(of(read('users see service unavailable on the site'), 'status')).toEqual(['503']);
    expect(of(read('The app shows 502 Bad Gateway to the users'), 'status')).toEqual(['502']);
  });
  it('reads a status phrase alone as a title', () => {
    expect(of(read('bad gateway'), 'status')).toEqual(['502']);
    expect(of(read('Gateway Timeout'), 'status')).toEqual(['504']);
    expect(of(read('Service Unavailable'), 'status')).toEqual(['503']);
    expect(of(read('nothing works'), 'status')).toEqual([]);
  });
  it('does not read counts, sizes and versions as statuses', () => {
    expect(of(read('the test sends 500 requests per second to the api'), 'status')).toEqual([]);
    expect(of(read('the response is about 502 KB for the report'), 'status')).toEqual([]);
    expect(of(read('we upgraded to version 1.502 of the package'), 'status')).toEqual([]);
    expect(of(read('the app listens on port 5000 behind the proxy'), 'status')).toEqual([]);
    expect(of(read('There seems to be 400+ threads, how come all of them are stuck?'), 'status')).toEqual([]);
  });
});

describe('prose reader: durations', () => {
  it('reads numbers with units, words, time spans and compounds', () => {
    expect(ms('after 90s')).toEqual([90_000]);
    expect(ms('after 2 min')).toEqual([120_000]);
    expect(ms('after 2min')).toEqual([120_000]);
    expect(ms('after 120 seconds')).toEqual([120_000]);
    expect(ms('after 1.5 minutes')).toEqual([90_000]);
    expect(ms('time-taken 120000 ms')).toEqual([120_000]);
    expect(ms('took 120,000 ms')).toEqual([120_000]);
    expect(ms('after a minute')).toEqual([60_000]);
    expect(ms('after about a minute')).toEqual([60_000]);
    expect(ms('after two minutes')).toEqual([120_000]);
    expect(ms('after a couple of minutes')).toEqual([120_000]);
    expect(ms('after half a minute')).toEqual([30_000]);
    expect(ms('requestTimeout is 00:02:00')).toEqual([120_000]);
    expect(ms('after 3 min 50 s')).toEqual([230_000]);
    expect(ms('after 3m50s')).toEqual([230_000]);
    expect(ms('a 30-second timeout')).toEqual([30_000]);
    expect(ms('after an hour')).toEqual([3_600_000]);
  });
  it('reads both ends of a range in its unit', () => {
    expect(ms('we are talking about 2-5 minutes just to load')).toEqual([120_000, 300_000]);
    expect(ms('fails after 30 to 60 seconds')).toEqual([30_000, 60_000]);
    expect(ms('took 1.5-2 hours')).toEqual([5_400_000, 7_200_000]);
    expect(ms('502-504 errors all day')).toEqual([]);
    // up to two days: IIS recycles a pool every 29 hours by default
    expect(ms('a burst of 503 every 29 hours')).toEqual([104_400_000]);
    expect(ms('the job runs every 72 hours')).toEqual([]);
    expect(ms('from 5 to 2 minutes')).toEqual([120_000]);
  });
  it('reads a number before a Chinese, Japanese or Korean unit', () => {
    expect(ms('请求超过60秒就返回504')).toEqual([60_000]);
    expect(ms('大约 120 秒后断开')).toEqual([120_000]);
    expect(ms('等了2分钟还是502')).toEqual([120_000]);
    expect(ms('30分以上かかる処理')).toEqual([1_800_000]);
    expect(ms('요청이 60초에 504로 끊긴다')).toEqual([60_000]);
    expect(ms('1분 후에 타임아웃')).toEqual([60_000]);
    expect(ms('処理に2時間かかる')).toEqual([7_200_000]);
    expect(ms('500毫秒')).toEqual([500]);
    expect(ms('端口5000被占用')).toEqual([]);
  });
  it('does not read versions, ports, statuses, clock times or bare numbers as durations', () => {
    expect(ms('nginx/1.18.0 on Ubuntu')).toEqual([]);
    expect(ms('the app listens on port 5000')).toEqual([]);
    expect(ms('random 502s from nginx')).toEqual([]);
    expect(ms('it failed at 10:14:22 today')).toEqual([]);
    expect(ms('after 120 attempts')).toEqual([]);
    expect(ms('.NET 8 and ASP.NET Core 8.0.4')).toEqual([]);
    expect(ms('the disk has 5 m of cable')).toEqual([]);
    expect(ms('HTTP/2 and TLS 1.3')).toEqual([]);
  });
  it('reads no facts from an unrelated sentence', () => {
    expect(read('The weather was lovely and we went for a walk in the park.')).toEqual([]);
    expect(read('Please find the attached screenshot of the settings page.')).toEqual([]);
  });
});

describe('prose reader: which lines it reads', () => {
  it('reads sentences and titles', () => {
    expect(looksLikeProse('we get a 504 from the load balancer after about a minute')).toBe(true);
    expect(looksLikeProse('IIS returns 502.3 after exactly 120 seconds')).toBe(true);
  });
  it('reads a Chinese or Japanese sentence written without spaces', () => {
    expect(looksLikeProse('什么配置都没动，就只是容器自动升级了')).toBe(true);
    expect(looksLikeProse('アップデートしたら 5000 番ポートに接続できない')).toBe(true);
    // A few characters are a label, not a sentence.
    expect(looksLikeProse('错误 502')).toBe(false);
  });
  it('reads a status told in a few words ("Getting 503", "503 error"), but not a port or a status with its reason phrase', () => {
    for (const line of ['Getting 503', '503 error', 'Got a 504!', 'still 502s', 'The One 502 in 20,000']) {
      expect(looksLikeProse(line), line).toBe(true);
      expect(readProseLine(line).filter((f) => f.name === 'status').length, line).toBe(1);
    }
    for (const line of ['502 Bad Gateway', '503 Service Unavailable', 'port 5030', '503']) expect(looksLikeProse(line), line).toBe(false);
  });
  it('reads a status in a few Chinese or Japanese words, where no spaces separate them', () => {
    for (const line of ['他已经502了', '网站又502了', 'nginx报502']) {
      expect(looksLikeProse(line), line).toBe(true);
      expect(readProseLine(line).filter((f) => f.name === 'status').map((f) => f.value), line).toEqual(['502']);
    }
    // One wide character and a number is not yet a sentence; neither is a number with no status.
    for (const line of ['了502', '网站5020次']) expect(readProseLine(line).filter((f) => f.name === 'status'), line).toEqual([]);
  });
  it('lets the words around inline code decide, not the code in backticks', () => {
    const line = 'Caddy `reverse_proxy localhost:8765` dials `[::1]` while the app binds `127.0.0.1:8765`, so `/ws` 502s.';
    expect(looksLikeProse(line)).toBe(true);
    expect(readProseLine(line).filter((f) => f.name === 'server').map((f) => f.value)).toEqual(['caddy']);
    // Code alone is not a sentence; a fence around a message is not inline code.
    expect(looksLikeProse('`dotnet run --urls http://0.0.0.0:5000` and `curl -v http://127.0.0.1:5000/`')).toBe(false);
    expect(looksLikeProse('```upstream-sent-too-big-header-while-reading-response-header-from-upstream```')).toBe(true);
  });
  it('leaves log records, markup, stack frames and bare statuses to their recognisers', () => {
    for (const line of [
      '2024-03-05 10:14:22 10.0.0.4 POST /api/reports/export - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016',
      '2025/01/20 09:31:45 [error] 2211#2211: *17 upstream timed out (110: Connection timed out) while reading response header from upstream',
      '203.0.113.80 - - [20/Jan/2025:09:31:45 +0000] "GET /api/reports/yearly HTTP/1.1" 504 167 "-" "Mozilla/5.0"',
      'info: Microsoft.Hosting.Lifetime[14]',
      '   at System.Net.Sockets.Socket.Bind(EndPoint localEP)',
      '<center><h1>502 Bad Gateway</h1></center>',
      '{"level":"error","message":"upstream failed after 60 s"}',
      '502 Bad Gateway',
      'nginx/1.18.0',
    ]) {
      expect(looksLikeProse(line), line).toBe(false);
      expect(readProseLine(line), line).toEqual([]);
    }
  });
});

describe('prose reader: HTTP/2 named', () => {
  it('reads HTTP/2 switched on or spoken by the app, not HTTP/2 in the browser', () => {
    const topics = (line: string): string[] => readProseLine(line).filter((f) => f.value === 'prose.topic-http2').map((f) => String(f.value));
    expect(topics('502 right after we enabled HTTP/2 on the listener')).toEqual(['prose.topic-http2']);
    expect(topics('the site uses HTTP/2 in the browser and works fine')).toEqual([]);
  });
});

describe('prose reader: a sentence wrapped over two lines', () => {
  const signals = (text: string): string[] => read(text).filter((f) => f.name === 'signal').map((f) => `${f.value}@${text.slice(f.span.start, f.span.end)}`);

  it('reads a term the line break splits, with its span across the break', () => {
    const text = 'CloudFront was unable to communicate with the ALB that had the TLSv1.2\npolicy applied.';
    expect(signals(text)).toEqual(['prose.topic-backend-tls@TLSv1.2\npolicy']);
    // A Windows line break is one blank too.
    const crlf = text.replace('\n', '\r\n');
    expect(signals(crlf)).toEqual(['prose.topic-backend-tls@TLSv1.2\r\npolicy']);
  });
  it('reads a status and a duration split over the break', () => {
    const facts = read('after a deploy we get a bad\ngateway from nginx after two\nminutes every time we try it');
    expect(facts.filter((f) => f.name === 'status').map((f) => f.value)).toEqual(['502']);
    expect(facts.filter((f) => f.name === 'stated-duration-ms').map((f) => f.value)).toEqual([120_000]);
  });
  it('does not join a line that ends a sentence to the next, nor repeat what one line says alone', () => {
    expect(signals('The proxy works fine with TLS.\nPolicy changes were made to the site later')).toEqual([]);
    const one = 'the upstream certificate is self-signed and nginx says so\nevery time we reload it';
    expect(signals(one)).toEqual(['prose.topic-backend-tls@upstream certificate', 'prose.topic-backend-tls@self-signed']);
  });
  it('does not join a log record to prose', () => {
    expect(signals('the ALB that had the TLSv1.2\n2024-01-01 10:00:00 policy applied')).toEqual([]);
  });
});

describe('prose reader: time', () => {
  // make() indexes the text, so building (and flattening) the input is not part of the timing.
  const prepared = (text: string) => ({ text, lines: indexLines(text) });
  const run = (p: { text: string; lines: ReturnType<typeof indexLines> }) => recogniser.recognise(p.text, p.lines);
  it('is linear in the input', () => {
    const sentences = (n: number) => prepared('we get random 502s from nginx after about a minute when uploading big files after every deploy\n'.repeat(n));
    expectLinear('sentences', sentences, run, 4000, { runs: 5 });
    const shortLines = (n: number) => prepared('after 1 after 2 after 3 5555555 502s 3m50s\n'.repeat(n));
    expectLinear('lines of numbers', shortLines, run, 4000, { runs: 5 });
    const oneLine = (n: number) => prepared('after 1 '.repeat(n * 20));
    expectLinear('one long line', oneLine, run, 4000, { runs: 5 });
  }, 60_000);
});
