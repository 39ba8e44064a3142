/**
 * The words the prose reader knows: components (which become `server` facts or, for a generic
 * "load balancer", a signal), triggers (signals `prose.<what>`) and status words. Patterns are
 * matched case-insensitively inside one line; each uses only non-capturing groups because they are
 * joined into one alternation (one scan per line, see recogniser.ts).
 */

export interface Term {
  /** Regular-expression source (non-capturing groups only). */
  pattern: string;
  /** `server` fact value. */
  server?: string;
  /** Signal id (registered in src/lib/signals/prose.ts). */
  signal?: string;
  /** Case-sensitive match (acronyms that are ordinary words in lower case: ARR, ALB, LB). */
  exact?: boolean;
}

/** Components, most specific first (the alternation takes the first that matches at a point). */
export const COMPONENTS: readonly Term[] = [
  { pattern: 'iis[ -]?express', server: 'iis-express' },
  { pattern: 'ingress[ -]nginx|nginx[ -]ingress', server: 'kubernetes' },
  // AGIC is Application Gateway's ingress controller: it runs in an AKS cluster and follows its pods.
  { pattern: 'AGIC', server: 'kubernetes', exact: true },
  // "Backend pool" is Application Gateway's word for its targets (AWS says "target group").
  { pattern: 'app(?:lication)?[ -]?gateway|appgw|backend[ -]pools?', server: 'azure-app-gateway' },
  { pattern: 'front[ -]?door', server: 'azure-front-door' },
  { pattern: 'AFD', server: 'azure-front-door', exact: true },
  {
    pattern:
      'azure app[ -]?services?|app[ -]?services?|azure web[ -]?apps?|web[ -]?apps? (?:on|in) azure|azurewebsites(?:\\.net)?|kudu|(?:(?:deploy|publish|host)(?:ed|ing)? (?:it |the (?:app|site|api|application) |my (?:app|site|api|application) |our (?:app|site|api|application) )?(?:to|on|in|with|onto)|(?:running|runs|run) (?:on|in)|(?<!(?:server|servers|vms?|machines?|cluster|functions?|container|containers|instances?) )(?:in|on|from)) (?:microsoft )?azure(?! (?:app ?services?|web ?apps?|kubernetes|aks|container|vms?|virtual|functions?|front|app(?:lication)? gateway|load|api management|sql|devops|storage|blob))',
    server: 'azure-app-service',
  },
  {
    pattern: 'aws (?:application |elastic |classic )?load[ -]?balancers?|(?:application|elastic) load[ -]?balancers?',
    server: 'aws-alb',
  },
  { pattern: 'ALBs?|ELBs?', server: 'aws-alb', exact: true },
  // The ALB's CloudWatch metrics (HTTPCode_ELB_5XX_Count: made by the balancer itself;
  // HTTPCode_Target_5XX_Count: answered by the targets) and its Kubernetes controller's annotations.
  {
    pattern: 'httpcode_(?:elb|target)_(?:5xx|50[234])(?:_count)?|(?:elb|target)_5xx(?:_count)?|alb\\.ingress\\.kubernetes\\.io|aws-load-balancer-controller|alb (?:annotations?|ingress(?: controller)?)',
    server: 'aws-alb',
  },
  // ARR is IIS proxying to other servers: its own timeouts and farms, not the ASP.NET Core Module's.
  { pattern: 'application request routing', server: 'iis', signal: 'prose.topic-arr' },
  { pattern: 'ARR', server: 'iis', signal: 'prose.topic-arr', exact: true },
  { pattern: 'asp\\.net core module(?: v2)?|aspnetcoremodule(?:v2)?|ANCM', server: 'iis' },
  { pattern: 'IIS|w3wp(?:\\.exe)?', server: 'iis' },
  // web.config is the file IIS (and the ASP.NET Core Module in it) reads for the site.
  { pattern: 'web\\.config', server: 'iis' },
  // Application pools and inetpub are IIS's own words.
  { pattern: 'app(?:lication)?[ -]?pools?|inetpub', server: 'iis' },
  // The ASP.NET Core Module's web.config attributes.
  { pattern: 'hostingModel|processPath|stdoutLogEnabled|stdoutLogFile|startupTimeLimit|requestTimeout|shutdownTimeLimit', server: 'iis', exact: true },
  { pattern: 'kestrel', server: 'kestrel' },
  // Directive names say which proxy it is ("I raised proxy_read_timeout", "ProxyPass to Kestrel").
  {
    pattern: 'nginx|openresty|proxy_pass|proxy_read_timeout|proxy_connect_timeout|proxy_send_timeout|proxy_buffer_size|proxy_buffers|proxy_http_version|proxy_next_upstream',
    server: 'nginx',
  },
  { pattern: 'apache(?: httpd)?|httpd|mod_proxy(?:_http)?|ProxyPass(?:Reverse)?|ProxyTimeout|ProxyPreserveHost', server: 'apache' },
  { pattern: 'YARP', server: 'yarp' },
  // YARP's own type and method names (Yarp.ReverseProxy, IHttpForwarder, request transforms).
  { pattern: 'IHttpForwarder|HttpForwarder|MapReverseProxy|AddReverseProxy|(?:Request|Response)Transform(?:s|Context)?|ForwarderError(?:Feature)?', server: 'yarp', exact: true },
  { pattern: 'cloudflare', server: 'cloudflare' },
  { pattern: 'kubernetes|k8s|AKS|EKS|GKE|ingress(?:es)?|kubectl|pods?', server: 'kubernetes' },
  { pattern: 'traefik', server: 'traefik' },
  // The OpenShift router is HAProxy.
  { pattern: 'haproxy|openshift(?: router)?', server: 'haproxy' },
  { pattern: 'caddy', server: 'caddy' },
  // Varnish Cache answers 503 "Backend fetch failed" when its fetch from the backend fails: the
  // connection refused or reset, the first byte or a read timed out, or no healthy backend.
  { pattern: 'varnish(?:[ -]?cache)?|backend fetch failed', server: 'varnish' },
  // Azure Container Apps' ingress is Envoy.
  // Envoy's own words in its local replies: "upstream connect error or disconnect/reset before
  // headers. reset reason: connection termination".
  { pattern: 'envoy|istio|azure container apps?|container apps?|upstream connect error|reset reason|connection termination', server: 'envoy' },
  // Envoy's response flags as people write them after the status ("503 UC", "UF errors"):
  // UC upstream connection termination, UF upstream connection failure, UH no healthy upstream,
  // UT upstream request timeout, DC downstream (client) connection termination.
  { pattern: '(?<=(?<![\\w.])(?:50[0234]|4\\d\\d)s? )UC|UC(?= (?:errors?|responses?|flags?|codes?|response flags?))', server: 'envoy', signal: 'prose.topic-reset', exact: true },
  { pattern: '(?<=(?<![\\w.])(?:50[0234]|4\\d\\d)s? )UF|UF(?= (?:errors?|responses?|flags?|codes?|response flags?))', server: 'envoy', signal: 'prose.topic-refused', exact: true },
  { pattern: '(?<=(?<![\\w.])(?:50[0234]|4\\d\\d)s? )UH|UH(?= (?:errors?|responses?|flags?|codes?|response flags?))', server: 'envoy', signal: 'prose.topic-unhealthy', exact: true },
  { pattern: '(?<=(?<![\\w.])(?:50[0234]|4\\d\\d)s? )UT|UT(?= (?:errors?|responses?|flags?|codes?|response flags?))', server: 'envoy', signal: 'prose.topic-timeout', exact: true },
  { pattern: '(?<=(?<![\\w.])(?:50[0234]|4\\d\\d)s? )DC|DC(?= (?:errors?|responses?|flags?|codes?|response flags?))', server: 'envoy', signal: 'prose.topic-client-aborted', exact: true },
  // Managed platforms whose own front proxy answers for the app (no IIS there): a status from them
  // has the no-component short list, and IIS-only hints are scaled down (status-priors.json).
  {
    pattern: '(?:google )?cloud run|(?:google )?app engine|fly\\.io|render\\.com|vercel|netlify|(?:aws )?elastic beanstalk|cloud foundry|gorouter|digitalocean app platform',
    server: 'paas',
  },
  // Heroku routes to each dyno on the port it passes in $PORT.
  { pattern: 'heroku|dynos?', server: 'heroku' },
  // Heroku's router and runtime error codes written bare in a sentence ("Heroku sends an H13",
  // "timing out with H12"); the catalogue (heroku.json) reads them in the router's log format.
  // H12 Request timeout (30 s); H13 Connection closed without response and H18 Server request
  // interrupted; H10 App crashed; H20 App boot timeout and R10 Boot timeout (not on $PORT in
  // time); H27 Client request interrupted; R14 Memory quota exceeded.
  { pattern: 'H12', server: 'heroku', signal: 'prose.topic-timeout', exact: true },
  { pattern: 'H1[38]', server: 'heroku', signal: 'prose.topic-reset', exact: true },
  { pattern: 'H10', server: 'heroku', signal: 'prose.topic-crash', exact: true },
  { pattern: '(?:H20|R10)', server: 'heroku', signal: 'prose.topic-app-port', exact: true },
  { pattern: 'H27', server: 'heroku', signal: 'prose.topic-client-aborted', exact: true },
  { pattern: 'R14', server: 'heroku', signal: 'prose.topic-resources', exact: true },
  { pattern: 'docker(?:[ -]compose)?|containers?', server: 'docker' },
  // The error page App Service on Linux (":( Application Error") and Heroku show when the app's
  // container or dyno did not start or answer, quoted as its title.
  { pattern: '(?<=["\'\u201c\u2018]|:\\( ?)Application Error(?=["\'\u201d\u2019]|$)', signal: 'prose.topic-app-error', exact: true },
  // The app's own stack, named without the server in front of it: ASP.NET Core, .NET (Core) and
  // .NET 5+ (".NET" is read from its "NET": a word start may follow a dot that follows a space),
  // the dotnet host, Blazor and Razor Pages. Alone it says nothing about a cause; with a failure
  // in words it lets priors.ts give the short list of how an ASP.NET Core app usually fails.
  {
    pattern:
      'asp\\.?net[ -]?core(?:[ -]?(?:mvc|web ?api|api|app))?|aspnetcore|(?:dot ?)?net[ -]?core(?![\\w.])|NET (?:[5-9]|1\\d)(?:\\.\\d+)*|NET(?:5|6|7|8|9|10)(?:\\.0)?|dotnet|blazor|razor pages|mvc core|core (?:web ?api|mvc|web app)|web ?api|web ?deploy|msdeploy|publish ?profiles?',
    signal: 'prose.stack-aspnetcore',
  },
  // Amazon API Gateway (REST and HTTP APIs) in front of the app: its integration timeout.
  { pattern: '(?:amazon |aws )?api[ -]?gateway|apigw', signal: 'prose.api-gateway' },
  // A Lambda function as a target (not a C# lambda expression): named with AWS, or as a function,
  // target, handler or proxy integration.
  {
    pattern: '(?:aws )lambdas?|lambda (?:functions?|targets?|handlers?|proxy(?: integration)?|integrations?|responses?)|lambda[ -]backed|(?:alb|elb|load balancer|target group|api gateway|apigw)s? (?:(?:to|with|in front of|and|\\+|->|→) )?(?:a |an |the |my |our )?(?:aws )?lambdas?',
    signal: 'prose.lambda-target',
  },
  // "Lambda" alone: the AWS service only beside an ALB or API Gateway (prose-rules.ts), else a C# lambda.
  { pattern: 'lambdas?', signal: 'prose.lambda-word' },
  // A reverse proxy not named: still a hop whose buffers and timeouts sit in front of the app.
  { pattern: 'reverse[ -]?prox(?:y|ies|ied)', signal: 'prose.reverse-proxy' },
  { pattern: 'load[ -]?balancers?', signal: 'prose.load-balancer' },
  { pattern: 'LBs?', signal: 'prose.load-balancer', exact: true },
];

/** Triggers: when or under what the failure happens. */
export const TRIGGERS: readonly Term[] = [
  // A deployment as the moment of a brief failure ("during deploys", "every time we deploy",
  // "after each release"): instances or the app restart while requests arrive. Kept apart from a
  // deployment as the setting ("after publishing to IIS it does not start"), a start failure.
  {
    pattern:
      '(?:during|while|whilst|mid)[ -](?:a |the |each |every |our |any )?(?:re-?)?(?:deploy(?:s|ing|ments?)?|publish(?:es|ing)?|releas(?:e|es|ing))|(?:each|every|any|all) (?:(?:single )?time (?:(?:we|i|you|they|it) )?(?:re-?)?(?:deploy|publish|release)s?|(?:re-?)?(?:deploy(?:s|ments?)?|publish(?:es)?|releases?))|(?:after|on|with|per) (?:each|every) (?:re-?)?(?:deploy(?:s|ments?)?|publish(?:es)?|releases?)|(?:deploy(?:ment)?|release) downtime|downtime (?:during|while|on|when) (?:deploy|publish|releas)(?:s|es|e|ing|ments?)?|zero[ -]downtime',
    signal: 'prose.during-deploy',
  },
  {
    pattern:
      '(?:windows|os|operating system|feature|cumulative)[ -](?:updates?|upgrades?)|(?:updat|upgrad)(?:e|ed|ing) (?:windows|the os|the server os)' +
      // An in-place upgrade of Windows Server, and one written with the versions ("from 2016 to 2019").
      '|in[ -]place (?:os |windows (?:server )?|server )?upgrades?|windows server (?:\\w+ ){0,2}upgrades?|upgrad(?:e|ed|ing) (?:from )?(?:windows )?server 20(?:08|12|16|19|22)(?: r2)? to (?:windows )?(?:server )?20(?:12|16|19|22|25)',
    signal: 'prose.after-os-upgrade',
  },
  // A deployment denied ("no deploy from us", "nobody deployed anything"): read before the
  // deployment terms below, so their word is not read as one.
  {
    pattern: "(?:no|without|nobody|no one|never|not) (?:a |any |new )?(?:re-?)?deploy(?:s|ed|ing|ments?)?|(?:no|without|nobody|no one) (?:\\w+ ){0,3}(?:deployed|deploying|published|released) (?:anything|something|a thing)",
    signal: 'prose.no-deploy',
  },
  {
    pattern:
      'deploy(?:s|ed|ing|ments?)?|re-?deploy(?:s|ed|ing|ments?)?|publish(?:es|ed|ing)?(?![ \\t]+service)|roll(?:ing)?[ -]?outs?|rolled out|rolling[ -]?(?:updates?|upgrades?|deploy(?:s|ments?)?|restarts?)|releas(?:e|es|ed|ing)|new version|swap(?:s|ped|ping)? (?:the )?slots?|slot swaps?',
    signal: 'prose.after-deploy',
  },
  {
    // An upgrade of the .NET / ASP.NET Core version itself ("after updating ASP.NET Core from 2.0.0
    // to 2.0.3", "migrating from .NET Core 1.0 to 1.1", "after the SDK update"): the app then
    // needs a runtime the server may not have.
    pattern:
      '(?:updat|upgrad|migrat)(?:e|es|ed|ing|ion) (?:from |to )?(?:the |my |our )?(?:asp\\.net(?: core)?|\\.net(?: core| framework)?|dotnet(?: core)?|net ?core|core (?:\\d|to|from)|(?:the )?(?:sdk|runtime|hosting bundle|target framework))|(?:asp\\.net core|\\.net(?: core)?|dotnet|sdk|runtime|framework|visual studio|vs) (?:\\d+(?:\\.\\d+)* )?(?:updates?|upgrades?)|(?:roll(?:ed|ing)? ?back|downgrad(?:e|ed|ing)) to (?:version |v)?\\d+(?:\\.\\d+)+',
    signal: 'prose.framework-upgrade',
  },
  { pattern: 'upgrad(?:e|es|ed|ing)|updat(?:e|es|ed|ing)|migrat(?:e|es|ed|ing) (?:from|to)|migration (?:from|to)', signal: 'prose.after-upgrade' },
  // OpenID Connect sign-ins come back with large cookies and headers (the OIDC callback, redirect_uri).
  {
    pattern:
      'log(?:ging)?[ -]?in|logs in|logged in|sign(?:ing)?[ -]?in|signs in|signed in|after (?:a )?(?:successful )?(?:authenticat|authoriz|authoris)(?:ing|ation|ion)|openid[ -]?connect|oidc|redirect_uri|mfa|multi[ -]?factor|2fa|two[ -]factor|(?:azure ad|aad|entra(?: id)?|azure active directory|adfs|b2c|keycloak|okta|auth0|identity ?server|oauth ?2?|saml|openid) (?:auth(?:entication)?|login|sign[ -]?in|sso|tokens?|cookies?)|jwts?(?: tokens?)?|bearer tokens?|(?:access|id|refresh|auth(?:entication)?) tokens?|(?:auth(?:entication)?|session|identity|antiforgery) cookies?',
    signal: 'prose.after-login',
  },
  // The application restarting (itself, or from its admin page), not its pool or the server.
  // Also a restart nobody asked for ("the App Service restarted by itself", "bounced itself at 3am").
  {
    pattern:
      "(?:application|app) restarts?|restart(?:s|ed|ing)? (?:of )?(?:the |my |our |an? )?(?:application|app)(?![ -]?pools?)" +
      "|(?:restarted|bounced|rebooted|recycled) (?:itself|on its own|by itself)|(?:a )?redémarré (?:tout seul|de lui-même)|se reinici(?:ó|a) (?:solo|sola|por sí mism[oa])|reiniciou (?:sozinh[oa]|por conta própria)|(?:von selbst|selbst(?:ständig)?) neu gestartet",
    signal: 'prose.app-restart',
  },
  {
    pattern:
      'restart(?:s|ed|ing)?|recycl(?:e|es|ed|ing)|reboot(?:s|ed|ing)?|app pool recycles?' +
      // A recycle, in the words of IIS's translated editions.
      '|recyclage|reciclaje|reciclagem|wiederverwendung',
    signal: 'prose.after-restart',
  },
  // A port moved: the proxy still points at the old one, SELinux lets a proxy reach only the ports
  // labelled http_port_t, and a port below 1024 needs root (or a capability) to bind.
  {
    pattern:
      '(?:chang|switch)(?:e|es|ed|ing) (?:the |my |our |its |their |a )?(?:default |listening |http |https |app(?:lication)? |kestrel )?ports?(?! (?:forward|mapping))|(?:a |an )?(?:different|non-?standard|custom|new) (?:listening )?ports?(?! (?:forward|mapping))',
    signal: 'prose.port-change',
  },
  // A settings change: App Service restarts the app when its app settings, connection strings or
  // diagnostic (logging) settings are saved. ("Enable logging" alone is not one: people turn
  // logging on to debug, and ANCM's error pages say it.)
  {
    pattern:
      '(?:chang|updat|edit|modif|sav)(?:e|es|ed|ing|y|ies|ied) (?:to |of )?(?:the |an? |any |my |our )?(?:app(?:lication)? |diagnostic |logging |log |configuration |environment )?settings?|(?:app(?:lication)?|diagnostic|logging|configuration) settings? (?:changes?|changed|updates?|updated)|(?:hit|hitting|click(?:ed|ing)?) save',
    signal: 'prose.settings-change',
  },
  { pattern: 'scal(?:e|es|ed|ing)[ -](?:down|in)|scal(?:e|es|ed|ing) (?:the |our |my |its )?(?:pods?|replicas?|deployments?|instances?|tasks?|nodes?|services?|apps?) (?:down|in)(?![\\w-])|autoscal(?:e|es|ed|ing|er)|scale[ -]?in events?', signal: 'prose.scale-in' },
  {
    pattern:
      'under (?:(?:heavy|high|some|peak|light|low|small|moderate|medium|little|any) )?load|(?:with|at) (?:a |any )?(?:very )?(?:small|light|low|little|moderate|medium|heavy|high) (?:load|traffic)|high (?:traffic|load)|heavy (?:traffic|load)|load[ -]?test(?:s|ing)?|stress[ -]?test(?:s|ing)?|jmeter|gatling|locust|as (?:the )?(?:traffic|load|usage|dau|the number of users) (?:grows|increases|goes up|rises)|traffic (?:spikes?|peaks?)|peak (?:hours?|traffic|load)|(?:many|lots of|hundreds of|thousands of) (?:concurrent |simultaneous |parallel )?(?:users|requests|connections)',
    signal: 'prose.under-load',
  },
  {
    pattern:
      '(?:large|big|huge|bigger|larger) (?:file )?(?:uploads?|files?|bodies|body|payloads?|posts?|requests?|json|xml|forms?|images?|videos?|attachments?)|upload(?:ing|s)? (?:a )?(?:large|big|huge|bigger|larger)|file uploads?|uploading|maxAllowedContentLength|MaxRequestBodySize|RequestSizeLimit|MaxRequestBufferSize|client_max_body_size|LimitRequestBody|request body (?:too large|size)|(?:more than|over|above|bigger than|larger than|exceed(?:s|ed|ing)?) ~?\\d+(?:[.,]\\d+)?~? ?(?:mb|gb|megabytes?|gigabytes?)(?![\\w/])',
    signal: 'prose.large-upload',
  },
  {
    pattern:
      '(?:takes?|taking|took) (?:anywhere |somewhere |between |from |up to |over |more than |about |around ){0,2}(?:\\d+(?:[.,]\\d+)? ?(?:s|sec(?:ond)?s?|min(?:ute)?s?)? (?:to|and|-) )?\\d+(?:[.,]\\d+)? ?(?:min(?:ute)?s?|hours?|hrs?)(?![\\w])|long[ -]running|(?:long|large|big|heavy|slow) (?:reports?|exports?|queries|query|requests?|operations?|jobs?|calls?|pages?|responses?)|reports? (?:that )?takes? (?:a )?long|(?:takes?|taking|took) (?:(?:a )?(?:very |really )?(?:long|good|great) (?:while|time)|(?:too |very |so |really )?long(?! to (?!load|respond|complete|finish|return|answer|process|run|start|execute|come))|ages|forever|(?:more|longer) than|over \\d|> ?\\d)|generat(?:e|es|ing) (?:a )?reports?|(?:increas|rais|extend|lengthen)(?:e|es|ed|ing) (?:the )?(?:max(?:imum)? )?(?:(?:execution|request|response|script|proxy|read|upstream|gateway|http) )?(?:time ?outs?|time[ -]?limits?|execution time|timeout (?:values?|settings?|periods?))',
    signal: 'prose.long-request',
  },
  { pattern: 'idle[ _-]?time[ _-]?outs?|idle|inactiv(?:e|ity)|after a while|after some time|(?:quiet|idle) periods?', signal: 'prose.idle' },
  {
    // Also a failure told as a small share of requests ("one 502 in 20,000", "0.012% of requests").
    pattern: '(?:one|a few|a handful of) (?:\\w+ )?(?:in|out of|per|every) (?:\\d{1,3}(?:[,. ]\\d{3})+|\\d{3,}|a (?:thousand|million))(?: requests| calls)?|(?<=(?<![\\w.])1 (?:\\w+ )?)(?:in|out of|per|every) (?:\\d{1,3}(?:[,. ]\\d{3})+|\\d{3,}|a (?:thousand|million))(?: requests| calls)?|(?<=(?<![\\d.])0[.,]\\d+ ?% )of (?:all |the |our )?(?:requests|calls|traffic|responses)|random(?:ly)?|intermittent(?:ly)?|inconsistent(?:ly)?|sporadic(?:ally)?|occasional(?:ly)?|sometimes|from time to time|now and (?:then|again)|flak(?:y|iness)|every (?:now|once)',
    signal: 'prose.intermittent',
  },
  {
    pattern: '(?:every|each|all|any) (?:single )?(?:requests?|pages?|calls?|endpoints?|routes?)|the (?:whole|entire) (?:site|app)|always (?:returns?|gets?|fails?|gives?)|never (?:works?|loads?|starts?)',
    signal: 'prose.every-request',
  },
  {
    pattern: '(?:the )?first (?:request|call|hit|load)|cold[ -]?starts?|warm(?:s|ing)?[ -]?up|slow (?:to )?start(?:s|ing|up)?|(?:long|minutes?|seconds?|forever) to (?:start|boot|come up)(?: up)?|(?:app|application) start(?:s|up)?|startup|(?:long|slow|lengthy) initiali[sz]ation|initiali[sz]ation (?:takes|took|is slow|lasts)',
    signal: 'prose.first-request',
  },
  // A failure in plain words, with no status or message: "doesn't start", "not working",
  // "site is down", "can't access", "fails to load", "blank page", "error". Too general to point
  // anywhere; it marks the paste as a failure report (priors.ts gates the stack's list on it).
  {
    pattern:
      '(?:does|do|did|would|will|could|can|is|are|was|were)(?: ?not|n\'t|nt|n\u2019t)(?: even)? (?:start(?:ing)?|run(?:ning)?|work(?:ing)?|load(?:ing)?|launch(?:ing)?|open(?:ing)?|come up|be (?:reached|accessed|opened)|reachable|accessible|available|up)|(?:won\'t|wont|won\u2019t|can\'t|cant|can\u2019t|cannot|never|not|no longer|stopped|stops|quit) (?:start(?:ing|s)?|run(?:ning|s)?|work(?:ing|s)?|load(?:ing|s)?|launch(?:ing|es)?|come up|be (?:reached|accessed|opened)|reachable|accessible|(?:access|reach|open|browse)(?: (?:the|my|our|it|this|that))?)|fail(?:s|ed|ing)? (?:to |on )?(?:start(?:ing)?|run(?:ning)?|load(?:ing)?|launch(?:ing)?|open(?:ing)?|come up|respond|work)|unable to (?:start|run|load|launch|access|reach|open|browse)|(?:site|website|web ?site|app|application|api|server|service|page|portal|instance)s? (?:is |are |was |were |goes |went |keeps going |going )?(?:down|offline|broken|dead)|(?:goes|went|going|keeps going) down|blank (?:white )?(?:page|screen)|white (?:page|screen)|unreachable|inaccessible|(?:can\'t|cannot|can\u2019t|could not|couldn\'t) be reached|works? (?:fine |well |perfectly |ok |okay |great |correctly )?(?:locally|on localhost|in (?:visual studio|vs(?: ?code)?|development|dev|debug(?: mode)?|iis express)|from visual studio|on my (?:machine|pc|computer|laptop|local machine)|on (?:my )?local(?: machine)?)|(?:error|errors|issue|issues|problem|problems|failure|failures|exception)',
    signal: 'prose.failing',
  },
];

/**
 * Triggers and topics in scripts written without spaces between words (Korean, Japanese,
 * Chinese), as the localized Kubernetes, Azure and IIS documentation writes them. They are found
 * anywhere in a sentence, not at word starts. Plain literals only: one alternation of them all.
 */
export const WIDE_TERMS: readonly Term[] = [
  // a port Windows excludes or reserves (Hyper-V, WinNAT)
  { pattern: '(?:排除|保留)(?:了|的)?(?:[0-9]{2,5} ?)?端口|端口(?:被)?(?:排除|保留)|(?:端口)?排除(?:规则|范围)|除外(?:された)?ポート|ポート(?:が|は)?(?:除外|予約)', signal: 'prose.topic-privileged-port' },
  // rollout, rolling update or restart: instances replaced one by one (before deploy: one match a place)
  { pattern: '롤아웃|롤링 ?업데이트|롤링 ?재시작|ロールアウト|ローリング ?(?:アップデート|更新|再起動)|滚动更新|滾動更新|滚动重启|滾動重啟', signal: 'prose.topic-rolling' },
  // deploy, redeploy, release / publish, go live
  { pattern: '재배포|배포|デプロイ|部署|发布|發佈|发版|上线|上線', signal: 'prose.after-deploy' },
  // restart, reboot
  { pattern: '재시작|재부팅|再起動|重启|重啟|重新启动', signal: 'prose.after-restart' },
  // time-out
  { pattern: '타임아웃|시간 ?초과|タイムアウト|超时|逾時', signal: 'prose.topic-timeout' },
  // response or request headers too large (nginx's "too big header" in the localized forums' words)
  { pattern: '(?:响应|請求|请求|回應|回应)?(?:头|頭|头部|標頭|header)(?:过大|太大|过长|過大|太長|过多)|ヘッダー?(?:サイズ)?(?:が|の)?(?:大きすぎ|大き過ぎ|長すぎ|サイズ超過|サイズオーバー)|헤더(?:가|의)? ?(?:너무 (?:크|큼|길)|크기 초과)', signal: 'prose.topic-header-size' },
  // cannot connect, the port does not open (what a refused or unanswered connection looks like to the writer)
  { pattern: '(?:端口|埠|ポート|포트)(?:就|が|에|가)? ?(?:打不开|打不開|无法访问|無法訪問|不通|访问不了|開かない|開けない|につながらない|に接続できない|접속(?:이)? ?안|연결(?:이)? ?안)|无法连接|無法連線|连不上|連不上|接続できません|接続できない|연결할 수 없', signal: 'prose.topic-refused' },
  // an upgrade or update of anything (not the word "update" alone in Chinese and Japanese, which also means renew)
  { pattern: '升级|升級|更新(?:后|後|之后|之後|了)|アップデート|アップグレード|업데이트|업그레이드', signal: 'prose.after-upgrade' },
  // connection refused
  { pattern: '연결(?:이)? ?거부|接続拒否|接続が[「『]?拒否|拒绝连接|连接被拒绝|連線被拒', signal: 'prose.topic-refused' },
  // memory or CPU exhausted: out of memory, memory limit, memory leak, CPU at full
  { pattern: '内存(?:不足|溢出|限制|耗尽|耗盡|泄漏|泄露|爆了|占满|佔滿|过高|過高)|記憶體(?:不足|溢出|限制|耗盡)|メモリ(?:不足|リーク|制限|の上限)|메모리 ?(?:부족|누수|초과|한도)|CPU(?:占用|使用率)?(?:100|满|滿|飙升|飆升)', signal: 'prose.topic-resources' },
  // health check failing, backend marked down
  { pattern: '健康检查|健康檢查|ヘルスチェック|헬스 ?체크', signal: 'prose.topic-unhealthy' },
  // crashed
  { pattern: '崩溃|崩潰|闪退|閃退|クラッシュ|크래시|비정상 ?종료', signal: 'prose.topic-crash' },
  // certificate mismatch or error, handshake failed (TLS to the backend, in the writers' words)
  { pattern: '证书(?:不匹配|错误|錯誤|过期|無效|无效|校验失败|验证失败)|證書(?:不匹配|錯誤|過期|無效)|握手失败|握手失敗|証明書(?:の)?(?:エラー|不一致|検証)|인증서 ?(?:오류|불일치)', signal: 'prose.topic-backend-tls' },
  // the upstream's scheme is https: forwarding to an HTTPS address ("协议为https", "https转发", "转发到https")
  { pattern: '(?:协议|協議|プロトコル)(?:为|為|是|が)? ?https|(?:转发|轉發|反代|代理)(?:到|至|给|給)? ?https|https ?(?:转发|轉發|反代)', signal: 'prose.topic-scheme-mismatch' },
  // the pool's Load User Profile setting (IIS Manager's own label, translated)
  { pattern: 'ユーザー ?プロファイルの読み込み|加载用户配置文件|載入使用者設定檔|사용자 프로필 로드', signal: 'prose.topic-user-profile' },
  // the site's physical path (IIS Manager's label, translated) said to point elsewhere
  { pattern: '(?:实际|實際|物理)路径|實體路徑|物理パス|실제 경로', signal: 'prose.topic-physical-path' },
  // the application pool's configuration file (WAS event 5189, translated)
  { pattern: 'アプリケーション ?プール(?:の)?構成ファイル|应用程序池配置文件|應用程式集區設定檔', signal: 'prose.topic-pool-config' },
  // the thread pool, starved (its queue growing)
  { pattern: 'スレッド ?プール|线程池|執行緒集區|스레드 ?풀', signal: 'prose.topic-thread-pool' },
  // a virtual directory (IIS Manager's label, translated), and "Convert to Application"
  { pattern: '仮想ディレクトリ|虚拟目录|虛擬目錄|가상 디렉터리|アプリケーションへの変換|转换为应用程序|轉換成應用程式', signal: 'prose.topic-virtual-directory' },
  // the IIS site shown as stopped, a binding conflict (IIS Manager's words, translated)
  { pattern: '(?:网站|站点|網站)(?:显示|顯示)?(?:为|為)?已停止|サイトが停止|サイトを開始できません|绑定冲突|綁定衝突|バインドの競合', signal: 'prose.topic-site-stopped' },
  // the application pool recycled (IIS's translated editions)
  { pattern: '(?:应用程序池|應用程式集區|应用池|程序池)(?:被|的|自动|定期)?回收|(?:アプリケーション ?プール|プール)(?:の|が)?リサイクル|(?:애플리케이션 ?)?풀(?:이|의)? ?재활용', signal: 'prose.after-restart' },
];

/**
 * Files named in a sentence by their own name ("myapp.runtimeconfig.json", "vc_redist.x64.exe"):
 * the terms above match whole words, and a file name's parts are not (a dot joins them). Each
 * needle is looked for in the line as written, case ignored; the fact spans the whole file name.
 */
export const FILE_TERMS: readonly { needle: string; signal: string }[] = [
  { needle: '.runtimeconfig.json', signal: 'prose.topic-runtimeconfig' },
  { needle: '.deps.json', signal: 'prose.topic-deps-json' },
  { needle: 'vc_redist.x', signal: 'prose.topic-vc-redist' },
];

/** Status words that stand for a status when no number is written. */
export const STATUS_WORDS: readonly { pattern: string; status: string }[] = [
  { pattern: 'bad[ -]?gateway', status: '502' },
  { pattern: 'gateway[ -]?time[ -]?outs?|gateway timed out', status: '504' },
  // "a gateway error": what people call a Bad Gateway page when they do not quote it.
  { pattern: 'gateway errors?', status: '502' },
  { pattern: 'service (?:temporarily )?unavailable', status: '503' },
  { pattern: 'internal server error', status: '500' },
];

/** Statuses a bare number in a sentence may be read as. */
export const PROSE_STATUSES: ReadonlySet<number> = new Set([
  400, 401, 403, 404, 408, 413, 414, 429, 431, 460, 499, 500, 501, 502, 503, 504, 520, 521, 522, 523, 524, 525, 526,
]);

/**
 * Topics: words that name a cause or its mechanism ("thread pool starvation", "SNAT",
 * "app_offline", "keep-alive"). People write them in titles and sentences when they suspect or
 * have found the cause; they are evidence of what the problem is about, weaker than a log line.
 */
export const TOPICS: readonly Term[] = [
  {
    pattern:
      "thread[ -]?pool (?:starvation|exhaustion|starved)|starv(?:ed|ing|ation) (?:of )?(?:the )?thread[ -]?pool|sync[ -]over[ -]async|(?:all |every )?(?:the |of the |its )?(?:worker |request )?threads (?:are |were |get |got |seem to be |all )?(?:stuck|blocked|hung|hanging|exhausted|busy)|(?:stuck|blocked|hung|hanging) (?:worker |request )?threads|(?:thread[ -]?count|number of threads|threads? count) (?:climbs|climbed|climbing|grows|grew|growing|increases|increased|increasing|rises|rose|rising|spikes|spiked|explodes|exploded|goes up|went up|keeps (?:growing|climbing|rising|increasing))|threads (?:keep|kept) (?:growing|climbing|increasing|piling up)|thread (?:is |was |gets |got )?(?:stuck|blocked|hung|hanging)|(?:hundreds of|thousands of) threads|(?<=[ \\x28]\\.)(?:Result|Wait\\(\\))(?: calls?| everywhere)?|GetAwaiter\\(\\)\\.GetResult|thread ?pool (?:queue|queue length)(?: (?:grows|grew|growing|keeps growing|climbs|climbing))?",
    signal: 'prose.topic-thread-pool',
  },
  { pattern: 'keep[ -]?alives?(?: time[ -]?outs?)?|idle (?:connection|keep[ -]?alive) time[ -]?outs?', signal: 'prose.topic-keepalive' },
  { pattern: 'app_offline(?:\\.html?)?', signal: 'prose.topic-app-offline' },
  // ".NET Core Windows Server Hosting" is the bundle's name before 2.1.
  { pattern: '(?:windows |server )?hosting bundle|windows server hosting(?: bundle)?|(?:asp\\.net core |aspnetcore )?module (?:is )?not (?:installed|registered|listed|loaded|present|found)|aspnetcore(?:v2)?\\.dll (?:is )?(?:missing|not found|not present)|missing aspnetcore(?:v2)?\\.dll', signal: 'prose.topic-hosting-bundle' },
  { pattern: 'single[ -]file (?:publish(?:ed|ing)?|deploy(?:ment|ments|ed)?|apps?|executables?)', signal: 'prose.topic-single-file' },
  // A proxy that may not open the app's unix socket (its owner or mode, the socket's folder) or,
  // under SELinux, may not connect at all (httpd_can_network_connect, a port not labelled http_port_t).
  {
    pattern:
      'selinux|avc: denied|httpd_can_network_connect|permission denied while connecting|(?:unix|domain|kestrel|app(?:lication)?|upstream|gunicorn|uwsgi|php-fpm|fpm)[ -]?sockets? (?:file )?(?:permissions?|ownership|owner|mode)|(?:permissions?|access|owner(?:ship)?|mode) (?:on|of|to|for) (?:the )?(?:unix |domain |kestrel |app(?:lication)? )?(?:socket|\\.sock)(?: file)?|\\.sock(?: file)? (?:permissions?|ownership)|(?:no|not have|doesn\'t have|does not have|lacks?) (?:the )?permissions? to (?:write to|open|connect to|access|read) (?:the )?(?:unix |domain )?(?:socket|\\.sock|file)|(?:able|unable|allowed) to (?:access|open|read|connect to) (?:the )?(?:[\\w.-]+ )?(?:unix |domain )?socket|sockets? (?:is |was |gets |got )?(?:re-?)?created with (?:the )?(?:wrong )?(?:owner|ownership|permissions?|mode|user|group)' +
      // SELinux switched off or told to allow the proxy's connections.
      '|setenforce 0|setsebool|enforcing mode',
    signal: 'prose.topic-proxy-permission',
  },
  {
    pattern: 'snat(?: ports?)?(?: exhaustion)?|outbound (?:connections?|ports?) (?:exhaust(?:ed|ion)|limits?)|(?:ephemeral |source |outbound )?port exhaustion|ephemeral ports? (?:exhaust(?:ed|ion)|ran out|run out)|socket exhaustion|exhaust(?:s|ed|ing)? (?:the |its |our )?(?:outbound )?connection limits?|(?:no|without|not doing) HttpClient pooling|(?:a )?new HttpClient (?:per|for each|for every|on each|on every) (?:request|call)' +
      // Outbound connections piling up in TIME_WAIT until no local port is left.
      '|(?:\\d+k? )?(?:connections? (?:in |stuck in )?)?TIME_WAIT|ephemeral ports? (?:are |were )?(?:all )?(?:used up|in use|gone)|(?:used up|ran out of|running out of|run out of|exhausted) (?:all )?(?:the |of )?(?:ephemeral|outbound|source|local) ports?' +
      // A new HttpClient for every call, said with the place it is made.
      '|(?:a )?new HttpClient(?:\\(\\))? (?:per|for|in|on) (?:each|every) (?:\\w+ ){0,2}(?:request|call|action|method|invocation|message)s?|(?:creat|instantiat)(?:e|es|ed|ing) (?:a )?new HttpClient(?:\\(\\))?(?: instance)? (?:per|for|in|on) (?:each|every)',
    signal: 'prose.topic-snat',
  },
  // Exit code 137 is 128 + SIGKILL: what Kubernetes and Docker report for an OOM-killed container.
  { pattern: 'exit(?:ed)? (?:with )?(?:code |status )?137|out of memory|oom[ -]?kill(?:ed|er)?|oom|memory (?:limits?|leaks?|pressure)|(?:high|maxed out|100 ?%) (?:cpu|memory)|(?:cpu|memory) (?:(?:is |at |are )?(?:maxed|100 ?%|spikes?|spiking))|(?:accept|listen|syn) (?:queue|backlog) (?:is |was |gets |got )?(?:full|overflow(?:s|ed|ing)?)|(?:silently )?drop(?:s|ped|ping)? (?:the )?syns?', signal: 'prose.topic-resources' },
  { pattern: '(?:backend|upstream|origin)(?: server)? (?:ssl |tls )?certificates?|(?:ssl |tls )?certificate (?:errors?|has expired|expired|is (?:invalid|not trusted|untrusted)|not trusted|mismatch)|(?:expired|invalid|untrusted) (?:ssl |tls )?certificates?|certificate (?:(?:subject |host ?|common )?name )?(?:verify|verification|validation|chain|mismatch|name mismatch)|wildcard certificates?|certificates? (?:was |is |were )?issued (?:for|to) (?:the |a |an )?(?:root |other |another |different |wrong )?(?:domain|host ?name|subdomain|name)|ssl handshake|tls handshake|self[ -]signed|(?:ssl|tls) (?:errors?|failures?|issues?|problems?) (?:between|from|to|with|on|at) (?:the )?(?:proxy|backend|upstream|origin|app|application|gateway|load balancer|server)|(?:cn|common name|subject name) mismatch|sni|proxy_ssl_server_name|(?:tls|ssl) server names?|(?:uses |use |with |speaks? )?(?:tls|ssl) between (?:the |an? |its )?(?:proxy|ingress|nginx|gateway|load balancer|controller)|ssl ?v?[23](?![\\d.])|tls ?v?1(?:\\.[0-3])?(?: \\w+){0,3} (?:not supported|unsupported)|unsupported (?:ssl|tls) protocol(?: versions?)?|(?:ssl|tls) ?v?(?:1(?:\\.[0-3])? )?(?:security |negotiation )?polic(?:y|ies)|min(?:imum)? (?:ssl|tls)(?: protocol)? versions?|destination ?ca ?certificates?|re-?encrypt (?:routes?|termination)' +
      // A TLS version one side requires and the other does not offer ("serving only over TLSv1.3").
      "|(?:only|requires?|requiring|required|enforc(?:es|ed|ing)) (?:over |supports? |accepts? |allows? )?(?:tls|ssl) ?v?1\\.[0-3]|(?:tls|ssl) ?v?1\\.[0-3][ -]only|offered only unsupported versions|(?:tls|ssl) (?:protocol )?versions? mismatch|mismatch(?:ed|ing)? (?:tls|ssl) (?:protocol )?versions?", signal: 'prose.topic-backend-tls' },
  {
    pattern:
      'unhealth?y|health: ?starting|health[ -]?checks?(?![ -]?(?:path|endpoint|url|information|settings?|configuration|to fail|(?:is|are|was|were|keeps?|kept|constantly|always|still|started|start|began|been|being|now|all) ))|health[ -]?probes?(?: checks?)?|(?:responding|responds|respond|answering|answers) to (?:the )?(?:base|root) (?:url|path)(?: requests?)? with (?:an? )?(?:404|403|401|30[12])|readiness (?:probes?|checks?|gates?)|(?:marked|flagged|reported) (?:as )?not ready|health[ -]?checks? (?:path|endpoint|url|information|settings?|configuration|to fail)|health[ -]?checks? (?:(?:is|are|was|were|keeps?|kept|constantly|always|still|started|start|began|been|being|now|all) ){0,3}fail(?:s|ed|ing|ures?)?|target health|fail(?:s|ed|ing)? (?:the |its )?health (?:probes?|checks?)|backend health|(?:can(?:no|\\u2019|\')?t|cannot|could(?:n\\u2019t|\'t| not)|unable to|fails? to) reach (?:the |its |any )?backend (?:pool|servers?|targets?)',
    signal: 'prose.topic-unhealthy',
  },
  { pattern: '(?:web|server) farms?', signal: 'prose.topic-server-farm' },
  {
    pattern:
      "virtual director(?:y|ies)|vdirs?|convert(?:ed|ing)? (?:it |the (?:folder|vdir|virtual directory) )?(?:in)?to (?:an? )?application|directorios? virtual(?:es)?|convertir en (?:aplicación|application)|répertoires? virtuels?|diretórios? virtua(?:l|is)|virtuelles? verzeichnis",
    signal: 'prose.topic-virtual-directory',
  },
  // A child application inherits the parent's aspNetCore handler unless the parent's web.config
  // says inheritInChildApplications="false".
  {
    pattern:
      '(?:sub|child|nested)[ -]?(?:applications?|apps?|sites?)|inheritInChildApplications|(?:aspNetCore )?handler (?:is |was )?(?:not )?removed|remov(?:e|ed|ing) (?:the )?(?:inherited )?(?:aspNetCore )?handlers?|(?:application|app|site) (?:under|inside|within|below) (?:another|an? (?:parent|root)|the (?:parent|root))(?: (?:site|application|app))?',
    signal: 'prose.topic-subapp',
  },
  { pattern: 'runtimeconfig(?:\\.json)?', signal: 'prose.topic-runtimeconfig' },
  { pattern: 'deps\\.json', signal: 'prose.topic-deps-json' },
  { pattern: 'visual c\\+\\+(?: redistributable| runtime)?|vc_?redist|vc\\+\\+ redist(?:ributable)?', signal: 'prose.topic-vc-redist' },
  {
    pattern:
      '(?:client|browser|caller)s? (?:closes|closed|aborts|aborted|disconnects|disconnected|cancels|cancel(?:l)?ed|went away|goes away|hangs up|hung up)(?: the)?(?: connection| request)?|request (?:was |is |gets |got )?(?:aborted|cancel(?:l)?ed) by the (?:client|browser|caller)|(?:client|request) cancel(?:l)?ations?|(?:closed|terminated|aborted|dropped|cancel(?:l)?ed) \\(?by the (?:client|browser|caller|user)\\)?' +
      // The client's own, shorter timeout: "the caller had a 10-second timeout", "matches the caller's own timeout".
      "|(?:client|browser|caller|callers|consumer)(?:'s|s'|s)? (?:own |side )?time[ -]?outs? (?:is |was |of |at )?(?:shorter|lower|smaller|less|only|\\d)|(?:client|caller|consumer)s? (?:had|has|have|uses|used) an? \\d+[- ]?(?:s|sec(?:ond)?s?|min(?:ute)?s?) time[ -]?out|(?:matches|matched|equals|equal to) (?:the )?(?:client|caller)(?:'s)? (?:own )?time[ -]?out|(?:client|caller)s? (?:gave|gives|give) up" +
      // Requests being cancelled, said of the requests ("Request being cancelled is a common situation").
      '|requests? (?:being|is|are|was|were|get|gets|got|getting) cancel(?:l)?ed(?! by the (?:server|proxy|gateway))',
    signal: 'prose.topic-client-aborted',
  },
  {
    // "couldn't connect to the app", but not to a database or another dependency of the app.
    pattern:
      '(?:can(?:no|\\u2019|\')?t|cannot|could(?:n\\u2019t|n\'t| not)|unable to|not able to|fail(?:s|ed)? to) connect(?: to| on| with)?(?! (?:to |on |with )?(?:the |a |my |our |its )?(?:database|db|sql|redis|mongo\\w*|postgres\\w*|mysql|key ?vault|storage|remote server|internet))|connections? refus(?:ed|es|ing)|refus(?:es|ed|ing) (?:the |a |my )?connections?|actively refused|err_connection_refused|econnrefused',
    signal: 'prose.topic-refused',
  },
  {
    pattern:
      'connection (?:was |is |gets |got )?reset|reset by peer|econnreset|err_connection_reset|socket hang up|empty (?:reply|response)|err_empty_response|connections? (?:was |is |were |are |gets |got )?(?:closed|dropped|terminated|aborted|cut) (?:unexpectedly|prematurely|abruptly|without (?:a |any )?(?:response|answer|reply))' +
      // The app closing a connection before any response: "hung up on it before sending any headers", HttpContext.Abort().
      "|(?<=(?:hung up|hangs up|closed|dropped|reset)[^.!?\\n]{0,40} )before (?:sending |writing |returning )?(?:any |the )?(?:response )?headers|HttpContext\\.Abort\\(\\)|(?:context|ctx)\\.Abort\\(\\)",
    signal: 'prose.topic-reset',
  },
  { pattern: 'timed? ?outs?|timing out|timed out', signal: 'prose.topic-timeout' },
  // Also nginx's "upstream sent too big header" written as a slug, and its proxy buffer that holds
  // the response headers (proxy_buffer_size, one memory page: 4 KB or 8 KB).
  {
    pattern:
      '(?:more than|over|above|bigger than|larger than|exceed(?:s|ed|ing)?) (?:the )?\\d+ ?kb? (?:of )?(?:(?:response|request|http) )?headers?|(?:(?:increas|rais|bump|upp)(?:e|es|ed|ing|s)?|(?:bigger|larger)) (?:the )?(?:proxy |header |fastcgi |nginx )?buffers?(?: sizes?)?|(?:response |http )?(?:headers?|cookies?) (?:(?:\\w+ ){0,4}(?:is |are |was |were |gets? |got |become |becomes )?(?:too (?:big|large|long)|(?:bigger|larger|longer) than|(?:over|beyond|above|exceed(?:s|ed|ing)?) (?:the )?\\d+ ?kb)|size)|too many cookies|(?:large|big|huge|bigger|larger|oversized|long|longer|very long) (?:response |http |auth(?:entication)? )?(?:cookies?|headers?)|too[ -]big[ -]headers?|upstream[ -]sent[ -]too[ -]big(?:[ -]header(?:[ -]while[ -]reading[ -]response[ -]header[ -]from[ -]upstream)?)?|proxy[ _]buffer[ _]size|large_client_header_buffers|proxy buffers? (?:is |are )?(?:not (?:big |large )?enough|too small)|(?:proxy |header |fastcgi |uwsgi )?buffers? (?:sizes? )?(?:is |are |was |were )?too small' +
      // A custom header named by itself: "X-Magento-Tags too long", "X-Cache-Tags is too large".
      '|X-[A-Za-z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+){0,4} (?:header )?(?:is |are |was |were |gets? |got )?too (?:big|large|long)|too (?:big|large|long) (?:an? )?X-[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,4}',
    signal: 'prose.topic-header-size',
  },
  // The aspNetCore element's arguments said to be wrong (the dll path). Placeholders left in
  // (%LAUNCHER_PATH% and %LAUNCHER_ARGS% together) are the catalogue's: the process path first.
  {
    pattern:
      '(?:aspNetCore )?arguments(?:=(?:"[^"]{0,200}"|\'[^\']{0,200}\'))?>? (?:in (?:the |my |our )?web\\.config )?(?:is |are |was |were |attribute (?:is |was )?)?(?:wrong|incorrect|invalid|empty|missing)|(?:wrong|incorrect|invalid|empty|missing) (?:aspNetCore |dll |startup )?arguments' +
      // The arguments placeholder left in alone (the process path set): the module passes it on as text.
      '|(?<!LAUNCHER_PATH%[^\\n]{0,80})(?<=%)LAUNCHER_ARGS%(?![^\\n]{0,80}LAUNCHER_PATH)' +
      // The arguments still naming another DLL than the one published ("still names the template project's DLL").
      "|arguments(?: attribute)? (?:still |now )?(?:names?|point(?:s|ed)? (?:to|at)|references?|refers? to|has|had|contains?) (?:the |an? )?(?:old|wrong|previous|template|renamed|former|original|other)",
    signal: 'prose.topic-wrong-arguments',
  },
  // A space in the app's path or name breaks an unquoted processPath or arguments in web.config.
  {
    pattern:
      'spaces? (?:character )?in (?:the |my |our |an? )?(?:[\\w.]+ ){0,2}(?:app(?:lication)?|path|folder|directory|project|assembly|dll|site)(?: name| path| folder)?|(?:path|name|folder|directory)(?: of (?:the |my |our |an? )?(?:[\\w.]+ ){0,2})? (?:with|contains|containing|has|had|have) (?:a |one )?(?:space|blank)s?',
    signal: 'prose.topic-space-in-path',
  },
  {
    pattern:
      'crash(?:es|ed|ing)?|sigsegv|sigabrt|seg(?:mentation )?fault(?:s|ed)?|exit ?code[ =:]?(?:139|134)|exit(?:ed)? (?:with )?(?:code |status )?(?:139|134)|stack ?overflow(?:exception)?|overflow ?exception|stack size|(?:infinite|endless|dependency|circular) recursion|unhandled exceptions?|process (?:exits|exited|dies|died|terminates|terminated|was terminated)|(?:app|application|process|service|worker) (?:keeps? )?(?:dying|dies|died)',
    signal: 'prose.topic-crash',
  },
  {
    pattern:
      'hang(?:s|ing)?|hung|freez(?:e|es|ing)|froze|deadlock(?:s|ed)?|(?:stops?|stopped) (?:responding|(?:processing|handling|serving|accepting|answering) (?:any )?(?:new )?(?:requests|connections))|unresponsive|not responding|becomes? (?:very )?slow',
    signal: 'prose.topic-hang',
  },
  {
    pattern:
      '(?:app(?:lication)?[ -]?)?pools? (?:(?:is|was|are|were|keeps?|gets?|got|just) )?(?:stop(?:s|ped|ping)?|shut(?:s|ting)? down|disabled|crash(?:es|ed|ing)?)|rapid[ -]fail(?: protection)?',
    signal: 'prose.topic-pool-stopped',
  },
  // WebSockets (and SignalR over them) need the proxy to pass the Upgrade handshake on.
  { pattern: 'web ?sockets?|signalr', signal: 'prose.topic-websocket' },
  // gRPC needs HTTP/2 end to end; a proxy that talks HTTP/1.1 to Kestrel breaks it. (HTTP/2 alone
  // is usually the browser's side and says nothing about the hop to the app; HTTP/2 switched on,
  // or an app that speaks it, is a change on that hop.)
  {
    pattern:
      'grpc(?:-web)?|h2c|http/?2 (?:to|with|towards) (?:the |an? |its )?(?:upstream|backend|origin|app|kestrel)|http/?2[ -]only|Http1AndHttp2|(?:enabl|activat)(?:e|es|ed|ing) http/?2|http/?2 (?:is |was |gets |got )?(?:enabled|activated|turned on)|an? http/?2 (?:web )?(?:app(?:lication)?|service|backend|server)s?',
    signal: 'prose.topic-http2',
  },
  // A non-root user or container may not bind a port below 1024 (port 80 of an older image).
  {
    pattern:
      "privileged ports?|ports? (?:below|under) 1024|permissions? to (?:listen|bind)|(?:listen|bind)(?:ing)? permissions?|(?:as |a |the )?non[- ]?root (?:['\"‘’]?\\w+['\"‘’]? )?(?:user|container|account)|(?:runs?|running|ran) as (?:a |the )?non[- ]?root|bind (?:to )?:?(?:port )?(?:80|443) as non[- ]?root|(?:runs?|running|ran) as (?:the )?(?:user )?['\"‘’]?(?:www-data|nobody|appuser|node)(?![\\w-])",
    signal: 'prose.topic-privileged-port',
  },
  // Windows reserves port ranges (Hyper-V, WinNAT: `netsh interface ipv4 show excludedportrange`);
  // binding one fails with "access ... forbidden by its access permissions".
  {
    pattern: 'excluded ?port ?ranges?|port exclusions?|(?:reserved|excluded) ports?|ports? (?:is |are |were )?(?:reserved|excluded) by (?:hyper-v|windows|winnat)|winnat|excludedportrange',
    signal: 'prose.topic-privileged-port',
  },
  // A container on several Docker networks: the proxy dials an address it cannot reach
  // (Traefik's `traefik.docker.network` label picks the one to use).
  {
    pattern: 'traefik\\.docker\\.network|(?:multiple|several|two|different|wrong|separate) (?:docker )?networks',
    signal: 'prose.topic-docker-network',
  },
  // Nothing listens where the proxy connects: the app listens on another port (.NET 8 container
  // images moved the default from 80 to 8080: ASPNETCORE_HTTP_PORTS=8080) or not at all. A
  // "port error" is most often that too.
  {
    pattern:
      '(?:not|no longer|never) listen(?:ing|s)?|(?:isn\'t|wasn\'t|aren\'t|weren\'t|isnt|wasnt) listening|nothing (?:is |was )?listening|listen(?:s|ing)? on (?:the |a )?(?:wrong|another|different|other) port|(?:wrong|incorrect|mismatched) (?:target |container |app(?:lication)? |listening |upstream |backend )?ports?|ports? mismatch|default (?:http |listening |kestrel |container |app )?ports? (?:has |have |had |was |were |is |are )?(?:changed|moved)|(?<=(?<![\\w.])8080,? )(?:instead of|and not|not|rather than) (?:port )?80(?![\\d.])|(?:from )?port 80 to (?:port )?8080|from 80 to 8080|port (?:errors?|issues?|problems?)|(?:listen(?:s|ing|ed)?|bound|bind(?:s|ing)?|runs?|running) (?:only )?(?:on|to) (?:localhost|loopback|127\\.0\\.0\\.1)(?: only)?(?! (?:and|but) (?:0\\.0\\.0\\.0|all))|(?:localhost|loopback) (?:only|instead of (?:0\\.0\\.0\\.0|all (?:interfaces|addresses)))',
    signal: 'prose.topic-not-listening',
  },
  // The port the app is told to listen on: ASP.NET Core's variables (ASPNETCORE_URLS,
  // ASPNETCORE_HTTP_PORTS since .NET 8, ASPNETCORE_PORT set by the ASP.NET Core Module) and the
  // platforms' $PORT (Heroku, Cloud Run, App Service's WEBSITES_PORT); an app that ignores it
  // listens elsewhere and the platform finds nothing on the port it gave.
  {
    pattern:
      'ASPNETCORE_(?:URLS|HTTP_PORTS|HTTPS_PORTS|PORT)|(?:DOTNET_)?HTTP_PORTS|WEBSITES?_PORT|(?<=\\$)PORT|PORT (?:env(?:ironment)?(?: var(?:iable)?s?)?|variable)|boot time[ -]?out',
    signal: 'prose.topic-app-port',
  },
  // Kestrel's "address already in use" (EADDRINUSE; WSAEADDRINUSE's "Only one usage of each socket
  // address"): another process holds the port.
  {
    pattern: '(?:port|address) (?:is |was )?already (?:in use|taken|bound)|eaddrinuse|only one usage of each socket address',
    signal: 'prose.topic-port-in-use',
  },
  // In-process hosting runs one app per application pool (500.35 when a second one starts there).
  {
    pattern:
      '(?:second|another|multiple|several|two|more than one) (?:asp\\.net core |\\.net core |core )?(?:apps?|applications?|sites?|websites?) (?:in|to|into|inside|on|sharing|share|using|use|under) (?:the same |one |a single |an? |the |that |this )?app(?:lication)?[ -]?pool|(?:same|shared|single) app(?:lication)?[ -]?pool|shar(?:e|es|ed|ing) (?:an? |the |one )?app(?:lication)?[ -]?pool|(?:share|shares|sharing) the same (?:worker process|w3wp(?:\\.exe)?|app(?:lication)?[ -]?pool)',
    signal: 'prose.topic-shared-pool',
  },
  // A 32-bit worker process loading a 64-bit build or the reverse (500.32, ERROR_BAD_EXE_FORMAT).
  // x86 as a build target (PlatformTarget, Prefer32Bit, the win-x86 runtime identifier), not the
  // "Program Files (x86)" folder.
  { pattern: '(?<=(?<![\\d.])32[ -]?)bits?|bitness|enable32BitAppOnWin64|enable 32[ -]?bit(?: app(?:lication)?s?)?|(?:win-)?x86(?!\\)|\\w)|platform ?target|prefer ?32[ -]?bit', signal: 'prose.topic-bitness' },
  // LoadUserProfile is the application pool setting; without a profile, Data Protection keys and
  // certificate private keys have nowhere to live.
  // Without a loaded profile %LOCALAPPDATA% is not set for the pool identity.
  { pattern: 'load ?user ?profile|user profile (?:is |was )?not (?:loaded|load)|setProfileEnvironment|localappdata', signal: 'prose.topic-user-profile' },

  // The .NET runtime the app needs is not on the machine (hostfxr: "You must install or update
  // .NET to run this application"; "The framework ... was not found"), said in plain words.
  {
    pattern:
      '(?:(?:\\.?net(?: core)?|dotnet(?: core)?|asp\\.?net ?core|aspnetcore|core|shared) )?(?:runtimes?|frameworks?) (?:\\d+(?:\\.\\d+)* )?(?:is |are |was |were )?(?:not installed|missing|not found|not present|not available)|missing (?:the )?(?:\\.?net(?: core)? |dotnet |asp\\.?net ?core )?(?:runtimes?|shared frameworks?)|(?:wrong|different|older|newer|mismatched) (?:\\.?net(?: core)? |dotnet |asp\\.?net ?core )?runtimes?(?: versions?)?(?: (?:is )?installed)?|runtime versions? mismatch|install(?:ed|ing)? the (?:\\.?net(?: core)? |dotnet |asp\\.?net ?core )?(?:\\d+(?:\\.\\d+)* )?runtime',
    signal: 'prose.topic-runtime-missing',
  },
  // The dotnet host itself cannot be found where the app is started (ANCM's processPath "dotnet"
  // not on the PATH of the worker process: 0x80070002).
  {
    pattern:
      'dotnet(?:\\.exe)? (?:is not|isn\'t|was not|wasn\'t) (?:recognized|recognised|found|installed|on the path|in the path)|dotnet(?:\\.exe)? (?:not found|cannot be found|could not be found|can\'t be found|is missing|missing from the path)|(?:cannot|can\'t|could not|couldn\'t|unable to) find dotnet(?:\\.exe)?|dotnet: (?:command )?not found|command not found: dotnet' +
      // The fix told: the full path to dotnet.exe in processPath instead of "dotnet".
      '|full (?:dotnet(?:\\.exe)? )?path (?:to|of|for) (?:the )?dotnet(?:\\.exe)?|full dotnet(?:\\.exe)? path|(?:absolute|full) path (?:to|of) dotnet(?:\\.exe)?',
    signal: 'prose.topic-dotnet-missing',
  },
  // The proxy speaks plain HTTP to a TLS port, or TLS to a plain one.
  {
    pattern:
      '(?:plain |plain-text |unencrypted )?https? (?:requests? |traffic )?(?:to|on|against|towards) (?:the |an? |its |my |our )?(?:app\'s |application\'s )?(?:https?|tls|ssl|plain(?:[ -]text)?) (?:port|backend|upstream|endpoint|listener)|(?:https|tls|ssl) (?:backend|upstream|origin)s?|(?:points?|pointing|proxy(?:ing)?|forward(?:s|ed|ing)?|rout(?:e|es|ed|ing)) to (?:an? |the |my |our )?https (?:service|server|site|app|endpoint)s?|proxy_pass https|(?:wrong|mismatched|incorrect) (?:scheme|protocol)|(?:scheme|protocol) mismatch|http vs\\.? https|https vs\\.? http|(?:alb|nginx)\\.ingress\\.kubernetes\\.io/backend-protocol|backend[ -]protocol',
    signal: 'prose.topic-scheme-mismatch',
  },
  // Files the app needs were not published or copied (deps.json names an assembly that is not there).
  {
    pattern:
      '(?:dlls?|files?|assembl(?:y|ies)|dependenc(?:y|ies)|packages?|binaries) (?:are |is |were |was )?(?:missing|not (?:published|copied|deployed|included))|missing (?:dlls?|files?|assembl(?:y|ies)|dependenc(?:y|ies)|binaries)|(?:not all|only some|some of the) (?:files?|dlls?|assembl(?:y|ies)) (?:are |were )?(?:published|copied|deployed)|(?:empty|incomplete|partial) (?:publish(?:ed)?|deploy(?:ed|ment)?|bin)(?: folder| directory| output)?',
    signal: 'prose.topic-missing-files',
  },
  // Files of an older build still in the app's folder, or files locked so the new ones could not be written.
  {
    pattern:
      '(?:old|stale|leftover|left[ -]over|outdated|obsolete|previous) (?:dlls?|files?|assembl(?:y|ies)|binaries|builds?|versions? of (?:the |a )?(?:dlls?|files?|assembl(?:y|ies)))|files? (?:are |is |were |was )?(?:locked|in use)|(?:locked|in[ -]use) (?:files?|dlls?)|(?:cannot|can\'t|could not|couldn\'t|unable to) (?:overwrite|replace|delete) (?:the )?(?:dlls?|files?|assembl(?:y|ies))',
    signal: 'prose.topic-stale-files',
  },
  // The app throws while it starts (in-process: 500.30), told in words.
  {
    pattern:
      '(?:exceptions?|errors?|crash(?:es)?|throws?|fails?|failures?) (?:in|during|at|on|inside) (?:the )?(?:startup|program\\.cs|startup\\.cs|configureservices|configure ?services|app(?:lication)? start(?:up)?|main)(?![\\w.])|startup (?:exceptions?|errors?|crash(?:es)?|failures?)|(?:startup|program)\\.cs (?:throws|fails|crashes)|appsettings(?:\\.[\\w-]+)?\\.json (?:is |was |file )?(?:missing|not found|not (?:copied|published|deployed|read))|missing appsettings|(?:list|get|read|access) permissions? (?:on|to|for) (?:the |a )?key ?vault|key ?vault (?:access (?:is )?denied|access polic(?:y|ies)|permissions?)',
    signal: 'prose.topic-startup-exception',
  },
  // CryptographicException on IIS: the pool identity cannot open a private key ("Keyset does not
  // exist", access denied) or has no profile to keep keys in ("The system cannot find the file
  // specified" when a certificate or a Data Protection key is loaded).
  {
    pattern: 'cryptographic ?exceptions?|keyset does not exist|(?:private key|key ?set|key ?ring|data ?protection keys?) (?:is |are |was |were )?(?:not accessible|inaccessible|access denied|not found|missing|cannot be (?:read|opened|accessed))',
    signal: 'prose.topic-crypto-keys',
  },
  // In-process and out-of-process apps in one application pool (500.34).
  {
    pattern:
      'in-?process and out-?of-?process|out-?of-?process and in-?process|mix(?:ing|ed|es)? (?:of )?(?:hosting models|in-?process and out-?of-?process)|(?:different|mixed) hosting models|mixed (?:process|hosting) (?:modes?|models?)',
    signal: 'prose.topic-mixed-hosting',
  },
  // The PROXY protocol header one side sends and the other does not expect (nginx: "broken header").
  { pattern: 'proxy[ _-]protocol|send-proxy(?:-v2)?|accept-proxy', signal: 'prose.topic-proxy-protocol' },
  // A response the proxy cannot parse: header fields twice or at odds, broken chunking, a bad status line.
  {
    pattern:
      'duplicate ["\u201c]?(?:transfer-encoding|content-length)|(?:both |with )?transfer-encoding (?:and|with) content-length|content-length ?(?:and|with|和|与|與|及) ?transfer-encoding|invalid (?:chunked|http) (?:response|encoding|body)|invalid chunked|malformed (?:http )?(?:responses?|status lines?|response headers?)|(?:bad|invalid|broken|corrupt) status lines?|status ?code must be (?:a )?(?:number|numeric|an integer)|response (?:size|body|payload) (?:is |was )?(?:over|exceed(?:s|ed|ing)?|larger than|bigger than|above) (?:the )?(?:[0-9.]+ ?mb|(?:size |payload )?limit)|headers? (?:field |value )?(?:is|was) (?:nil|null|not a string)',
    signal: 'prose.topic-invalid-response',
  },
  // A request the server itself refuses to parse (Kestrel's 400 BadHttpRequestException family).
  {
    pattern:
      'request[ -]lines? (?:[a-z]+ ){0,3}too long|(?:invalid|malformed|bad) request[ -](?:lines?|targets?)|malformed (?:http )?requests?|request smuggling' +
      // A request header the server cannot pass on (invalid characters, a duplicated length), a URL too long.
      "|en-têtes? (?:mal formés?|invalides?|non valides?)|encabezados? (?:mal formados?|inválidos?)|cabeçalhos? (?:mal formados?|inválidos?)|ungültige[nr]? (?:header|kopfzeilen?)" +
      '|(?:invalid|illegal|non-ascii|non-latin|unicode|control) characters? in (?:the |a |its )?(?:request )?headers?|headers? (?:values? )?(?:with|containing|contains|has|had|have) (?:an? )?(?:invalid|illegal|non-ascii|unicode|control|raw|accented|special) (?:characters?|bytes?|newlines?)|headers? with (?:umlauts?|accents?)|(?:duplicate[ds]?|two|multiple|double) content-length(?: headers?| values?)?|content-length (?:header )?(?:sent )?(?:twice|duplicated)|(?:query ?strings?|urls?|uris?) (?:is |are |was |were )?too long|(?:very |too |extremely )long (?:query ?strings?|urls?|uris?)' +
      // Bytes a header may not carry, said the other way round: "accented letters in the X-File-Name header".
      '|headers? (?:values? )?(?:with|containing|contains|has|had|have) (?:an? )?(?:weird|odd|strange|raw|non-ascii|utf-?8|accented)(?: utf-?8)? (?:bytes?|characters?|letters?)|(?:raw |non-ascii |utf-?8 |accented |weird |invalid |illegal )(?:utf-?8 )?(?:bytes?|characters?|letters?) in (?:the |a |an |its )?(?:[\\w-]+ )?headers?',
    signal: 'prose.topic-bad-request',
  },
  // A rolling update or restart (Kubernetes, ECS, Cloud Run): instances are replaced one by one
  // while the proxy or load balancer may still send traffic to the old ones.
  {
    pattern: 'roll(?:ing)?[ -]?outs?|rolling[ -]?(?:updates?|upgrades?|deploy(?:s|ments?)?|restarts?|releases?|replacements?)|rollovers?|(?:routed|routes?|routing|sent|sends?|sending|forwarded|forwards?) (?:the )?(?:traffic|requests?) (?:to|at) (?:the )?(?:new )?(?:[a-z-]+ )?(?:containers?|pods?|instances?|replicas?|tasks?) (?:the moment|as soon as|before|right after)',
    signal: 'prose.topic-rolling',
  },
  // Kubernetes' and the load balancers' ways to let a terminating target finish first.
  {
    pattern: 'pre[ -]?stop(?: hooks?)?|terminationGracePeriodSeconds|termination grace period|deregistration delay|connection draining|deregist(?:er|ers|ered|ering|ration)|delet(?:e|es|ed|ing) (?:a |the |some |old |running )?pods?|pods? (?:is |are |was |were |get |gets |got |being )?(?:deleted|replaced)|(?:drain|drains|drained|draining) (?:(?:the|its|their|in-?flight|open|existing|active) )?(?:connections|requests)|sigterm|(?:pods?|destinations?|targets?|replicas?) (?:has |have |had |was |were |is |are )?(?:shut ?down|terminat(?:ed|ing)|being terminated)|(?:wait|waits|waiting|waited) for (?:the )?(?:open |existing |in-?flight )?connections? to drain|(?:routing|routed|sending|sent|traffic) to (?:non-?existent|stale|terminat(?:ed|ing)|deleted|dead) (?:endpoints?|pods?|targets?|instances?)',
    signal: 'prose.topic-shutdown',
  },
  // The app stops its own host: StopApplication, a background service whose exception stops the
  // host, or a second host built and disposed in the same process (in-process IIS then answers 503).
  {
    pattern:
      'StopApplication|(?:I(?:Host)?ApplicationLifetime)|host instances|(?:extra|redundant|second|another|multiple) (?:web ?)?hosts? (?:instances?|builders?|(?:is |was )?(?:created|built|disposed))|(?:redundant|multiple|extra) (?:Create(?:Default)?Builder|CreateHostBuilder|WebApplication\\.CreateBuilder) calls|BackgroundService(?:s)? (?:exceptions?|stops?|stopped|stopping|crash(?:es|ed)?)|(?:the )?host (?:is |was )?(?:shutting down|shut down|stopp(?:ed|ing))|(?:creat|build|dispos)(?:e|es|ed|ing)(?: and (?:creat|build|dispos)(?:e|es|ed|ing))? (?:a |an )?(?:extra|second|another|redundant) (?:web ?)?host' +
      // The app stopping itself, told as such: "shuts down on its own", "a clean graceful stop with no crash".
      "|(?:shuts?|shutting|shut) (?:itself )?down (?:on its own|by itself)|(?:clean|graceful|normal) (?:stop|shutdown|host shutdown)(?: of the host)?(?:,? with)? no (?:crash|exception|error)|application is shutting down",
    signal: 'prose.topic-host-stopped',
  },
  // Windows' ERROR_ACCESS_DENIED text and the identities IIS runs as (IIS_IUSRS, IUSR, IIS AppPool\<pool>).
  {
    pattern:
      'access (?:is |was )?denied|access to the (?:path|file|folder|directory)|UnauthorizedAccessException|(?:ntfs|folder|file|directory|read|write) (?:permissions?|rights|access)|permissions? (?:on|to|for) (?:the )?(?:app |site |web |publish |application )?(?:folder|directory|files?)|iis_iusrs|iusr|iis apppool|(?:app(?:lication)?[ -]?pool )?identity (?:has |had |does not have |doesn\'t have |did not have |lacks )?(?:no )?(?:access|permissions?|rights)',
    signal: 'prose.topic-access-denied',
  },
  // The IIS role services the module needs ("CoreWebEngine and W3SVC features must be installed").
  {
    pattern:
      'CoreWebEngine|W3SVC features?|(?:iis|windows|server) (?:role )?features? (?:is |are |were |was )?(?:not installed|missing|not enabled)|turn windows features on' +
      // IIS's optional modules and role services named as missing: URL Rewrite, Application
      // Initialization, the WebSocket Protocol.
      "|(?:url rewrite|application initialization|app init|websocket protocol)(?: \\d(?:\\.\\d)?)?(?: module| feature| role service)? (?:is ?n[o'’]t|is not|was ?n[o'’]t|was not|not) (?:installed|enabled|present)|(?:lacks|lacking|missing|without|no) (?:the )?(?:iis )?(?:url rewrite|application initialization|websocket protocol)(?: \\d(?:\\.\\d)?)?(?: module| feature)?",
    signal: 'prose.topic-iis-features',
  },
  // A site whose physical path holds no app: IIS lists the folder (403.14) or finds nothing.
  {
    pattern:
      "physical path (?:is |was )?(?:wrong|incorrect|pointing|points|set to (?:the )?wrong)|directory (?:listing|browsing)" +
      // IIS Manager's "physical path", translated.
      "|percorso fisico|chemin (?:d'accès )?physique|ruta física|caminho físico|physischen? pfad",
    signal: 'prose.topic-physical-path',
  },
  // App Service runs the runtimes it has; newer ones came as site extensions or with a rollout.
  {
    pattern:
      '(?:asp\\.net core |aspnetcore )?(?:runtime )?site extensions?|(?:runtime|sdk|core|aspnetcore) (?:\\d+(?:\\.\\d+)* )?(?:sdk |runtime )?(?:site )?extensions?|not (?:yet )?(?:available|supported|installed|rolled out) (?:on|in) (?:azure|app service|the app service)|(?:azure|app service) (?:does not|doesn\'t|did not|didn\'t) (?:yet )?(?:support|have) (?:the |this |that )?(?:[a-z0-9.]+ ){0,2}(?:runtime|version|\\.net|asp\\.net)',
    signal: 'prose.topic-azure-runtime',
  },
  // App Service's own restarts: Auto-Heal and Proactive Auto-Heal, a slot swap (the target slot's
  // instances restart with the swapped settings), a platform upgrade, and a change of app
  // settings saved in the portal (it restarts the app).
  {
    pattern:
      "(?:proactive )?auto[ -]?heal(?:ing)?|(?:deployment )?slot swaps?|swap(?:s|ped|ping)? (?:the )?(?:deployment |staging |production )?slots?|swap(?:s|ped|ping)? (?:from )?staging (?:to|into|with) prod(?:uction)?|web app restarted|platform (?:upgrades?|maintenance)|(?:app|application) settings? (?:are |is |were |was )?(?:changed|updated|saved|edited)|(?:chang|updat|sav|edit)(?:e|es|ed|ing) (?:the |an? )?(?:app|application) settings?",
    signal: 'prose.topic-app-service-restart',
  },
  // The module's request handlers (aspnetcorev2_inprocess.dll, aspnetcorev2_outofprocess.dll)
  // named, or said to be missing.
  {
    pattern:
      "aspnetcorev2_inprocess(?:\\.dll)?(?=[^\\n]{0,100}?(?:missing|not (?:be )?found|could ?n[o'’]t be (?:found|loaded)|cannot be (?:found|loaded)|fail(?:s|ed)? to load))|(?<=(?:find|load|locate)[^.\\n]{0,30})aspnetcorev2_inprocess(?:\\.dll)?|in-?process (?:request )?handler(?: dll)? (?:is |was )?(?:missing|not found|could ?n[o'’]t be (?:found|loaded)|cannot be (?:found|loaded)|can[o'’]?t be (?:found|loaded)|fail(?:s|ed)? to load)",
    signal: 'prose.topic-inprocess-handler',
  },
  {
    pattern:
      "aspnetcorev2_outofprocess(?:\\.dll)?(?=[^\\n]{0,100}?(?:missing|not (?:be )?found|could ?n[o'’]t be (?:found|loaded)|cannot be (?:found|loaded)|fail(?:s|ed)? to load))|(?<=(?:find|load|locate)[^.\\n]{0,30})aspnetcorev2_outofprocess(?:\\.dll)?|out-?of-?process (?:request )?handler(?: dll)? (?:is |was )?(?:missing|not found|could ?n[o'’]t be (?:found|loaded)|cannot be (?:found|loaded)|can[o'’]?t be (?:found|loaded)|fail(?:s|ed)? to load)",
    signal: 'prose.topic-outofprocess-handler',
  },
  // WAS could not write the pool's configuration (event 5189: applicationHost.config wrong, the
  // appPools folder under inetpub\temp locked or not writable).
  {
    pattern:
      '(?:was |event (?:id )?)5189|(?:application |app )?pool config(?:uration)? files?|appPools (?:folder|directory)|inetpub\\\\temp\\\\appPools|failed to generate (?:an |the )?(?:application |app )?pool config',
    signal: 'prose.topic-pool-config',
  },
  // The IIS site itself stopped or not bound to the name or port asked for.
  // Also a site that will not start (its port taken by another program: IIS Manager then says "The
  // process cannot access the file because it is being used by another process").
  {
    pattern:
      "(?:web ?)?sites? (?:is |are |was |were )?(?:stopped|not started)|(?:web ?)?sites? (?:won'?t|will not|wouldn'?t|does ?n[o']t|did ?n[o']t|can ?n[o']t|could ?n[o']t|fail(?:s|ed)? to) start|(?:cannot|can'?t|unable to|could ?n[o']t) start (?:the |a |my |our |any )?(?:iis )?(?:web ?)?sites?|(?:site |hostname |https? )?bindings? (?:is |are |was |were )?(?:wrong|missing|incorrect)",
    signal: 'prose.topic-site-stopped',
  },
  // A web.config IIS cannot read (500.19: malformed XML, a duplicate entry).
  {
    pattern:
      '(?:malformed|invalid|corrupt(?:ed)?|broken) web\\.config|web\\.config (?:is |was )?(?:malformed|invalid|corrupt(?:ed)?|broken)|duplicate (?:collection entry|section|handler)|cannot read configuration file',
    signal: 'prose.topic-web-config-invalid',
  },
  // The ASP.NET Core Module's stdout log path: a relative or missing folder it cannot write to.
  // "Incorrect log path in web.config": the only log path web.config holds is the module's.
  {
    pattern:
      'stdout ?log(?:file)? (?:path|folder|directory|location)|stdoutLogFile ?= ?["\']?\\.?\\\\+logs|(?<=(?:wrong|incorrect|invalid|bad|missing) )logs? (?:path|folder|directory)(?= (?:in|of|from) (?:the |my |our )?web\\.config)' +
      // The log folder the pool cannot write to, and a log file that never appears.
      '|(?<=(?:permissions?|rights|writ(?:e|able)|access (?:to|on|for)) [^.!?\\n]{0,40})logs? (?:folder|directory|dir)(?![a-z])|logs? (?:folder|directory) (?:is |was )?(?:not writable|read-only|not created)' +
      "|(?:could ?n[o']t|cannot|can'?t|unable to) (?:get|make) (?:the |any )?(?:stdout )?log(?: files?)? to (?:output|write|be (?:written|created))|no (?:stdout )?log files? (?:is |was |were |are )?(?:ever )?(?:created|written|generated)|(?:stdout )?log files? (?:is|was|were|are) (?:never|not) (?:created|written|generated)",
    signal: 'prose.topic-stdout-log',
  },
];
