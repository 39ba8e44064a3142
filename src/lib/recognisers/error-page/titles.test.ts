import { describe, expect, it } from 'vitest';
import { BOILERPLATE, classifyTitle, PHRASES, phraseMeaning } from './titles.ts';

describe('classifyTitle', () => {
  it('uses the sub-status for 500.31-500.38 whatever the generation of the words', () => {
    expect(classifyTitle(500, 31, 'ANCM Failed to Find Native Dependencies').signal).toBe('error-page.ancm-500-31');
    expect(classifyTitle(500, 31, 'Failed to load ASP.NET Core runtime').signal).toBe('error-page.ancm-500-31');
    expect(classifyTitle(500, 36, 'anything')).toEqual({ signal: 'error-page.ancm-500-36', hosting: 'out-of-process' });
    expect(classifyTitle(500, 34, '')).toEqual({ signal: 'error-page.ancm-500-34' });
  });
  it('needs the words for 500.0 and the shadow-copy 500.30', () => {
    expect(classifyTitle(500, 0, 'Internal Server Error')).toEqual({});
    expect(classifyTitle(500, 0, 'ASP.NET Core IIS hosting failure (in-process)').hosting).toBe('in-process');
    expect(classifyTitle(500, 30, 'ASP.NET Core app failed to start - No permissions to shadow copy directory').signal).toBe(
      'error-page.ancm-500-30-shadow-copy',
    );
  });
  it('knows 502.5, 500.21 and 403.14, and nothing for plain statuses', () => {
    expect(classifyTitle(502, 5, 'Process Failure').signal).toBe('error-page.ancm-502-5');
    expect(classifyTitle(500, 21, 'Internal Server Error').signal).toBe('error-page.bad-module');
    expect(classifyTitle(403, 14, 'Forbidden').signal).toBe('error-page.iis-403-14');
    expect(classifyTitle(502, 3, 'Bad Gateway')).toEqual({});
    expect(classifyTitle(404, 0, 'Not Found')).toEqual({});
  });
});

describe('phrases', () => {
  it('gives every phrase PHRASES can match a meaning', () => {
    const samples = [
      'The operation timed out',
      'A connection with the server could not be established',
      'The connection with the server was terminated abnormally',
      'The server returned an invalid or unrecognized response',
      'The parameter is incorrect',
      'missing a section declaration',
      'Unrecognized configuration section system.webServer/aspNetCore',
      'Cannot add duplicate collection entry',
      'Cannot read configuration file due to insufficient permissions',
      'not well-formed XML',
      'Unrecognized attribute',
      'This configuration section cannot be used at this path',
      'has a bad module',
      'app_offline.htm',
    ];
    for (const s of samples) {
      PHRASES.lastIndex = 0;
      const m = PHRASES.exec(`x ${s} y`);
      expect(m?.[0], s).toBe(s);
      const meaning = phraseMeaning(m?.[0] ?? '');
      expect(meaning.winhttp ?? meaning.signal, s).toBeTruthy();
    }
    expect(phraseMeaning('something else')).toEqual({});
  });
  it('tells an unrecognized module attribute from any other by the name IIS gives', () => {
    const meaningOf = (text: string) => {
      PHRASES.lastIndex = 0;
      return phraseMeaning(PHRASES.exec(text)?.[0] ?? '').signal;
    };
    expect(meaningOf("Config Error Unrecognized attribute 'hostingModel'. Note that attribute names are case-sensitive.")).toBe(
      'error-page.config-unrecognized-attribute',
    );
    expect(meaningOf("Config Error   Unrecognized attribute 'removeServerHeader'")).toBe('error-page.config-unrecognized-attribute-other');
    expect(meaningOf('Config Error   Unrecognized attribute')).toBe('error-page.config-unrecognized-attribute');
  });
  it('recognises page boilerplate', () => {
    expect(BOILERPLATE.test('Troubleshooting steps:')).toBe(true);
    expect(BOILERPLATE.test('ASP.NET Core app failed to start after 120000 milliseconds')).toBe(true);
    expect(BOILERPLATE.test('Our deploy pipeline ran at noon')).toBe(false);
  });
});
