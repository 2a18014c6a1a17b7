/**
 * Cross-border logistics carriers that AliExpress and Temu sellers ship with, which
 * jkeen/tracking_number_data does not cover (YunExpress it does: see tracking-number-data.ts).
 * None of these publishes a check digit, so a number is valid on its shape alone and the priors stay
 * below the check-digit formats'. Sources are given per row.
 */
import type { NumberFormat } from "../types.ts";

const MARKETPLACES = { platforms: ["aliexpress", "temu"], origins: ["CN"] } as const;

export const MARKETPLACE_LOGISTICS_FORMATS: readonly NumberFormat[] = [
  {
    id: "cainiao-lp-14",
    carrier: "cainiao",
    name: "Cainiao LP + 14 digits",
    pattern: /^LP\d{14}$/,
    prior: 0.97,
    favouredBy: MARKETPLACES,
    distinctive: true,
    testNumbers: { valid: ["LP00123456789012", "LP00724622449605"], invalid: ["LP0012345678901A"] },
    source:
      "Cainiao / AliExpress Standard Shipping labels; https://parceldetect.com/faq/aliexpress-standard-shipping-tracking-number-format, https://www.cnusup.com/news/package-tracking-numbers-explained",
  },
  {
    id: "cainiao-lp-other",
    carrier: "cainiao",
    name: "Cainiao LP + 12 to 16 digits",
    pattern: /^LP\d{12,16}$/,
    prior: 0.85,
    favouredBy: MARKETPLACES,
    distinctive: true,
    testNumbers: { valid: ["LP001234567890", "LP0012345678901234"], invalid: ["LP00123456789"] },
    source:
      "https://parceldetect.com/faq/aliexpress-standard-shipping-tracking-number-format (LP + 12–14 digits), https://www.cnusup.com/news/package-tracking-numbers-explained (LP + 12–15 digits)",
  },
  {
    id: "cainiao-route",
    carrier: "cainiao",
    name: "Cainiao route-coded (CN + destination + service + digits, e.g. CNUSUP…)",
    pattern: /^CN[A-Z]{4}\d{8,11}$/,
    prior: 0.9,
    favouredBy: MARKETPLACES,
    distinctive: true,
    testNumbers: { valid: ["CNUSUP00016597663", "CNFRAP12345678"], invalid: ["CNUSUP0001659"] },
    source: "https://www.cnusup.com/news/package-tracking-numbers-explained (CNUSUP + 8–11 digits)",
  },
  {
    id: "cainiao-cn-digits",
    carrier: "cainiao",
    name: "Cainiao Express CN + 12 to 15 digits",
    pattern: /^CN\d{12,15}$/,
    prior: 0.6,
    favouredBy: MARKETPLACES,
    distinctive: true,
    testNumbers: { valid: ["CN123456789012345", "CN123456789012"], invalid: ["CN12345678901"] },
    source: "https://parceldetect.com/faq/aliexpress-standard-shipping-tracking-number-format (CN + 12–15 digits)",
  },
  {
    id: "4px-prefixed",
    carrier: "4px",
    name: "4PX 4PX…CN",
    pattern: /^4PX\d{10,16}CN$/,
    prior: 0.97,
    favouredBy: MARKETPLACES,
    distinctive: true,
    testNumbers: { valid: ["4PX3000123456789CN", "4PX0001234567CN"], invalid: ["4PX30001234CN"] },
    source: "4PX labels (https://track.4px.com); https://trackpackage.live/guides/tracking-number-formats.html",
  },
  {
    id: "4px-12-digits",
    carrier: "4px",
    name: "4PX bare 12 digits",
    pattern: /^\d{12}$/,
    prior: 0.3,
    favouredBy: MARKETPLACES,
    distinctive: false,
    testNumbers: { valid: ["303012345678"], invalid: ["30301234567"] },
    source: "4PX service numbers as shown on AliExpress order pages (issue 3: a bare 12-digit number can be FedEx or 4PX)",
  },
  {
    id: "yanwen-yp-yr",
    carrier: "yanwen",
    name: "Yanwen …YP / …YR (S10-like, the suffix is not a country)",
    pattern: /^[A-Z]{2}\d{9}(?:YP|YR)$/,
    prior: 0.97,
    favouredBy: MARKETPLACES,
    distinctive: true,
    testNumbers: { valid: ["UF105934483YP", "LM123456789YR", "VR012345678YP"], invalid: ["UF105934483YQ"] },
    source: "Yanwen tracking (https://track.yw56.com.cn): YP/YR are Yanwen's own suffixes, not ISO 3166 codes",
  },
  {
    id: "temu-prefixed",
    carrier: "temu",
    name: "Temu logistics reference (TEMU…)",
    pattern: /^TEMU[0-9A-Z]{8,20}$/,
    prior: 0.8,
    favouredBy: { platforms: ["temu"] },
    distinctive: true,
    testNumbers: { valid: ["TEMU0012345678", "TEMUUS12345678901"], invalid: ["TEMU1234"] },
    source: "Assumption: Temu-prefixed references on Temu order pages; Temu publishes no format specification",
  },
];
