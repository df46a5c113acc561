export interface DecodedPost {
  text: string;
  validUtf8: boolean;
  binary: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const SNIFF_BYTES = 8192;

/**
 * Decodes a file the way VS Code opens it: UTF-8 with the BOM dropped, so offsets agree with
 * the editor. Invalid bytes become U+FFFD (and the caller says so); a NUL in the first 8 KB means binary.
 */
export function decodePost(bytes: Uint8Array): DecodedPost {
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) return { text: '', validUtf8: true, binary: true };
  try {
    return { text: strict.decode(bytes), validUtf8: true, binary: false };
  } catch {
    return { text: lenient.decode(bytes), validUtf8: false, binary: false };
  }
}
