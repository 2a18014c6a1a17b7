/** Upload limits, shared by the parser, the service, the form's hints and the tests. */
export const EVIDENCE_LIMITS = {
  /** One photo straight off a phone is 2–8 MB; a 15 MB file is a scan or a mistake. */
  maxFileBytes: 15 * 1024 * 1024,
  maxFilesPerOrder: 20,
  maxFilesPerRequest: 20,
  /** Everything in one upload request together: bounds memory, as files are held until checked. */
  maxRequestBytes: 60 * 1024 * 1024,
  /** About 40 megapixels: every phone camera passes, a decompression bomb does not. */
  maxPixels: 40_000_000,
  maxNoteChars: 2000,
  maxFileNameChars: 200,
} as const;

export const MB = 1024 * 1024;
