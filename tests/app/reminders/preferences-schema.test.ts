import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { ReminderSettingsSchema } from "../../../app/reminders/preferences-schema.ts";

function submit(entries: [string, string][]) {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return parseWithZod(form, { schema: ReminderSettingsSchema });
}

const valid: [string, string][] = [
  ["intent", "save"],
  ["leadDays", "7, 3, 1"],
  ["sendTime", "09:00"],
  ["timeZone", "Europe/Paris"],
  ["email", "ana@buyer.example"],
];

describe("reminder settings form", () => {
  it("reads one ticked channel as a list, lead days as sorted whole days, empty fields as absent", () => {
    const result = submit([
      ["intent", "save"],
      ["channels", "email"],
      ["leadDays", "1 14,3"],
      ["sendTime", "09:00"],
      ["timeZone", "Europe/Paris"],
      ["email", "ana@buyer.example"],
      ["quietStart", ""],
      ["webhookUrl", ""],
    ]);
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value.channels).toEqual(["email"]);
    expect(result.value.leadDays).toEqual([14, 3, 1]);
    expect(result.value.quietStart).toBeUndefined();
    expect(result.value.webhookUrl).toBeUndefined();
  });

  it("accepts no channel at all (reminders off)", () => {
    const result = submit(valid);
    expect(result.status === "success" && result.value.channels).toEqual([]);
  });

  it("says what to fix", () => {
    const cases: [[string, string][], string, RegExp][] = [
      [[["channels", "webhook"]], "webhookUrl", /Give the webhook address/],
      [[["quietStart", "22:00"]], "quietEnd", /both the start and the end/],
      [[["channels", "sms"]], "channels[0]", /Choose app, e-mail or webhook/],
      [[["webhookUrl", "ftp://files.example/x"]], "webhookUrl", /must start with https:\/\//],
      [
        [
          ["webhookUrl", "https://ntfy.example/x"],
          ["webhookSecret", "short"],
        ],
        "webhookSecret",
        /at least 16 characters/,
      ],
    ];
    for (const [extra, field, message] of cases) {
      const result = submit([...valid, ...extra]);
      expect(result.status, field).toBe("error");
      expect(result.reply().error?.[field]?.join(" "), field).toMatch(message);
    }
    const badDays = submit(valid.map(([k, v]) => (k === "leadDays" ? [k, "7, 99"] : [k, v])) as [string, string][]);
    expect(badDays.reply().error?.leadDays?.[0]).toMatch(/from 0 to 60/);
  });
});
