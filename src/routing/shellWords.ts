// Shell words as POSIX shells read them: '…' literal, "…" with \" \\ \$ \` escapes, $'…' with C
// escapes, backslash escapes and line continuations (also CRLF, and cmd.exe's ^), # comments. The
// command ends at an unquoted |, ;, && or ||. Linear in the input.

const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** Splits a command line into words, or says why it cannot. Stops at an unquoted |, ;, && or ||. */
export function tokenize(text: string): string[] | string {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2;
      else if (next === '\r' && text[i + 2] === '\n') i += 3;
      else if (next === undefined) {
        i += 1;
      } else {
        word += next;
        inWord = true;
        i += 2;
      }
      continue;
    }
    // cmd.exe's line continuation, as in Chrome's "Copy as cURL (cmd)".
    if (c === '^' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
      i += 1;
      continue;
    }
    if (!inWord && c === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (!inWord && (c === '|' || c === ';' || (c === '&' && text[i + 1] === '&'))) break;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return 'a single quote is not closed';
      word += text.slice(i + 1, close);
      inWord = true;
      i = close + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === "'") {
      const read = ansiQuoted(text, i + 2);
      if (read === null) return "a $'…' quote is not closed";
      word += read.value;
      inWord = true;
      i = read.next;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const d = text[j];
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === '\\' && j + 1 < text.length) {
          const e = text[j + 1];
          if (e === '\n') j += 2;
          else if (e === '"' || e === '\\' || e === '$' || e === '`') {
            word += e;
            j += 2;
          } else {
            word += d;
            j += 1;
          }
          continue;
        }
        word += d;
        j += 1;
      }
      if (!closed) return 'a double quote is not closed';
      inWord = true;
      i = j + 1;
      continue;
    }
    word += c;
    inWord = true;
    i += 1;
  }
  end();
  return words;
}

function ansiQuoted(text: string, start: number): { value: string; next: number } | null {
  let value = '';
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") return { value, next: i + 1 };
    if (c !== '\\' || i + 1 >= text.length) {
      value += c;
      i += 1;
      continue;
    }
    const e = text[i + 1];
    const hex = (length: number) => {
      const digits = /^[0-9a-fA-F]+/.exec(text.slice(i + 2, i + 2 + length))?.[0] ?? '';
      return digits;
    };
    if (e in ANSI) {
      value += ANSI[e];
      i += 2;
    } else if (e === 'x' && hex(2)) {
      const digits = hex(2);
      value += String.fromCharCode(parseInt(digits, 16));
      i += 2 + digits.length;
    } else if ((e === 'u' && hex(4)) || (e === 'U' && hex(8))) {
      const digits = hex(e === 'u' ? 4 : 8);
      const code = parseInt(digits, 16);
      value += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      i += 2 + digits.length;
    } else if (/[0-7]/.test(e)) {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      value += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += 1 + digits.length;
    } else {
      value += `\\${e}`;
      i += 2;
    }
  }
  return null;
}
