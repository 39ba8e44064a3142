/**
 * Enumerations shared by the content schemas, the pages and the engine. One place, so a typo in
 * front matter fails the build.
 */
import causes from '../../../content/data/causes.json' with { type: 'json' };

export const SERVERS = [
  'iis',
  'azure-app-service',
  'nginx',
  'apache',
  'yarp',
  'aws-alb',
  'azure-app-gateway',
  'kubernetes',
] as const;
export type Server = (typeof SERVERS)[number];

export const SERVER_LABELS: Record<Server, string> = {
  iis: 'IIS',
  'azure-app-service': 'Azure App Service',
  nginx: 'nginx',
  apache: 'Apache',
  yarp: 'YARP',
  'aws-alb': 'AWS ALB',
  'azure-app-gateway': 'Azure Application Gateway',
  kubernetes: 'Kubernetes',
};

export const HOSTING_MODELS = ['in-process', 'out-of-process', 'any'] as const;
export type HostingModel = (typeof HOSTING_MODELS)[number];

export const HOSTING_LABELS: Record<HostingModel, string> = {
  'in-process': 'In-process',
  'out-of-process': 'Out-of-process',
  any: 'Any hosting model',
};

export interface CauseInfo {
  id: string;
  group: 'iis-ancm' | 'azure-app-service' | 'reverse-proxy';
  title: string;
  signal: string;
  scope: string;
}

export const CAUSES = causes as CauseInfo[];
export const CAUSE_IDS: ReadonlySet<string> = new Set(CAUSES.map((c) => c.id));

export const CAUSE_GROUPS: { id: CauseInfo['group']; label: string }[] = [
  { id: 'iis-ancm', label: 'IIS and the ASP.NET Core Module' },
  { id: 'azure-app-service', label: 'Azure App Service' },
  { id: 'reverse-proxy', label: 'Reverse proxies and load balancers' },
];
