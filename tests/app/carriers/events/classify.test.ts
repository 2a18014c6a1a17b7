import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { classifyEvent, classifyEventAt } from "../../../../app/carriers/events/classify.ts";

/** The distinctions a buyer's deadlines depend on (issue 3), one row each. */
const HARD_CASES: ReadonlyArray<readonly [text: string, milestone: string]> = [
  // export at origin is leaving, not the destination's customs
  ["Export customs clearance started", "departed_origin"],
  ["Export customs clearance complete", "departed_origin"],
  ["Import customs clearance started", "customs_pending"],
  ["Import customs clearance complete", "customs_cleared"],
  ["出口清关完成", "departed_origin"],
  ["进口清关完成", "customs_cleared"],
  ["Экспорт международной почты", "departed_origin"],
  ["Импорт международной почты", "arrived_destination"],
  // origin sorting vs destination delivery office
  ["Arrived at sorting center", "picked_up"],
  ["Arrived at delivery office", "at_delivery_office"],
  ["Die Sendung wurde im Start-Paketzentrum bearbeitet.", "picked_up"],
  // return vs returned vs "delivered to sender"
  ["Return to sender initiated", "returned"],
  ["Returned to sender", "returned"],
  ["Delivered to sender", "returned"],
  // attempt vs delivered; negations
  ["Delivery attempt failed - nobody home", "delivery_failed"],
  ["Notice left (no authorized recipient available)", "delivery_failed"],
  ["Not delivered", "delivery_failed"],
  ["Your item could not be delivered", "delivery_failed"],
  ["Die Sendung konnte nicht zugestellt werden.", "delivery_failed"],
  ["Zending niet bezorgd, adres incorrect", "delivery_failed"],
  ["A entrega não pode ser efetuada - Carteiro não atendido", "delivery_failed"],
  ["未妥投", "delivery_failed"],
  ["收件人拒绝签收", "returned"],
  ["派送失败，收件人不在", "delivery_failed"],
  ["Delivered, In/At Mailbox", "delivered"],
  // country arrival vs facility arrival
  ["Arrived at destination country", "arrived_destination"],
  ["Arrived at facility", "in_transit"],
  // airline handover contains "delivered" but is leaving the origin
  ["Delivered to airline", "departed_origin"],
  ["Picked up by the customer", "delivered"],
];

describe("classifyEvent", () => {
  it.each(HARD_CASES)("reads %j as %s", (text, milestone) => {
    expect(classifyEvent(text).milestone).toBe(milestone);
  });

  it("says unknown, with confidence 0, for text that names no event", () => {
    for (const text of [
      "",
      "   ",
      "Carrier note:",
      "LP00123456789012",
      "Estimated delivery: Tuesday",
      "🙂📦🚚",
      "\u0000\u0001\u0002",
      "Shenzhen, CN",
    ]) {
      expect(classifyEvent(text), text).toEqual({ milestone: "unknown", confidence: 0 });
    }
  });

  it("is not confident when the text says two contradictory things", () => {
    const mixed = classifyEvent("Delivered / Returned to sender");
    expect(mixed.confidence).toBeLessThan(0.8);
  });

  it("reads a negation across a short word but not across a clause break", () => {
    // "non è stata consegnata": the negation skips "è stata"; never read as delivered
    expect(classifyEvent("La spedizione non è stata consegnata").milestone).not.toBe("delivered");
    expect(classifyEvent("The parcel was not yet delivered").milestone).not.toBe("delivered");
    // the comma ends the negated clause: the return stands
    expect(classifyEvent("Shipment not collected, return to sender").milestone).toBe("returned");
    expect(classifyEvent("Recipient not at address. Returned to sender.").milestone).toBe("returned");
  });

  it("matches regardless of case, accents and punctuation", () => {
    expect(classifyEvent("OUT FOR DELIVERY").milestone).toBe("out_for_delivery");
    expect(classifyEvent("votre colis est livre").milestone).toBe("delivered");
    expect(classifyEvent("Przesylka doreczona").milestone).toBe("delivered");
    expect(classifyEvent("out-for-delivery!!").milestone).toBe("out_for_delivery");
  });

  it("reads the Arrived/Arrive/Arrival and Departed/Depart/Departure forms alike", () => {
    for (const text of ["Arrived at destination country", "Arrive at destination country", "Arrival at destination country"]) {
      expect(classifyEvent(text).milestone, text).toBe("arrived_destination");
    }
    for (const text of ["Departed from origin country", "Depart from origin country", "Departure from origin country"]) {
      expect(classifyEvent(text).milestone, text).toBe("departed_origin");
    }
  });

  it("matches whole words only", () => {
    // "undelivered" is not "delivered"; "transitional" is not "transit"
    expect(classifyEvent("Undelivered").milestone).not.toBe("delivered");
    expect(classifyEvent("transitional arrangements").milestone).toBe("unknown");
  });

  it("never throws, always answers a contract milestone with confidence in 0..1, on any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("delivered", "已签收", "not ")),
        (text) => {
          const { milestone, confidence } = classifyEvent(text);
          expect(MILESTONES).toContain(milestone);
          expect(confidence).toBeGreaterThanOrEqual(0);
          expect(confidence).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("classifies a part of a longer text exactly as the same part on its own", () => {
    const pool = ["Delivered", "not", "已签收", "Export customs clearance", "\n", ", ", "zugestellt", "x"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join(" ");
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        expect(classifyEventAt(text, start, end)).toEqual(classifyEvent(text.slice(start, end)));
      }),
    );
  });

  it("survives hostile input: non-strings, 1 MB lines, control characters, lone surrogates", () => {
    expect(classifyEvent(undefined as unknown as string).milestone).toBe("unknown");
    expect(classifyEvent(42 as unknown as string).milestone).toBe("unknown");
    expect(classifyEvent("\uD800\uDFFF\uDC00 delivered \uD83D").milestone).toBe("delivered");
    const megabyte = "delivered not returned 已签收 ".repeat(40_000);
    expect(megabyte.length).toBeGreaterThan(1_000_000);
    const read = classifyEvent(megabyte);
    expect(MILESTONES).toContain(read.milestone);
    expect(classifyEvent("a".repeat(1_000_000)).milestone).toBe("unknown");
  });
});
