/**
 * commander's usage errors in Chinese, the CLI's default language: a
 * caseworker who types an option wrong reads why in the language of the
 * rest of the output. Messages not matched here are left as they are.
 */
const ZH: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?$/, (option, guess) => `错误：不认识的选项 ${option}${guess ? `；是不是 ${guess}？` : ''}（--help 查看用法）`],
  [/^error: unknown command '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?$/, (command, guess) => `错误：不认识的命令 ${command}${guess ? `；是不是 ${guess}？` : ''}（--help 查看用法）`],
  [/^error: option '(.+?)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/, (option, value, choices) => `错误：选项 ${option} 的值“${value}”无效；可选：${choices}`],
  [/^error: option '(.+?)' argument '(.*)' is invalid\. (.+)$/, (option, value, why) => `错误：选项 ${option} 的值“${value}”无效：${why}`],
  [/^error: option '(.+?)' argument missing$/, (option) => `错误：选项 ${option} 缺少取值`],
  [/^error: missing required argument '(.+?)'$/, (argument) => `错误：缺少参数 ${argument}`],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (command, expected, got) => `错误：${command ? `${command} 的` : ''}参数太多：应为 ${expected} 个，得到 ${got} 个`],
];

/** A commander error message in the output language. */
export function commanderMessage(text: string, lang: 'zh' | 'en'): string {
  if (lang !== 'zh') return text;
  const line = text.replace(/\n$/, '');
  for (const [pattern, say] of ZH) {
    const m = pattern.exec(line);
    if (m) return `${say(...m.slice(1))}\n`;
  }
  return text;
}
