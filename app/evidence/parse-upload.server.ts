/**
 * Streams a multipart upload through busboy with limits on file size, file count, parts and the
 * request's total, so a hostile request costs at most `maxRequestBytes` of memory. After a limit
 * is hit the rest of the body is read and thrown away (up to a cap), so the client, still
 * sending, gets the 413 instead of a reset connection.
 */
import { Readable } from "node:stream";
import busboy from "busboy";
import { isBodyTooLarge } from "../server/body-limit.server.ts";
import { EvidenceError } from "./evidence-error.ts";
import { EVIDENCE_LIMITS, MB } from "./upload-limits.ts";

export interface UploadedFile {
  /** The form field the file came in. */
  field: string;
  fileName: string;
  bytes: Buffer;
}

export interface ParsedUpload {
  files: UploadedFile[];
  fields: Record<string, string>;
}

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 16 * 1024;
/** Past this much discarded body the connection is cut instead of drained. */
const MAX_DRAIN_BYTES = 256 * MB;

function tooLarge(what: string): EvidenceError {
  return new EvidenceError(413, what);
}

/** Reads the request's multipart body; throws EvidenceError (400/413) with a sentence for the buyer. */
export async function parseEvidenceUpload(request: Request, limits = EVIDENCE_LIMITS): Promise<ParsedUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new EvidenceError(400, "Send the files as a form upload (multipart/form-data).");
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limits.maxRequestBytes + MB) {
    throw tooLarge(
      `This upload is ${Math.ceil(declared / MB)} MB; at most ${limits.maxRequestBytes / MB} MB can be sent at once (${limits.maxFileBytes / MB} MB a file).`,
    );
  }
  if (!request.body) throw new EvidenceError(400, "The upload was empty: choose at least one file.");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      defParamCharset: "utf8",
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFilesPerRequest,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: limits.maxFilesPerRequest + MAX_FIELDS,
      },
    });
  } catch {
    throw new EvidenceError(400, "The upload could not be read: it is not a valid form upload.");
  }

  const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  return new Promise<ParsedUpload>((resolve, reject) => {
    const files: UploadedFile[] = [];
    const fields: Record<string, string> = {};
    let failure: EvidenceError | null = null;
    let total = 0;
    let discarded = 0;

    const fail = (error: EvidenceError) => {
      failure ??= error;
      files.length = 0;
    };

    // Count every byte of the body, files or not: the total limit holds whatever the parts are.
    source.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxRequestBytes && !failure) {
        fail(
          tooLarge(
            `This upload is larger than ${limits.maxRequestBytes / MB} MB; send fewer files at once (at most ${limits.maxFileBytes / MB} MB a file).`,
          ),
        );
      }
      if (failure) {
        discarded += chunk.length;
        if (discarded > MAX_DRAIN_BYTES) source.destroy();
      }
    });

    parser.on("file", (field, stream, info) => {
      const fileName = info.filename ?? "";
      if (failure || !fileName) {
        // A file input left empty arrives as a part with no name and no bytes.
        stream.on("error", () => undefined);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      // busboy destroys the file stream with "Unexpected end of form" when the body stops before
      // the closing boundary; unheard, that error ends the process. The parser's own "error"
      // handler below turns it into the 400.
      stream.on("error", () => {
        fail(new EvidenceError(400, "The upload could not be read: it was cut off or is not a valid form upload."));
      });
      stream.on("data", (chunk: Buffer) => {
        if (!failure) chunks.push(chunk);
      });
      stream.on("limit", () => {
        fail(tooLarge(`"${fileName}" is larger than ${limits.maxFileBytes / MB} MB, the limit for one file.`));
      });
      stream.on("end", () => {
        if (!failure) files.push({ field, fileName, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(new EvidenceError(400, `The field "${name}" is too long.`));
      else fields[name] = value;
    });
    parser.on("filesLimit", () => fail(tooLarge(`At most ${limits.maxFilesPerRequest} files can be uploaded at once.`)));
    parser.on("partsLimit", () => fail(tooLarge("This upload has too many parts.")));
    parser.on("fieldsLimit", () => fail(new EvidenceError(400, "This upload has too many form fields.")));
    parser.on("error", () => {
      fail(new EvidenceError(400, "The upload could not be read: it was cut off or is not a valid form upload."));
      source.unpipe(parser);
      source.resume();
    });
    parser.on("close", () => {
      if (failure) reject(failure);
      else resolve({ files, fields });
    });
    source.on("error", (error) => {
      // The server's body guard cuts the stream at the route's limit while it still arrives.
      fail(isBodyTooLarge(error) ? tooLarge(error.message) : new EvidenceError(400, "The upload was interrupted before it finished; try again."));
      reject(failure);
    });
    source.on("end", () => {
      if (failure) reject(failure);
    });
    source.on("close", () => {
      if (failure && source.destroyed) reject(failure);
    });
    source.pipe(parser);
  });
}
