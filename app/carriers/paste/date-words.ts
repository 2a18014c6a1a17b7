/**
 * Month and weekday words as tracking pages print them, per language. Data, not code: adding a
 * language is adding a row. Forms include the abbreviations (with or without a dot) and, for
 * Slavic languages, the genitive that dates use ("4 марта 2026", "4 marca 2026").
 * Source: the CLDR month and day names (unicode.org/cldr, "format" and "abbreviated" widths) for
 * en, de, fr, es, pt, it, nl, pl, ru, uk, sv/da/nb, tr and cs.
 * Abbreviations that are everyday words elsewhere ("out", "set" in Portuguese) are left out.
 */

/** Month words, index 0 = January. Each entry lists every spelling we accept for that month. */
export const MONTH_WORDS: ReadonlyArray<{ lang: string; months: readonly (readonly string[])[] }> = [
  {
    lang: "en",
    months: [
      ["january", "jan"],
      ["february", "feb"],
      ["march", "mar"],
      ["april", "apr"],
      ["may"],
      ["june", "jun"],
      ["july", "jul"],
      ["august", "aug"],
      ["september", "sept", "sep"],
      ["october", "oct"],
      ["november", "nov"],
      ["december", "dec"],
    ],
  },
  {
    lang: "de",
    months: [
      ["januar", "jänner"],
      ["februar"],
      ["märz", "mrz", "maerz"],
      [],
      ["mai"],
      ["juni"],
      ["juli"],
      [],
      [],
      ["oktober", "okt"],
      [],
      ["dezember", "dez"],
    ],
  },
  {
    lang: "fr",
    months: [
      ["janvier", "janv"],
      ["février", "fevrier", "févr", "fevr"],
      ["mars"],
      ["avril", "avr"],
      ["mai"],
      ["juin"],
      ["juillet", "juil"],
      ["août", "aout"],
      ["septembre"],
      ["octobre"],
      ["novembre"],
      ["décembre", "decembre", "déc"],
    ],
  },
  {
    lang: "es",
    months: [
      ["enero", "ene"],
      ["febrero"],
      ["marzo"],
      ["abril", "abr"],
      ["mayo"],
      ["junio"],
      ["julio"],
      ["agosto", "ago"],
      ["septiembre", "setiembre"],
      ["octubre"],
      ["noviembre"],
      ["diciembre", "dic"],
    ],
  },
  {
    lang: "pt",
    months: [
      ["janeiro"],
      ["fevereiro", "fev"],
      ["março", "marco"],
      [],
      ["maio", "mai"],
      ["junho"],
      ["julho"],
      ["agosto", "ago"],
      ["setembro"],
      ["outubro"],
      ["novembro"],
      ["dezembro", "dez"],
    ],
  },
  {
    lang: "it",
    months: [
      ["gennaio", "gen"],
      ["febbraio"],
      ["marzo"],
      ["aprile"],
      ["maggio", "mag"],
      ["giugno", "giu"],
      ["luglio", "lug"],
      [],
      ["settembre"],
      ["ottobre", "ott"],
      [],
      ["dicembre"],
    ],
  },
  {
    lang: "nl",
    months: [["januari"], ["februari"], ["maart", "mrt"], [], ["mei"], [], ["juli"], ["augustus"], [], [], [], []],
  },
  {
    lang: "pl",
    months: [
      ["stycznia", "styczeń", "sty"],
      ["lutego", "luty", "lut"],
      ["marca", "marzec"],
      ["kwietnia", "kwiecień", "kwi"],
      ["maja", "maj"],
      ["czerwca", "czerwiec", "cze"],
      ["lipca", "lipiec", "lip"],
      ["sierpnia", "sierpień", "sie"],
      ["września", "wrzesień", "wrz"],
      ["października", "październik", "paź"],
      ["listopada", "listopad", "lis"],
      ["grudnia", "grudzień", "gru"],
    ],
  },
  {
    lang: "ru",
    months: [
      ["января", "январь", "янв"],
      ["февраля", "февраль", "фев"],
      ["марта", "март", "мар"],
      ["апреля", "апрель", "апр"],
      ["мая", "май"],
      ["июня", "июнь", "июн"],
      ["июля", "июль", "июл"],
      ["августа", "август", "авг"],
      ["сентября", "сентябрь", "сен"],
      ["октября", "октябрь", "окт"],
      ["ноября", "ноябрь", "ноя"],
      ["декабря", "декабрь", "дек"],
    ],
  },
  {
    lang: "uk",
    months: [
      ["січня", "січень"],
      ["лютого", "лютий"],
      ["березня", "березень"],
      ["квітня", "квітень"],
      ["травня", "травень"],
      ["червня", "червень"],
      ["липня", "липень"],
      ["серпня", "серпень"],
      ["вересня", "вересень"],
      ["жовтня", "жовтень"],
      ["листопада", "листопад"],
      ["грудня", "грудень"],
    ],
  },
  {
    // Swedish, Danish and Norwegian (PostNord, Posti's Swedish pages) share most forms. Short forms
    // that are everyday words elsewhere ("des" in French) are left out, as above; so are the
    // Turkish, Ukrainian and Czech abbreviations ("tem" is Portuguese for "has").
    lang: "sv-da-no",
    months: [
      ["januari", "januar"],
      ["februari", "februar"],
      ["mars", "marts"],
      [],
      ["maj"],
      ["juni"],
      ["juli"],
      ["augusti", "august"],
      [],
      ["oktober", "okt"],
      [],
      ["december", "desember"],
    ],
  },
  {
    lang: "tr",
    months: [["ocak"], ["şubat"], ["mart"], ["nisan"], ["mayıs"], ["haziran"], ["temmuz"], ["ağustos"], ["eylül"], ["ekim"], ["kasım"], ["aralık"]],
  },
  {
    lang: "cs",
    months: [
      ["ledna", "leden"],
      ["února", "únor"],
      ["března", "březen"],
      ["dubna", "duben"],
      ["května", "květen"],
      ["června", "červen"],
      ["července", "červenec"],
      ["srpna", "srpen"],
      ["září"],
      ["října", "říjen"],
      ["listopadu"],
      ["prosince", "prosinec"],
    ],
  },
];

/** Weekday words, dropped when they are all that is left beside a date ("Wednesday, March 4, 2026"). */
export const WEEKDAY_WORDS: readonly string[] = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  "montag",
  "dienstag",
  "mittwoch",
  "donnerstag",
  "freitag",
  "samstag",
  "sonntag",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "lunes",
  "martes",
  "miércoles",
  "jueves",
  "viernes",
  "sábado",
  "domingo",
  "segunda-feira",
  "terça-feira",
  "quarta-feira",
  "quinta-feira",
  "sexta-feira",
  "星期一",
  "星期二",
  "星期三",
  "星期四",
  "星期五",
  "星期六",
  "星期日",
  "周一",
  "周二",
  "周三",
  "周四",
  "周五",
  "周六",
  "周日",
];

/** Month number (1–12) for every accepted spelling, lower-case. */
export const MONTH_BY_WORD: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const { months } of MONTH_WORDS) {
    months.forEach((forms, index) => {
      for (const form of forms) if (!map.has(form)) map.set(form, index + 1);
    });
  }
  return map;
})();

/**
 * Fixed-offset zone abbreviations that mean one thing only. Ambiguous ones (CST: China or US
 * Central; IST; BST) are left out on purpose: a wrong offset is worse than the paste's default zone.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

/**
 * US generic zone names ("12:26 PM ET", DHL eCommerce and USPS feeds) follow daylight saving, so they
 * name a zone, not an offset.
 */
export const ZONE_NAMES: Readonly<Record<string, string>> = {
  et: "America/New_York",
  ct: "America/Chicago",
  mt: "America/Denver",
  pt: "America/Los_Angeles",
  akt: "America/Anchorage",
  ht: "Pacific/Honolulu",
};
