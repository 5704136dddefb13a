/**
 * Column names made unique in order: a name already taken (by an earlier
 * column, or by one of the tool's own columns in `reserved`), in any mix
 * of upper and lower case, gets （2）, （3）…, so no two output columns
 * share a name and no input column passes for the tool's row, eligible or
 * error.
 */
export function uniqueNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const seen = new Set(reserved.map((name) => name.toLowerCase()));
  return names.map((name) => {
    let unique = name;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${name}（${n}）`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}
