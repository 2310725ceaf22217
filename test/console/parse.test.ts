import { describe, expect, test } from 'vitest';
import { ConsoleFailure } from '../../console/errors.js';
import { joinScriptLines, parseLine } from '../../console/parse.js';

const parseFailure = (line: string): string => {
  try {
    parseLine(line);
  } catch (error) {
    if (error instanceof ConsoleFailure) return error.record.errorId;
    throw error;
  }
  throw new Error(`"${line}" parsed`);
};

describe('parseLine', () => {
  test('reads a cmdlet with a named value, a switch, a quoted string and a list', () => {
    const [statement] = parseLine("New-MigrationBatch -Name 'Cutover Batch' -AutoStart -NotificationEmails a@x.com,b@x.com");
    expect(statement!.pipeline).toEqual([{
      name: 'New-MigrationBatch',
      args: [
        { kind: 'parameter', name: 'Name' }, { kind: 'value', value: { kind: 'text', text: 'Cutover Batch', quoted: true } },
        { kind: 'parameter', name: 'AutoStart' },
        { kind: 'parameter', name: 'NotificationEmails' },
        { kind: 'value', value: { kind: 'array', items: [{ kind: 'text', text: 'a@x.com', quoted: false }, { kind: 'text', text: 'b@x.com', quoted: false }] } },
      ],
    }]);
  });

  test('reads pipelines, -Param:value, variables, assignments, hashtables and statements separated by ;', () => {
    const statements = parseLine("$c = Get-Credential; Get-MigrationUser | fl -Property Identity,Status -Confirm:$false # comment");
    expect(statements).toHaveLength(2);
    expect(statements[0]!.assignTo).toBe('c');
    expect(statements[1]!.pipeline.map((call) => call.name)).toEqual(['Get-MigrationUser', 'fl']);
    expect(statements[1]!.pipeline[1]!.args.at(-1)).toEqual({ kind: 'parameter', name: 'Confirm', attached: { kind: 'variable', name: 'false' } });
    const [license] = parseLine("Set-MgUserLicense -AddLicenses @{SkuId = 'x;y'} -RemoveLicenses @()");
    expect(license!.pipeline[0]!.args[1]).toEqual({ kind: 'value', value: { kind: 'hashtable', text: "@{SkuId = 'x;y'}" } });
    expect(license!.pipeline[0]!.args[3]).toEqual({ kind: 'value', value: { kind: 'array', items: [] } });
  });

  test('a doubled quote inside a quoted string is one quote; a sub-expression is a statement', () => {
    const [statement] = parseLine("Write 'it''s' (Get-Credential)");
    expect(statement!.pipeline[0]!.args[0]).toEqual({ kind: 'value', value: { kind: 'text', text: "it's", quoted: true } });
    expect(statement!.pipeline[0]!.args[1]).toMatchObject({ kind: 'value', value: { kind: 'subexpression', statement: { pipeline: [{ name: 'Get-Credential' }] } } });
  });

  test('syntax errors are ParserErrors with PowerShell\'s ids', () => {
    expect(parseFailure("Get-MigrationBatch -Identity 'open")).toBe('TerminatorExpectedAtEndOfString');
    expect(parseFailure('Get-MigrationUser | | fl')).toBe('EmptyPipeElement');
    expect(parseFailure('Get-MigrationUser |')).toBe('EmptyPipeElement');
    expect(parseFailure('Get-Mailbox (Get-Credential')).toBe('MissingEndParenthesisInExpression');
    expect(parseFailure('Set-MgUserLicense -AddLicenses @{SkuId')).toBe('MissingEndCurlyBrace');
  });

  test('blank lines and comments are no statements', () => {
    expect(parseLine('   ')).toEqual([]);
    expect(parseLine('# nothing')).toEqual([]);
  });
});

describe('joinScriptLines', () => {
  test('a backtick at the end of a line continues the command; blank lines are dropped; line numbers kept', () => {
    expect(joinScriptLines('Get-Date\n\nNew-MigrationBatch -Name B `\n  -AutoStart\nWait-Time 2h\n')).toEqual([
      { line: 1, text: 'Get-Date' },
      { line: 3, text: 'New-MigrationBatch -Name B    -AutoStart' },
      { line: 5, text: 'Wait-Time 2h' },
    ]);
  });
});
