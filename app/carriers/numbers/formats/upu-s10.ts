/**
 * UPU S10 item identifiers: two service letters, eight serial digits, a mod-11 check digit
 * (weights 8 6 4 2 3 5 9 7) and the ISO 3166 code of the issuing post. Any two service letters are
 * accepted (contract §3): posts use letters outside the dataset's list (Royal Mail's AB…GB), and the
 * check digit plus the country code already make the shape specific.
 * Sources: UPU standard S10 (https://www.upu.int/en/Postal-Solutions/Programmes-Services/Standards),
 * jkeen/tracking_number_data couriers/s10.json (MIT) for the service indicators and member list.
 */
import type { CarrierId } from "../../../../machines/vocabulary.ts";
import type { NumberFormat } from "../types.ts";

/**
 * Issuers of S10 numbers: the UPU members listed in s10.json, plus territories whose posts issue
 * their own S10 series (Macao, Taiwan, Gibraltar, the Faroes, Greenland, the Channel Islands, …).
 */
const S10_ISSUERS =
  "AF AL DZ AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI KH CM CA CV CF TD CL CN HK CO KM CG " +
  "CR HR CU CY CZ CI KP CD DK DJ DM DO EC EG SV GQ ER EE ET FJ FI FR GA GM GE DE GH GB GR GD GT GN GW GY HT HN HU IS IN " +
  "ID IR IQ IE IL IT JM JP JO KZ KE KI KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MR MU MX MD MC MN ME MA MZ " +
  "MM NA NR NP NL NZ NI NE NG NO OM PK PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO " +
  "ZA SS ES LK SD SR SZ SE CH SY TJ TZ TH MK TL TG TO TT TN TR TM TV UG UA AE US UY UZ VU VA VE VN YE ZM ZW " +
  "MO TW GI FO GL AW CW SX NC PF JE GG IM BM KY VG AI MS FK SH";

export const S10_COUNTRIES: ReadonlySet<string> = new Set(S10_ISSUERS.split(" "));

/** The national post behind a country suffix, where the contract has an id for it; otherwise `s10`. */
export const S10_NATIONAL_POSTS: Readonly<Record<string, CarrierId>> = {
  CN: "china-post",
  US: "usps",
  GB: "royal-mail",
  NL: "postnl",
  DE: "deutsche-post",
  FR: "la-poste",
  ES: "correos",
  IT: "poste-italiane",
  CA: "canada-post",
  AU: "australia-post",
  JP: "japan-post",
  KR: "korea-post",
  SG: "singapore-post",
  BR: "correios",
  PL: "poczta-polska",
  UA: "ukrposhta",
  SE: "postnord",
  DK: "postnord",
  FI: "posti",
};

/**
 * Brands of the same post that issue S10 numbers for some services: Colissimo parcels (C…FR) are
 * La Poste's parcel brand; Parcelforce Worldwide carries Royal Mail's express and parcel items
 * (E…GB, C…GB). Source: La Poste / Colissimo and Parcelforce tracking-format pages
 * (https://www.parcelforce.com/help-and-advice/sending-worldwide/tracking-number-formats).
 */
export const S10_BRANDS: readonly { country: string; services: RegExp; carrier: CarrierId; first: boolean }[] = [
  { country: "FR", services: /^C/, carrier: "colissimo", first: true },
  { country: "GB", services: /^[CE]/, carrier: "parcelforce", first: false },
];

export const S10_FORMAT: NumberFormat = {
  id: "upu-s10",
  mirrors: ["s10/S10"],
  carrier: "s10",
  name: "UPU S10",
  pattern: /^(?<service>[A-Z]{2})(?<serial>\d{8})(?<check>\d)(?<country>[A-Z]{2})$/,
  check: { algorithm: "s10" },
  s10Country: true,
  prior: 0.95,
  distinctive: true,
  testNumbers: {
    valid: ["RR123456785CN", "AB987654326GB", "RB123456785GB", "RB123456785US", "LX123456785DE", "CP123456785FR", "EE123456785JP"],
    invalid: ["RR123456786CN", "RB123456785XX", "XJ123456784CN"],
  },
  source: "UPU S10; jkeen/tracking_number_data couriers/s10.json (MIT)",
};
