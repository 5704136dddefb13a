/**
 * Parameters no rule reads. A parameter left behind when its rule changed,
 * or one whose name a rule misspells (the rule's UNKNOWN_PARAM says that
 * side), would otherwise sit in parameters.yaml looking as if it decided
 * something.
 */
import { makeIssue, type Issue } from '../issues.js';

/** Every `{ param: NAME }` in a rule file as read (raw, so an item the loader refused still counts). */
export function paramsReadIn(raw: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(raw)) {
    for (const x of raw) paramsReadIn(x, into);
  } else if (raw !== null && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (typeof o.param === 'string') into.add(o.param);
    for (const v of Object.values(o)) paramsReadIn(v, into);
  }
  return into;
}

/** A warning at each parameter that none of the rules read. */
export function lintUnusedParameters(names: readonly string[], read: ReadonlySet<string>): Issue[] {
  return names
    .filter((name) => !read.has(name))
    .map((name) =>
      makeIssue('UNUSED_PARAM', `${name} 没有规则引用`, {
        severity: 'warning',
        path: ['parameters', name],
        hint: `删去它，或在规则中写 { param: ${name} } 引用它`,
      }),
    );
}
