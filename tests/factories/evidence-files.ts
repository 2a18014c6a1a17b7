/**
 * Evidence files for upload tests, made with sharp: a JPEG carrying GPS EXIF, PNGs, a truncated
 * image, a pixel bomb, a fake HEIC header and files whose name lies about their content.
 */
import sharp from "sharp";

/** A JPEG with a camera make and a GPS position (Paris) in its EXIF. */
export async function jpegWithGps(width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3366cc" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "GPS-1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 0/1" },
    })
    .toBuffer();
}

export async function png(width = 40, height = 30, background = "#22aa44"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/** The first half of a real PNG: the header promises more than the file holds. */
export async function truncatedPng(): Promise<Buffer> {
  const whole = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#884422" } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** 8000×6000 pixels (48 MP) of one colour: ~140 KB on disk, ~144 MB once decoded. */
export async function pixelBomb(): Promise<Buffer> {
  return sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#000000" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** The start of an iPhone HEIC file (ISO BMFF `ftyp` box with the `heic` brand). */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypheic", 4, "latin1");
  ftyp.writeUInt32BE(0, 12);
  ftyp.write("mif1heic", 16, "latin1");
  return Buffer.concat([ftyp, Buffer.alloc(2000, 7)]);
}

/** A minimal whole PDF (one empty page). */
export function tinyPdf(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  );
}

/** True when the EXIF block holds a GPS IFD pointer (tag 0x8825, either byte order). */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

/**
 * A 12 MP photo-like JPEG: seeded noise, so it does not compress to nothing and every run measures
 * the same bytes (benchmarks), with a GPS position in its EXIF as phone photos have.
 */
export async function twelveMegapixelPhoto(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  let state = (seed + 1) * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    pixels[i] = 40 + seed * 15 + (state >>> 26);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100" } })
    .toBuffer();
}
