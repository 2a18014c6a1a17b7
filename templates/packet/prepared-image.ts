/** An evidence image after decoding and re-encoding: safe for pdf-lib to embed. */
export interface PreparedImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}
