/**
 * Problems of a batch. A file-level problem stops the run (exit 2); a
 * row-level one turns that row into an error row and the run goes on.
 */

export type FileProblem =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'EMPTY_FILE'
  | 'DUPLICATE_COLUMN'
  | 'UNTERMINATED_QUOTE'
  | 'NOT_SORTED'
  | 'SHEET_NOT_FOUND'
  | 'BAD_XLSX'
  | 'BAD_ENCODING'
  | 'NO_KNOWN_COLUMN';

export type RowProblem = 'EMPTY_ROW' | 'FOOTER_ROW' | 'HEADER_ROW' | 'TITLE_ROW' | 'BROKEN_ROW' | 'TOO_MANY_CELLS' | 'MIXED_LINE_ENDS' | 'HOUSEHOLD_ID_LOST';

export type Lang = 'zh' | 'en';

export const PROBLEM_TITLES: Record<FileProblem | RowProblem, Record<Lang, string>> = {
  FILE_NOT_FOUND: { zh: '找不到文件', en: 'file not found' },
  FILE_UNREADABLE: { zh: '无法读取文件', en: 'cannot read the file' },
  EMPTY_FILE: { zh: '文件是空的，没有表头行', en: 'the file is empty: no header row' },
  DUPLICATE_COLUMN: { zh: '两列是同一个字段', en: 'two columns are the same field' },
  UNTERMINATED_QUOTE: { zh: '引号没有闭合', en: 'a quote is never closed' },
  NOT_SORTED: { zh: '文件没有按户编号排好（--sorted）', en: 'the file is not grouped by household (--sorted)' },
  SHEET_NOT_FOUND: { zh: '工作簿中没有这张工作表', en: 'no such sheet in the workbook' },
  BAD_XLSX: { zh: '不是可读的 .xlsx 工作簿', en: 'not a readable .xlsx workbook' },
  BAD_ENCODING: { zh: '不认识的编码', en: 'unknown encoding' },
  NO_KNOWN_COLUMN: { zh: '表头里没有一个认识的列', en: 'no column of the header is a profile key' },
  EMPTY_ROW: { zh: '空行', en: 'empty row' },
  FOOTER_ROW: { zh: '表尾的合计、签名或说明行，不是人员，未核查', en: 'a footer row (a total, a signature, a note), not a person: not checked' },
  HEADER_ROW: { zh: '表头（或栏目序号）又出现了一次，不是人员，未核查', en: 'the header (or its column numbers) again, not a person: not checked' },
  TITLE_ROW: { zh: '标题行，不是人员，未核查', en: 'a title row, not a person: not checked' },
  BROKEN_ROW: { zh: '这一行的引号不成对，单元格无法可靠切分', en: 'unbalanced quotes: the cells of this row cannot be split reliably' },
  TOO_MANY_CELLS: { zh: '单元格比表头多', en: 'more cells than header columns' },
  HOUSEHOLD_ID_LOST: {
    zh: '户编号写成了科学计数法（如 5.11028E+13）：Excel 把该列存成了数字，位数已经丢失，不同的户会被当成一户；把该列设为文本格式，重新录入后再导出',
    en: 'the household id is in E notation (such as 5.11028E+13): Excel stored the column as numbers and lost digits, so different households would be taken as one; make the column text, enter the ids again and export again',
  },
  MIXED_LINE_ENDS: {
    zh: '这一行里有单独的换行符（LF），而文件的行以 CR LF 结尾：几个人可能被读成了一行，请统一换行符后再运行',
    en: 'a bare line feed in a file whose lines end in CR LF: several people may have been read as one row; make the line ends the same and run again',
  },
};

export interface Place {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

/** A problem that makes the input unusable (exit 2). */
export class BatchInputError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly detail: string,
    readonly place: Place = {},
  ) {
    super(detail ? `${PROBLEM_TITLES[problem].zh}：${detail}` : PROBLEM_TITLES[problem].zh);
    this.name = 'BatchInputError';
  }

  describe(lang: Lang): string {
    const title = PROBLEM_TITLES[this.problem][lang];
    return this.detail ? `${title}${lang === 'zh' ? '：' : ': '}${this.detail}` : title;
  }
}

/**
 * The output cannot be written (disk full, device gone): not a problem of
 * the input, so the runners pass it on as it is rather than blame the roster.
 */
export class BatchOutputError extends Error {
  readonly code: string;
  constructor(override readonly cause: Error) {
    super(cause.message);
    this.name = 'BatchOutputError';
    this.code = (cause as NodeJS.ErrnoException).code ?? cause.message;
  }
}

/** A file that cannot be opened: missing, or unreadable for another reason. */
export function openProblem(e: unknown, path: string): BatchInputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new BatchInputError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', path, { file: path });
}

/** Why one row could not be checked. `field` is the profile key (or column) concerned. */
export interface RowIssue {
  code: string;
  message: string;
  field?: string;
}

export function rowIssue(problem: RowProblem, lang: Lang, detail = ''): RowIssue {
  const title = PROBLEM_TITLES[problem][lang];
  return { code: problem, message: detail ? `${title}${lang === 'zh' ? '：' : ': '}${detail}` : title };
}
