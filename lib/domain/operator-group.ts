const GROUPS: Array<[RegExp, string]> = [
  [/édifice|open digital education|open ent ng|\bone\b|\bneo\b/i, 'edifice'],
  [/kosmos|skolengo/i, 'kosmos'],
  [/index éducation|docaposte/i, 'index-education'],
  [/aplim/i, 'aplim'],
  [/\boze\b/i, 'oze'],
  [/cned/i, 'cned'],
  [/ministère de l'éducation nationale|\bdne\b/i, 'men'],
];

/** Groups free-text operators by the company that actually runs the service (common-cause detection). */
export function operatorGroupOf(operator: string | null | undefined): string | null {
  if (!operator) return null;
  for (const [pattern, group] of GROUPS) if (pattern.test(operator)) return group;
  return null;
}
