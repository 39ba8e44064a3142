import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import { findRecords, isIdLabel, providerOf } from './records.ts';

const records = (text: string) => findRecords(text, indexLines(text));

describe('providerOf / isIdLabel', () => {
  it('knows the providers, also cut short by a table', () => {
    expect(providerOf('IIS AspNetCore Module V2')).toMatchObject({ family: 'ancm', server: 'iis' });
    expect(providerOf('IIS Express AspNetCore Module V2')).toMatchObject({ family: 'ancm', server: 'iis-express' });
    expect(providerOf('Microsoft-Windows-WAS')?.family).toBe('was');
    expect(providerOf('IIS AspNetCore Mod...')?.family).toBe('ancm');
    expect(providerOf('IIS...')).toBeUndefined(); // IIS and IIS Express modules differ in server
    expect(providerOf('Application')).toBeUndefined();
  });

  it('recognises id labels in several languages but not process ids', () => {
    for (const l of ['Event ID', 'Id', 'InstanceId', 'Ereignis-ID', "ID de l’événement", 'Id. del evento', 'イベント ID', 'Код события', 'Olay Kimliği']) {
      expect(isIdLabel(l), l).toBe(true);
    }
    for (const l of ['Process Id', 'ProcessId', 'Thread Id', 'EventRecordID']) expect(isIdLabel(l), l).toBe(false);
  });
});

describe('findRecords', () => {
  it('splits Format-List records and keeps each time with its record', () => {
    const text = [
      'TimeCreated  : 3/5/2024 10:14:22 AM',
      'ProviderName : IIS AspNetCore Module V2',
      'Id           : 1000',
      'Message      : one',
      '',
      'TimeCreated  : 3/5/2024 10:15:22 AM',
      'ProviderName : Microsoft-Windows-WAS',
      'Id           : 5002',
      'Message      : two',
    ].join('\n');
    const r = records(text);
    expect(r.map((x) => [x.provider?.value.family, x.id?.value, x.time?.value])).toEqual([
      ['ancm', 1000, '2024-03-05T10:14:22'],
      ['was', 5002, '2024-03-05T10:15:22'],
    ]);
    expect(text.slice(r[0]!.start, r[0]!.end)).toContain('Message      : one');
    expect(text.slice(r[0]!.start, r[0]!.end)).not.toContain('two');
  });

  it('merges "Copy details" text with its Event Xml, keeps separate XML events apart', () => {
    const text = [
      'Source: IIS AspNetCore Module V2',
      'Event ID: 1004',
      'Description:',
      'msg',
      'Event Xml:',
      '<Event xmlns="x"><System><Provider Name="IIS AspNetCore Module V2" /><EventID Qualifiers="0">1004</EventID><TimeCreated SystemTime="2024-01-02T03:04:05Z" /></System></Event>',
      '<Event><System><Provider Name=".NET Runtime"/><EventID>1026</EventID></System></Event>',
    ].join('\n');
    const r = records(text);
    expect(r).toHaveLength(2);
    expect(r[0]).toMatchObject({ format: 'label', id: { value: 1004 }, time: { value: '2024-01-02T03:04:05Z' } });
    expect(r[1]).toMatchObject({ format: 'xml', id: { value: 1026 } });
    expect(r[1]!.provider?.value.family).toBe('dotnet-runtime');
  });

  it('reads table rows, with the provider from a column or the group line, and wrapped continuation lines', () => {
    const text = [
      '   ProviderName: IIS AspNetCore Module V2',
      '',
      'TimeCreated                     Id LevelDisplayName Message',
      '-----------                     -- ---------------- -------',
      '3/5/2024 10:14:22 AM          1010 Error            Failed to start application',
      "                                                    '/LM/W3SVC/1/ROOT', ErrorCode '0x800700c1'.",
      '',
      '   Index Time          EntryType   Source                 InstanceID Message',
      '   ----- ----          ---------   ------                 ---------- -------',
      '    1234 Mar 05 10:14  Error       IIS AspNetCore Mod...        1000 Application ...',
    ].join('\n');
    const r = records(text);
    expect(r.map((x) => [x.format, x.provider?.value.family, x.id?.value])).toEqual([
      ['table', 'ancm', 1010],
      ['table', 'ancm', 1000],
    ]);
    expect(text.slice(r[0]!.start, r[0]!.end)).toContain("ErrorCode '0x800700c1'");
    expect(r[0]!.time?.value).toBe('2024-03-05T10:14:22');
  });

  it('reads tab-delimited export rows', () => {
    const text = 'Error\t3/5/2024 10:16:40 AM\tMicrosoft-Windows-WAS\t5002\tNone\tApplication pool ...';
    expect(records(text)[0]).toMatchObject({ format: 'tab', id: { value: 5002 }, time: { value: '2024-03-05T10:16:40' } });
  });

  it('ignores label lines that are not event frames', () => {
    expect(records('Process Id: 4120.\nApplication: w3wp.exe\nNote: 1000 things')).toEqual([]);
  });
});
