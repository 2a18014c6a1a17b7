import { z } from "zod";
import { parseHistory } from "../../carriers/paste/parse-history.ts";
import { isValidTimeZone } from "../../carriers/paste/to-instant.ts";
import { UsageError, writeJsonLine, type CliCommand } from "../io.ts";

const TimeZoneSchema = z
  .string()
  .min(1)
  .refine(isValidTimeZone, (zone) => ({
    message: `unknown time zone "${zone}"; give an IANA name such as Europe/Paris`,
  }));

/**
 * `parse`: a tracking history pasted on standard input → one JSON object,
 * `{"events": [{"at", "location", "text", "milestone"}]}`, newest first (CONTRACT.md §4).
 * `--time-zone ZONE` says which zone the page showed times in (default UTC); it is an addition, the
 * contract's bare `parse` is unchanged.
 */
export const parse: CliCommand = async (args, io) => {
  let timeZone = "UTC";
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const inline = arg.startsWith("--time-zone=") ? arg.slice("--time-zone=".length) : null;
    if (arg !== "--time-zone" && inline === null) {
      throw new UsageError(`parse takes no argument "${arg}"; pipe the copied tracking history in (optionally --time-zone ZONE)`);
    }
    const value = inline ?? args[(i += 1)];
    const zone = TimeZoneSchema.safeParse(value ?? "");
    if (!zone.success) throw new UsageError(value ? zone.error.issues[0].message : "--time-zone needs a zone name, e.g. Europe/Paris");
    timeZone = zone.data;
  }
  const input = await io.readStdin();
  if (input.trim() === "") {
    throw new UsageError("nothing to parse: paste a tracking history on standard input (dates with times, then the event text)");
  }
  const { events } = parseHistory(input, { timeZone });
  if (events.length === 0) {
    throw new UsageError("no tracking events found: each event needs a date such as 2026-03-04 08:15, 04/03/2026 08:15 or Mar 4, 2026, 8:15 am");
  }
  writeJsonLine(io, { events: events.map(({ at, location, text, milestone }) => ({ at, location, text, milestone })) });
};
