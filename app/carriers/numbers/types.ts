/**
 * Shapes shared by the tracking-number tables and the detector. The public answer (`Detection`) is
 * contract §4 `detect`, key for key; everything richer lives in `DetectionDetails`.
 */
import type { CarrierId, Platform } from "../../../machines/vocabulary.ts";

/** Check-digit algorithms by name, so a format row can say which one it uses (see check-digits.ts). */
export type CheckSpec =
  | { algorithm: "mod10"; evens: number; odds: number; reverse?: boolean }
  | { algorithm: "mod7" }
  | { algorithm: "s10" }
  | { algorithm: "weighted-mod"; weights: readonly number[]; modulo1: number; modulo2: number }
  | { algorithm: "luhn" }
  | { algorithm: "iso7064-mod37-36" };

export type CheckAlgorithm = CheckSpec["algorithm"];

/**
 * One way of writing a carrier's numbers. `pattern` runs on the normalised number (upper case, no
 * spaces or dashes, at most MAX_NUMBER_LENGTH characters), is anchored and has no nested
 * quantifiers, so it cannot backtrack badly. Named groups:
 *   serial  – the digits the check digit covers (required when `check` is set)
 *   check   – the check character
 *   routing – a routing prefix (USPS 420+ZIP) that is stripped from the normalised number
 *   zip     – the destination ZIP inside the routing prefix
 *   country – an ISO 3166 suffix (UPU S10)
 *   service – a service indicator that `services` constrains
 *   container – a container type that `containers` constrains
 */
export interface NumberFormat {
  /** Stable id, e.g. "fedex-express-12". */
  id: string;
  /** The jkeen/tracking_number_data entries ("courier_code/name") this row reproduces. */
  mirrors?: readonly string[];
  /** The carrier this shape belongs to; S10 rows resolve the carrier from the country suffix. */
  carrier: CarrierId;
  name: string;
  pattern: RegExp;
  check?: CheckSpec;
  /** The dataset's `serial_number_format.prepend_if`: prefix the serial unless it already matches. */
  serialPrepend?: { unlessStartsWith: RegExp; content: string };
  /** Allowed values of the `service` group (e.g. UPU S10 service indicators). */
  services?: RegExp;
  /** Allowed values of the `container` group. */
  containers?: ReadonlySet<string>;
  /** The `country` group resolves the carrier through the UPU S10 national-post table. */
  s10Country?: boolean;
  /**
   * How likely a string of this shape is this carrier's, before context (0..1). A distinctive prefix
   * with a check digit is near 1; a bare run of digits shared by several carriers is low.
   */
  prior: number;
  /** Context that makes this format more likely (the marketplace, the origin country). */
  favouredBy?: { platforms?: readonly Platform[]; origins?: readonly string[] };
  /** Can this shape be picked out of free text on its own, without a nearby "tracking" word? */
  distinctive: boolean;
  testNumbers: { valid: readonly string[]; invalid: readonly string[] };
  /** Where the shape comes from (dataset file, carrier page). */
  source: string;
}

export interface DetectContext {
  platform?: Platform;
  /** ISO 3166 alpha-2 country the parcel ships from, e.g. "CN". */
  originCountry?: string;
}

export interface Candidate {
  carrier: CarrierId;
  confidence: number;
}

/** Contract §4 `detect` answer, exactly. */
export interface Detection {
  input: string;
  normalized: string;
  carrier: CarrierId | null;
  valid: boolean;
  country?: string;
  candidates: Candidate[];
}

/** One format that matched the shape, with whether its check digit held. */
export interface FormatMatch {
  format: NumberFormat;
  carrier: CarrierId;
  checkOk: boolean;
  country?: string;
  /** The number without any routing prefix. */
  number: string;
  routing?: { prefix: string; zip?: string };
  confidence: number;
}

/** The detector's full reasoning, for callers that want more than the contract shape. */
export interface DetectionDetails extends Detection {
  matches: FormatMatch[];
  /** USPS `420`+ZIP routing prefix that was stripped from `normalized`. */
  routing?: { prefix: string; zip?: string };
  /** True when the best format has a check digit and it held. */
  checkDigitVerified: boolean;
  /** True when the best format can stand alone in free text (see NumberFormat.distinctive). */
  distinctive: boolean;
}
