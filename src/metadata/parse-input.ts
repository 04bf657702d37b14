/** What a metadata parser receives: one file's text and where it sits. Parsers never read files. */
export type ParseInput = {
  /** Display path (relative to the review's base folder) used in SourceRefs and ParseIssues. */
  file: string;
  text: string;
  /** Component full name from SDR: `Account`, `Account.Credit_Limit__c`, `My_Flow`. */
  fullName: string;
};

/** Splits `Account.Credit_Limit__c` into object and member. */
export function splitChildName(fullName: string): { object: string; name: string } {
  const dot = fullName.indexOf('.');
  return dot === -1 ? { object: '', name: fullName } : { object: fullName.slice(0, dot), name: fullName.slice(dot + 1) };
}
