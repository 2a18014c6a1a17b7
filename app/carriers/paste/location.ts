/**
 * Telling the place from the description, where the page's layout shows it. Each rule is a row
 * with the layout it comes from; a line that matches none stays description (a wrong place is
 * worse than no place).
 */

/** Place written before the description inside brackets: Chinese couriers and Cainiao's English feed. */
const PREFIX_RULES: ReadonlyArray<{ source: string; regex: RegExp }> = [
  // ZTO / Best / Cainiao domestic legs: "【苏州市】 快件已经到达 【常熟天下淘宝四】"
  { source: "Chinese courier traces (acceptStation)", regex: /^【([^】\n]{1,60})】[\s,，:：-]{0,3}/u },
  // Cainiao global detail feed: "[Shatian Town] Departed from sorting center"
  { source: "Cainiao global tracking (standerdDesc)", regex: /^\[([^\]\n]{1,60})\][\s,:-]{0,3}/u },
];

/** A line that says "Location: …" in one of the paste languages. */
const LABELLED_LOCATION =
  /^(?:location|place|city|ort|standort|lieu|localisation|ubicación|ubicacion|localização|localizacao|local|luogo|località|locatie|plaats|miejsce|lokalizacja|местоположение|место|город|地点|位置|所在地|所在城市)\s{0,3}[:：]\s{0,3}(\S.{0,79})$/iu;

/** Country names as trackers print them after a city ("Shenzhen, China"); lower-case. */
const COUNTRY_NAMES = new Set([
  "china",
  "hong kong",
  "united states",
  "usa",
  "united kingdom",
  "uk",
  "great britain",
  "germany",
  "france",
  "spain",
  "italy",
  "netherlands",
  "the netherlands",
  "belgium",
  "poland",
  "portugal",
  "brazil",
  "russia",
  "russian federation",
  "canada",
  "australia",
  "japan",
  "korea",
  "south korea",
  "singapore",
  "mexico",
  "sweden",
  "norway",
  "denmark",
  "finland",
  "austria",
  "switzerland",
  "ireland",
  "czech republic",
  "czechia",
  "hungary",
  "romania",
  "greece",
  "turkey",
  "israel",
  "ukraine",
  "new zealand",
  "chile",
  "colombia",
  "argentina",
  "peru",
  "saudi arabia",
  "united arab emirates",
  "uae",
  "malaysia",
  "thailand",
  "vietnam",
  "bahrain",
  "qatar",
  "kuwait",
  "oman",
  "egypt",
  "morocco",
  "nigeria",
  "kenya",
  "philippines",
  "indonesia",
  "india",
  "south africa",
  "中国",
  "deutschland",
  "frankreich",
  "españa",
  "italia",
  "nederland",
  "polska",
  "россия",
  "brasil",
]);

/** Whole lines that are a place (the layout puts the place on its own line). */
const LOCATION_LINE_RULES: ReadonlyArray<{ source: string; test: (line: string) => boolean }> = [
  {
    source: "USPS / Royal Mail / 17TRACK: 'WASHINGTON, DC 20001', 'Shenzhen, CN'",
    test: (line) => /^[\p{L}][\p{L} .'-]{1,40},\s?[A-Z]{2}(?:\s{1,2}\d{5}(?:-\d{4})?)?$/u.test(line),
  },
  {
    source: "USPS upper-case facility lines: 'CHICAGO IL 60601'",
    test: (line) => /^[A-Z][A-Z .'-]{1,40}\s[A-Z]{2}\s\d{5}(?:-\d{4})?$/.test(line),
  },
  {
    source: "ParcelsApp / AliExpress: 'Shenzhen, China', 'China'",
    test: (line) => {
      const lower = line.toLowerCase();
      if (COUNTRY_NAMES.has(lower)) return true;
      const comma = lower.lastIndexOf(",");
      return comma > 0 && line.length <= 60 && COUNTRY_NAMES.has(lower.slice(comma + 1).trim()) && !/\d{3}/.test(line);
    },
  },
  {
    source: "Chinese couriers: a city or district name on its own line ('深圳市')",
    test: (line) => /^[\p{Script=Han}]{1,10}(?:市|省|区|县|镇)$/u.test(line),
  },
];

export interface LocationSplit {
  location: string | null;
  text: string;
}

function placeLike(left: string, saysSomething: (part: string) => boolean): boolean {
  return left.trim().split(/\s+/).length <= 4 && !saysSomething(left);
}

/** The place named on a line of its own, or null. */
export function locationOfLine(line: string): string | null {
  const labelled = LABELLED_LOCATION.exec(line);
  if (labelled) return labelled[1].trim();
  if (line.length > 80) return null;
  return LOCATION_LINE_RULES.some((rule) => rule.test(line)) ? line : null;
}

/**
 * Splits a one-line event into place and description: a bracketed prefix, or "City - Description" /
 * "City, Description" where `saysSomething` confirms the left part is not itself an event
 * ("Delivered, In/At Mailbox" stays whole).
 */
export function splitInlineLocation(text: string, saysSomething: (part: string) => boolean): LocationSplit {
  for (const rule of PREFIX_RULES) {
    const m = rule.regex.exec(text);
    if (m && m[0].length < text.length) return { location: m[1].trim(), text: text.slice(m[0].length).trim() };
  }
  // "City - Description" (Landmark, dash-separated tracker lines): the spaced dash is a clear break.
  const dash = /^([\p{Lu}\p{Lo}][\p{L} .,'()]{1,38}?)\s[-–—|]\s(\S.*)$/su.exec(text);
  if (dash && placeLike(dash[1], saysSomething)) return { location: dash[1].trim(), text: dash[2].trim() };
  // "City, Description": a comma is weaker, so the place must be Capitalised Words and the
  // description must read as an event ("We have your parcel, and …" stays whole).
  const comma = /^([\p{Lu}\p{Lo}][\p{L} .'()]{1,38}?)[,，]\s?(\S.*)$/su.exec(text);
  if (
    comma &&
    placeLike(comma[1], saysSomething) &&
    comma[1]
      .trim()
      .split(/\s+/)
      .every((word) => /^[\p{Lu}\p{Lo}]/u.test(word)) &&
    saysSomething(comma[2])
  ) {
    return { location: comma[1].trim(), text: comma[2].trim() };
  }
  return { location: null, text };
}
