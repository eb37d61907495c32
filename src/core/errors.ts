/**
 * Stable error codes (DESIGN.md §5) and the diagnostic shape every layer reports.
 * Codes are part of the public contract: never rename one, only add.
 */
export const ERROR_CODES = [
  // loading
  'yaml-syntax',
  'yaml-forbidden',
  'duplicate-key',
  'file-too-large',
  'encoding',
  'invalid-filename',
  'not-a-file',
  'schema',
  'config-invalid',
  // resolution and policy
  'unknown-resource',
  'selector-matches-nothing',
  'no-policy',
  'denied',
  'not-eligible',
  'access-not-offered',
  'duration-invalid',
  'duration-exceeds-max',
  'reason-required',
  'ticket-invalid',
  'unknown-person',
  // pull request
  'requester-not-author',
  'mixed-change',
  'grant-modified',
  'approval-missing',
  'changes-requested',
  'no-codeowners',
  // merge
  'resolution-changed',
  'not-approved-at-merge',
  // extensions and caps (docs/extension.md)
  'extension-invalid',
  'extension-limit',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** 1-based line and column in the source file. */
export interface Position {
  line: number;
  column: number;
}

/** A path into a parsed document: object keys and array indices. */
export type DocPath = readonly (string | number)[];

export interface Diagnostic extends Position {
  code: ErrorCode;
  message: string;
  file: string;
}

/** A file whose positions can be looked up by document path (filled in by the loader). */
export interface Source {
  file: string;
  /** Position of the node at `path`, or of its nearest existing ancestor; 1:1 when unknown. */
  at(path: DocPath): Position;
}

export function diag(code: ErrorCode, message: string, source: Source, path: DocPath = []): Diagnostic {
  const { line, column } = source.at(path);
  return { code, message, file: source.file, line, column };
}

/** A source with no positions, for data that did not come from a file (tests, API facts). */
export function syntheticSource(file: string): Source {
  return { file, at: () => ({ line: 1, column: 1 }) };
}

/** An error for the CLI/Action to print without a stack trace; exit status 2 (usage or configuration). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Configuration (policies/) is invalid: nothing can be decided; exit status 2. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
