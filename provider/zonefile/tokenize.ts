/**
 * The lexical layer of RFC 1035 §5.1 master files: comments, quoted strings with escapes and
 * `( … )` continuation, turned into entries (one per logical line) of positioned tokens. Knows
 * nothing about record types; parse.ts gives the tokens their meaning.
 */

/** A zone file that cannot be read, with the 1-based line and column of the offending text. */
export class ZoneFileError extends Error {
  override readonly name = "ZoneFileError";
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`zone file line ${line}, column ${column}: ${reason}`);
  }
}

export interface Token {
  /** The text with escapes decoded (`\"` → `"`, `\195\169` → `é`). */
  text: string;
  /** As written, escapes included, without the surrounding quotes. */
  raw: string;
  quoted: boolean;
  escaped: boolean;
  line: number;
  column: number;
}

export interface Entry {
  tokens: Token[];
  /** The entry's first line starts with a blank: its owner is the previous record's. */
  blankOwner: boolean;
  line: number;
}

const BLANK = /[ \t]/;
const DELIMITER = /[ \t;()"]/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Splits the text into entries; throws ZoneFileError for lexical mistakes. */
export function tokenize(text: string): Entry[] {
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  let paren: { line: number; column: number } | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/);
  lines.forEach((src, i) => {
    const line = i + 1;
    if (!paren) entry = undefined;
    let pos = 0;
    while (pos < src.length) {
      const ch = src[pos]!;
      const column = pos + 1;
      if (BLANK.test(ch)) {
        pos++;
        continue;
      }
      if (ch === ";") break;
      entry ??= { tokens: [], blankOwner: BLANK.test(src[0] ?? ""), line };
      if (ch === "(") {
        if (paren)
          throw new ZoneFileError(
            line,
            column,
            `"(" inside parentheses opened at line ${paren.line}, column ${paren.column}. Fix: remove one of them; parentheses do not nest`,
          );
        paren = { line, column };
        pos++;
      } else if (ch === ")") {
        if (!paren)
          throw new ZoneFileError(
            line,
            column,
            `")" without a matching "(". Fix: remove it, or add "(" where the record's continuation starts`,
          );
        paren = undefined;
        pos++;
      } else {
        const token = ch === '"' ? readQuoted(src, pos, line) : readWord(src, pos, line);
        entry.tokens.push(token.token);
        pos = token.end;
      }
    }
    if (!paren && entry?.tokens.length) entries.push(entry);
  });
  if (paren) {
    throw new ZoneFileError(paren.line, paren.column, `"(" is never closed. Fix: add ")" after the record's last field`);
  }
  return entries;
}

function readQuoted(src: string, start: number, line: number): { token: Token; end: number } {
  let pos = start + 1;
  while (pos < src.length && src[pos] !== '"') pos += src[pos] === "\\" ? 2 : 1;
  if (pos >= src.length) {
    throw new ZoneFileError(
      line,
      start + 1,
      `quoted string is not closed on this line. Fix: add the closing '"' (a '"' inside the text is written \\")`,
    );
  }
  const raw = src.slice(start + 1, pos);
  return { token: decode(raw, true, line, start + 1), end: pos + 1 };
}

function readWord(src: string, start: number, line: number): { token: Token; end: number } {
  let pos = start;
  while (pos < src.length && !DELIMITER.test(src[pos]!)) pos += src[pos] === "\\" ? 2 : 1;
  const raw = src.slice(start, Math.min(pos, src.length));
  return { token: decode(raw, false, line, start + 1), end: Math.min(pos, src.length) };
}

/**
 * RFC 1035 escapes: `\X` is X itself and `\DDD` the byte DDD. Bytes are collected and read as
 * UTF-8, so `caf\195\169` and `café` are the same text; both APIs take text, not bytes.
 */
function decode(raw: string, quoted: boolean, line: number, column: number): Token {
  const token = { raw, quoted, line, column, escaped: raw.includes("\\") };
  if (!token.escaped) return { ...token, text: raw };
  const bytes: number[] = [];
  let plain = "";
  const flush = () => {
    bytes.push(...Buffer.from(plain, "utf8"));
    plain = "";
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch !== "\\") {
      plain += ch;
      continue;
    }
    const at = column + i + (quoted ? 1 : 0);
    if (i + 1 >= raw.length)
      throw new ZoneFileError(line, at, `"\\" at the end of the line escapes nothing. Fix: write "\\\\" for a backslash`);
    const digits = (/^\d{1,3}/.exec(raw.slice(i + 1)) ?? [""])[0];
    if (digits === "") {
      plain += raw[i + 1];
      i += 1;
      continue;
    }
    if (digits.length !== 3 || Number(digits) > 255) {
      throw new ZoneFileError(
        line,
        at,
        `"\\${digits}" is not a byte escape. Fix: write a byte as three digits 000-255 (\\032 is a space), or "\\\\" for a backslash`,
      );
    }
    flush();
    bytes.push(Number(digits));
    i += 3;
  }
  flush();
  try {
    return { ...token, text: utf8.decode(Uint8Array.from(bytes)) };
  } catch {
    throw new ZoneFileError(
      line,
      column,
      `the \\DDD escapes in "${raw}" are not UTF-8 text. Fix: write the text itself, or escape each byte of its UTF-8 form`,
    );
  }
}
