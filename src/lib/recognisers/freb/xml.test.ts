import { describe, expect, it } from 'vitest';
import { readFrebDocument } from './xml.ts';

const doc = (inner: string) =>
  `<?xml version="1.0"?><failedRequest url="/a?x=1&amp;y=2" statusCode="502.3">${inner}</failedRequest>`;

describe('readFrebDocument', () => {
  it('reads root attributes, event names, Data and descriptions', () => {
    const d = readFrebDocument(
      doc(
        '<Event><System><Opcode>16</Opcode></System><EventData><Data Name="HttpStatus">502</Data><Data Name="ErrorCode"><![CDATA[2147954402]]></Data></EventData>' +
          '<RenderingInfo><Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode><freb:Description Data="ErrorCode">The operation timed out (0x80072ee2)</freb:Description></RenderingInfo></Event>',
      ),
    );
    expect(d?.attrs).toMatchObject({ url: '/a?x=1&y=2', statusCode: '502.3' });
    expect(d?.events).toEqual([
      {
        opcode: 'MODULE_SET_RESPONSE_ERROR_STATUS',
        fields: { HttpStatus: '502', ErrorCode: '2147954402' },
        descriptions: { ErrorCode: 'The operation timed out (0x80072ee2)' },
      },
    ]);
  });
  it('returns undefined for malformed XML or another root', () => {
    expect(readFrebDocument(doc('<Event><Data Name="a">x</Event>'))).toBeUndefined();
    expect(readFrebDocument('<configuration/>')).toBeUndefined();
    expect(readFrebDocument('')).toBeUndefined();
  });
});
