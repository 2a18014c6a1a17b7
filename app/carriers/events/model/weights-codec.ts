/**
 * The checked-in form of the model's weights (weights.json): only the hashed rows that training
 * touched, each as 17 signed bytes with one scale per milestone, base64 in JSON. About a byte per
 * weight instead of eight, and loadable without any file access (imported as a module).
 */
export interface EncodedWeights {
  format: 1;
  featureBits: number;
  classes: readonly string[];
  /** Per class: weight = byte × scale. */
  scales: number[];
  /** Base64: row numbers as LEB128 deltas. */
  rows: string;
  /** Base64: classes.length signed bytes per row, in row order. */
  values: string;
  /** Base64: bit set over the rows, the evidence seen in training (linear-model.ts). */
  known: string;
}

/** Weights as they are used: signed bytes, row-major (row × classes), and one scale per class. */
export interface QuantizedWeights {
  values: Int8Array;
  scales: Float32Array;
}

/**
 * Rounds trained weights to signed bytes with one scale per class. The model reads bytes at run
 * time too (a 17-byte row is one cache line, a float row two), and the evaluation uses the same
 * rounded weights, so what is measured is what runs.
 */
export function quantize(weights: Float32Array | Float64Array, classCount: number): QuantizedWeights {
  const rowCount = weights.length / classCount;
  const scales = new Float32Array(classCount);
  for (let c = 0; c < classCount; c++) {
    let max = 0;
    for (let r = 0; r < rowCount; r++) max = Math.max(max, Math.abs(weights[r * classCount + c]));
    scales[c] = max > 0 ? max / 127 : 1;
  }
  const values = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) values[i] = Math.round(weights[i] / scales[i % classCount]);
  return { values, scales };
}

export function encodeWeights(weights: QuantizedWeights, known: Uint8Array, featureBits: number, classes: readonly string[]): EncodedWeights {
  const k = classes.length;
  const rowCount = 1 << featureBits;
  const scales = [...weights.scales];
  const rows: number[] = [];
  const values: number[] = [];
  let last = -1;
  for (let r = 0; r < rowCount; r++) {
    const bytes = classes.map((_, c) => weights.values[r * k + c]);
    if (bytes.every((b) => b === 0)) continue;
    let delta = r - last;
    last = r;
    while (delta >= 0x80) {
      rows.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    rows.push(delta);
    for (const b of bytes) values.push(b & 0xff);
  }
  return {
    format: 1,
    featureBits,
    classes: [...classes],
    scales,
    rows: toBase64(rows),
    values: toBase64(values),
    known: toBase64([...known]),
  };
}

export function decodeKnown(encoded: EncodedWeights): Uint8Array {
  const known = new Uint8Array((1 << encoded.featureBits) / 8);
  known.set(fromBase64(encoded.known).subarray(0, known.length));
  return known;
}

export function decodeWeights(encoded: EncodedWeights): QuantizedWeights {
  const k = encoded.classes.length;
  const weights = new Int8Array((1 << encoded.featureBits) * k);
  const rows = fromBase64(encoded.rows);
  const values = fromBase64(encoded.values);
  let row = -1;
  let v = 0;
  for (let i = 0; i < rows.length;) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const byte = rows[i++];
      delta |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    row += delta;
    for (let c = 0; c < k; c++) weights[row * k + c] = (values[v++] << 24) >> 24;
  }
  return { values: weights, scales: Float32Array.from(encoded.scales) };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBase64(bytes: readonly number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >>> 18) & 63] + ALPHABET[(n >>> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >>> 6) & 63] : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : "=";
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (lookup[clean.charCodeAt(i)] << 18) |
      (lookup[clean.charCodeAt(i + 1)] << 12) |
      ((lookup[clean.charCodeAt(i + 2)] & 63) << 6) |
      (lookup[clean.charCodeAt(i + 3)] & 63);
    out[o++] = (n >>> 16) & 255;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
