import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { recogniser } from './recogniser.ts';
import { indexLines } from '../../engine/lines.ts';

function signals(input: string): string[] {
  return recogniser.recognise(input, indexLines(input)).filter((f) => f.name === 'signal').map((f) => String(f.value));
}

describe('Heroku error codes told bare', () => {
  it.each([
    ['When a large upload runs, Heroku sends a H13 Error', 'proxy-upstream-closed'],
    ['Requests to my heroku app time out with error code H12 after a while', 'proxy-upstream-timeout'],
    ['the dyno logs show R14 errors and then the app answers slowly', 'resource-exhaustion'],
    ['Heroku: code: H21 every time I open the site', 'proxy-upstream-refused'],
    ['H10 error on Heroku right after the build succeeded', 'process-start-failure'],
  ])('%s -> %s', (input, cause) => {
    expect(diagnose(input).findings[0]?.cause).toBe(cause);
  });

  it('needs Heroku named and the word error or code beside the code', () => {
    expect(signals('the formula in H12 returns an error')).toEqual([]);
    expect(signals('Heroku: the value in cell H12 is empty')).toEqual([]);
    expect(signals('heroku says H12 error')).toEqual(['cloud-lb.heroku-code-h12']);
    // The Procfile declares Heroku's process types: naming it names the platform.
    expect(signals('Procfile is there but still getting error H14')).toEqual(['cloud-lb.heroku-code-h14']);
  });

  it('leaves the router and dyno forms to the message catalogue', () => {
    expect(signals('heroku[router]: at=error code=H12 desc="Request timeout" status=503')).toEqual([]);
    expect(signals('heroku[web.1]: Error R14 (Memory quota exceeded)')).toEqual([]);
  });

  it('knows no code Heroku does not document', () => {
    expect(signals('heroku error H99')).toEqual([]);
  });
});
