/**
 * An error as PowerShell prints it: the message, then its category and the fully qualified
 * error id, so a class sees the shape the real console shows. The exception names for the
 * migration cmdlets follow the Exchange ones (MigrationPermanentException and the like).
 */
export interface ConsoleError {
  /** The command the error belongs to ('' for a parse error of the whole line). */
  command: string;
  message: string;
  category: 'ObjectNotFound' | 'InvalidArgument' | 'InvalidOperation' | 'ParserError' | 'InvalidData' | 'NotSpecified';
  /** What was targeted, shown between the parentheses of CategoryInfo. */
  target: string;
  exception: string;
  errorId: string;
}

export class ConsoleFailure extends Error {
  constructor(readonly record: ConsoleError) {
    super(record.message);
  }
}

export const fail = (record: ConsoleError): never => {
  throw new ConsoleFailure(record);
};

/** The text block PowerShell prints for an error record. */
export function formatError(record: ConsoleError): string {
  const head = record.command === '' ? `ParserError: ${record.message}` : `${record.command}: ${record.message}`;
  const activity = record.command === '' ? '' : `[${record.command}]`;
  return [
    head,
    `    + CategoryInfo          : ${record.category}: (${record.target}:String) ${activity}, ${record.exception}`,
    `    + FullyQualifiedErrorId : ${record.errorId}`,
  ].join('\n');
}

export const commandNotFound = (name: string): ConsoleError => ({
  command: name,
  message: `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name and try again (Get-Command lists what this console knows).`,
  category: 'ObjectNotFound', target: name, exception: 'CommandNotFoundException', errorId: 'CommandNotFoundException',
});

export const parameterNotFound = (command: string, name: string): ConsoleError => ({
  command, message: `A parameter cannot be found that matches parameter name '${name}'.`,
  category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `NamedParameterNotFound,${command}`,
});

export const missingMandatory = (command: string, names: readonly string[]): ConsoleError => ({
  command, message: `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
  category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `MissingMandatoryParameter,${command}`,
});

export const badArgument = (command: string, parameter: string, detail: string): ConsoleError => ({
  command, message: `Cannot bind parameter '${parameter}'. ${detail}`,
  category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `CannotConvertArgument,${command}`,
});

export const parseError = (message: string, errorId: string): ConsoleError => ({
  command: '', message, category: 'ParserError', target: '', exception: 'ParentContainsErrorRecordException', errorId,
});

/** The migration service refused the command: its reason, as a MigrationPermanentException. */
export const serviceRefusal = (command: string, target: string, reason: string): ConsoleError => ({
  command, message: reason.endsWith('.') ? reason : `${reason}.`,
  category: 'InvalidOperation', target, exception: 'MigrationPermanentException',
  errorId: `Microsoft.Exchange.Migration.MigrationPermanentException,${command}`,
});

export const notFound = (command: string, target: string, message: string): ConsoleError => ({
  command, message, category: 'ObjectNotFound', target, exception: 'ManagementObjectNotFoundException',
  errorId: `Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException,${command}`,
});
