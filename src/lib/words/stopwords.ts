/**
 * Words that say nothing about a cause: English function words, pronouns ("something", "nothing") and the small talk of a
 * help request ("please", "help", "thanks", "again"), and the names anyone gives the thing that
 * fails ("the website", "the site"). The word model (model.ts) neither learns nor
 * reads them alone; a pair of words counts unless both are here. Lower-case.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also am an and any anyone anything are aren't around as at
  be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't
  doing don't done down during each either else even ever every everything few for from further get gets getting got
  had hadn't has hasn't have haven't having he her here hers herself him himself his how however i i'm i've if in
  into is isn't it it's its itself just let let's like me might more most much must my myself need needs no nor not
  now of off on once one only or other others our ours ourselves out over own per please same she should shouldn't
  so some someone something still such than that that's the their theirs them themselves then there there's these
  they they're thing things this those though through to too under until up upon us use used using very via was
  wasn't we we're we've well were weren't what what's when where whether which while who whom whose why will with
  within without won't would wouldn't yet you you're you've your yours yourself yourselves
  nothing nobody
  hi hello hey thanks thank regards help helps helped anybody somebody everyone everybody guys guy hope really actually basically
  advance idea ideas appreciate appreciated kindly greetings
  maybe probably sure okay ok yes yeah also already always sometimes often never time times way ways day days
  know think see seems seem seemed want wanted tried try trying look looking looked make makes made go going goes went
  come comes came take takes took give gives gave new old good bad great best better
  website site webpage`.split(/\s+/).filter((w) => w !== ''),
);
