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
  { pattern: 'app(?:lication)?[ -]?gateway|appgw', server: 'azure-app-gateway' },
  { pattern: 'front[ -]?door', server: 'azure-front-door' },
  { pattern: 'AFD', server: 'azure-front-door', exact: true },
  {
    pattern:
      'azure app[ -]?services?|app[ -]?services?|azure web[ -]?apps?|web[ -]?apps? (?:on|in) azure|azurewebsites(?:\\.net)?|kudu',
    server: 'azure-app-service',
  },
  {
    pattern: 'aws (?:application |elastic |classic )?load[ -]?balancers?|(?:application|elastic) load[ -]?balancers?',
    server: 'aws-alb',
  },
  { pattern: 'ALBs?|ELBs?', server: 'aws-alb', exact: true },
  { pattern: 'application request routing', server: 'iis' },
  { pattern: 'ARR', server: 'iis', exact: true },
  { pattern: 'asp\\.net core module(?: v2)?|aspnetcoremodule(?:v2)?|ANCM', server: 'iis' },
  { pattern: 'IIS|w3wp(?:\\.exe)?', server: 'iis' },
  { pattern: 'kestrel', server: 'kestrel' },
  { pattern: 'nginx|openresty', server: 'nginx' },
  { pattern: 'apache(?: httpd)?|httpd|mod_proxy', server: 'apache' },
  { pattern: 'YARP', server: 'yarp' },
  { pattern: 'cloudflare', server: 'cloudflare' },
  { pattern: 'kubernetes|k8s|AKS|EKS|GKE|ingress(?:es)?|kubectl|pods?', server: 'kubernetes' },
  { pattern: 'traefik', server: 'traefik' },
  { pattern: 'haproxy', server: 'haproxy' },
  { pattern: 'caddy', server: 'caddy' },
  { pattern: 'envoy|istio', server: 'envoy' },
  { pattern: 'docker(?:[ -]compose)?|containers?', server: 'docker' },
  { pattern: 'load[ -]?balancers?', signal: 'prose.load-balancer' },
  { pattern: 'LBs?', signal: 'prose.load-balancer', exact: true },
];

/** Triggers: when or under what the failure happens. */
export const TRIGGERS: readonly Term[] = [
  {
    pattern:
      '(?:windows|os|operating system|feature|cumulative) (?:updates?|upgrades?)|(?:updat|upgrad)(?:e|ed|ing) (?:windows|the os|the server os)',
    signal: 'prose.after-os-upgrade',
  },
  {
    pattern:
      'deploy(?:s|ed|ing|ments?)?|re-?deploy(?:s|ed|ing|ments?)?|publish(?:es|ed|ing)?|roll(?:ing)?[ -]?outs?|rolled out|releas(?:e|es|ed|ing)|new version|swap(?:s|ped|ping)? (?:the )?slots?|slot swaps?',
    signal: 'prose.after-deploy',
  },
  { pattern: 'upgrad(?:e|es|ed|ing)|updat(?:e|es|ed|ing)|migrat(?:e|ed|ing) to', signal: 'prose.after-upgrade' },
  { pattern: 'log(?:ging)?[ -]?in|logs in|logged in|sign(?:ing)?[ -]?in|signs in|signed in|authenticat(?:e|es|ed|ing|ion)', signal: 'prose.after-login' },
  { pattern: 'restart(?:s|ed|ing)?|recycl(?:e|es|ed|ing)|reboot(?:s|ed|ing)?|app pool recycles?', signal: 'prose.after-restart' },
  { pattern: 'scal(?:e|es|ed|ing)[ -](?:down|in)|autoscal(?:e|es|ed|ing|er)|scale[ -]?in events?', signal: 'prose.scale-in' },
  {
    pattern:
      'under (?:heavy |high |some |peak )?load|high (?:traffic|load)|heavy (?:traffic|load)|load[ -]?test(?:s|ing)?|traffic (?:spikes?|peaks?)|peak (?:hours?|traffic|load)|(?:many|lots of|hundreds of|thousands of) (?:concurrent |simultaneous |parallel )?(?:users|requests|connections)',
    signal: 'prose.under-load',
  },
  {
    pattern:
      '(?:large|big|huge|bigger|larger) (?:file )?(?:uploads?|files?|bodies|body|payloads?|posts?|requests?)|upload(?:ing|s)? (?:a )?(?:large|big|huge|bigger|larger)|file uploads?|uploading',
    signal: 'prose.large-upload',
  },
  {
    pattern:
      'long[ -]running|(?:long|large|big|heavy|slow) (?:reports?|exports?|queries|query|requests?|operations?|jobs?|calls?)|reports? (?:that )?takes? (?:a )?long|takes? (?:a )?long time|generat(?:e|es|ing) (?:a )?reports?',
    signal: 'prose.long-request',
  },
  { pattern: 'idle|inactiv(?:e|ity)|after a while|after some time|(?:quiet|idle) periods?', signal: 'prose.idle' },
  {
    pattern: 'random(?:ly)?|intermittent(?:ly)?|sporadic(?:ally)?|occasional(?:ly)?|sometimes|from time to time|now and (?:then|again)|flak(?:y|iness)|every (?:now|once)',
    signal: 'prose.intermittent',
  },
  {
    pattern: '(?:every|each|all|any) (?:single )?(?:requests?|pages?|calls?|endpoints?|routes?)|the (?:whole|entire) (?:site|app)|always (?:returns?|gets?|fails?|gives?)|never (?:works?|loads?|starts?)',
    signal: 'prose.every-request',
  },
  {
    pattern: '(?:the )?first (?:request|call|hit|load)|cold[ -]?starts?|warm[ -]?up|slow (?:to )?start(?:s|ing|up)?|(?:app|application) start(?:s|up)?|startup',
    signal: 'prose.first-request',
  },
];

/** Status words that stand for a status when no number is written. */
export const STATUS_WORDS: readonly { pattern: string; status: string }[] = [
  { pattern: 'bad[ -]?gateway', status: '502' },
  { pattern: 'gateway[ -]?time[ -]?outs?|gateway timed out', status: '504' },
  { pattern: 'service (?:temporarily )?unavailable', status: '503' },
  { pattern: 'internal server error', status: '500' },
];

/** Statuses a bare number in a sentence may be read as. */
export const PROSE_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 408, 413, 414, 429, 431, 499, 500, 501, 502, 503, 504]);
