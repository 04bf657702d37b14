/** A name in the policy draft with why it is there: the draft and its glob compression share it. */
export type Evidenced = { name: string; evidence: string };
