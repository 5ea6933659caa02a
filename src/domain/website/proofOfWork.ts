// The proof-of-work that replaces a captcha: find a nonce so that SHA-256(challenge ":" nonce) starts
// with a number of zero bits. Costs a browser about a second, a spammer that second per comment.

export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The text that is hashed for a nonce; the widget and the server must agree on it. */
export function workInput(challenge: string, nonce: string): string {
  return `${challenge}:${nonce}`;
}
