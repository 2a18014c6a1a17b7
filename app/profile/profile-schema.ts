import { z } from "zod";
import { isTimeZone } from "./time-zones.ts";

/**
 * The buyer's own details (issue 13): letters and the evidence packet put them where a blank used
 * to be. Everything but the time zone is optional: a document leaves out what is not given.
 */
export const LETTER_LANGUAGES = [
  { value: "en", label: "English" },
  { value: "es", label: "Español" },
  { value: "pt", label: "Português" },
  { value: "fr", label: "Français" },
  { value: "de", label: "Deutsch" },
  { value: "pl", label: "Polski" },
  { value: "it", label: "Italiano" },
] as const;

/** Where buyers of cross-border parcels live most often; any ISO 3166-1 alpha-2 code is accepted. */
export const COMMON_COUNTRIES = [
  "AT",
  "AU",
  "BE",
  "BG",
  "BR",
  "CA",
  "CH",
  "CL",
  "CO",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GB",
  "GR",
  "HR",
  "HU",
  "IE",
  "IL",
  "IS",
  "IT",
  "JP",
  "KR",
  "LT",
  "LU",
  "LV",
  "MT",
  "MX",
  "NL",
  "NO",
  "NZ",
  "PE",
  "PL",
  "PT",
  "RO",
  "SE",
  "SG",
  "SI",
  "SK",
  "UA",
  "US",
  "ZA",
] as const;

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

export const ProfileSchema = z.object({
  intent: z.literal("profile"),
  fullName: optionalText(120, "Keep the name under 120 characters."),
  postalAddress: optionalText(400, "Keep the address under 400 characters."),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country from the list.")
    .optional()
    .transform((v) => v ?? null),
  phone: z
    .string()
    .trim()
    .max(40, "Keep the phone number under 40 characters.")
    .regex(/^[+\d][\d\s().\-/]*$/, "Use digits, spaces and an optional leading +, e.g. +34 600 123 456.")
    .optional()
    .transform((v) => v ?? null),
  language: z
    .enum(LETTER_LANGUAGES.map((l) => l.value) as ["en", ...string[]], { errorMap: () => ({ message: "Choose a language from the list." }) })
    .optional()
    .transform((v) => v ?? null),
  timeZone: z.string({ required_error: "Choose your time zone." }).trim().refine(isTimeZone, "Choose a time zone from the list, e.g. Europe/Madrid."),
});

export type ProfileInput = z.output<typeof ProfileSchema>;
