/**
 * Writes the squeezed date forms some pages and exports print into forms the date scanner reads:
 * - a date glued to its time with no space: "2024-01-1510:30", "15.01.202410:30", "Jan 15, 202410:30";
 * - compact digit-only dates and times: "20240115 103000", "20240115103000", "20240115 1030".
 * Every pattern has fixed-length parts only, so a line of digits cannot make it backtrack. A
 * compact run is read as a date only when it is a real calendar day of 1990–2099 standing alone
 * (a longer digit run is a tracking number, not a date).
 */
const YEAR_MONTH_DAY_GLUED = /(?<!\d)(\d{4}([-/.])\d{1,2}\2\d{2})(?=(?:[01]?\d|2[0-3]):[0-5]\d)/g;
const YEAR_GLUED = /(?<![\d:])((?:19|20)\d{2})(?=(?:[01]?\d|2[0-3]):[0-5]\d)/g;
const COMPACT = /(?<![\d.:/-])(19[9]\d|20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[ T]?([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?(?![\d:])/g;
const HAS_GLUE = /\d{3}:\d/;
const HAS_RUN = /\d{8}/;

export function spaceOutDates(line: string): string {
  let result = line;
  if (HAS_GLUE.test(result)) {
    result = result.replace(YEAR_MONTH_DAY_GLUED, "$1 ").replace(YEAR_GLUED, "$1 ");
  }
  if (HAS_RUN.test(result)) {
    result = result.replace(COMPACT, (whole, year: string, month: string, day: string, hour?: string, minute?: string, second?: string) => {
      const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
      if (date.getUTCDate() !== Number(day)) return whole;
      const time = hour === undefined ? "" : ` ${hour}:${minute}${second === undefined ? "" : `:${second}`}`;
      return `${year}-${month}-${day}${time}`;
    });
  }
  return result;
}
