/**
 * Column names made unique in order: a name already taken (by an earlier
 * column, or by one of the tool's own columns in `reserved`) gets （2）,
 * （3）…, so no two output columns share a name and no input column passes
 * for the tool's row, eligible or error.
 */
export function uniqueNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const seen = new Set(reserved);
  return names.map((name) => {
    let unique = name;
    for (let n = 2; seen.has(unique); n++) unique = `${name}（${n}）`;
    seen.add(unique);
    return unique;
  });
}
