import { describe, expect, it } from "vitest";
import { CARRIER_IDS, type CarrierId } from "../../../../machines/vocabulary.ts";
import { detectNumber, detectNumberDetails } from "../../../../app/carriers/numbers/detect.ts";

describe("detectNumber answers in the contract's shape", () => {
  it("has exactly the contract keys, in order, country only for S10", () => {
    expect(Object.keys(detectNumber("LP00123456789012"))).toEqual(["input", "normalized", "carrier", "valid", "candidates"]);
    expect(Object.keys(detectNumber("RR123456785CN"))).toEqual(["input", "normalized", "carrier", "valid", "country", "candidates"]);
    expect(Object.keys(detectNumber("nonsense"))).toEqual(["input", "normalized", "carrier", "valid", "candidates"]);
  });

  it("names the top candidate as the carrier, candidates most likely first", () => {
    for (const number of ["986578788855", "CN123456789012345", "EE123456785GB", "LP00123456789012", "3318810025"]) {
      const detection = detectNumber(number);
      expect(detection.carrier).toBe(detection.candidates[0]?.carrier ?? null);
      const confidences = detection.candidates.map((c) => c.confidence);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
      for (const confidence of confidences) expect(confidence).toBeGreaterThan(0);
      expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0001);
    }
  });
});

describe("UPU S10", () => {
  it.each([
    ["RR123456785CN", "china-post", "CN"],
    ["LX123456785DE", "deutsche-post", "DE"],
    ["RB123456785GB", "royal-mail", "GB"],
    ["EA123456785US", "usps", "US"],
    ["LS123456785NL", "postnl", "NL"],
    ["RR123456785ES", "correos", "ES"],
    ["RR123456785IT", "poste-italiane", "IT"],
    ["RR123456785FR", "la-poste", "FR"],
    ["CP123456785FR", "colissimo", "FR"],
    ["RR123456785CA", "canada-post", "CA"],
    ["RR123456785AU", "australia-post", "AU"],
    ["EE123456785JP", "japan-post", "JP"],
    ["RR123456785KR", "korea-post", "KR"],
    ["RR123456785SG", "singapore-post", "SG"],
    ["RR123456785SE", "postnord", "SE"],
    ["UA123456785BR", "correios", "BR"],
    ["RR123456785PL", "poczta-polska", "PL"],
    ["RR123456785UA", "ukrposhta", "UA"],
    ["RR123456785CH", "s10", "CH"],
    // Royal Mail issues service letters outside the short list some tables carry (issue 12).
    ["AB987654326GB", "royal-mail", "GB"],
  ] as const)("%s is %s with country %s", (number, carrier, country) => {
    const detection = detectNumber(number);
    expect(detection).toMatchObject({ normalized: number, carrier, valid: true, country });
  });

  it("checks the mod-11 digit on real-looking examples", () => {
    // 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5.
    expect(detectNumber("RR123456785CN").valid).toBe(true);
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === 5) continue;
      expect(detectNumber(`RR12345678${digit}CN`).valid).toBe(false);
    }
    // Remainder 0 gives check digit 5, remainder 1 gives 0 (UPU S10 §5.4).
    expect(detectNumber("RR000000005CN").valid).toBe(true);
  });

  it("keeps the guess and the country when only the check digit is wrong (a typo)", () => {
    const detection = detectNumber("RR123456786CN");
    expect(detection).toMatchObject({ carrier: "china-post", valid: false, country: "CN" });
    expect(detection.candidates[0].confidence).toBeLessThan(0.3);
  });

  it("rejects suffixes that are not countries, and accepts any two service letters", () => {
    expect(detectNumber("RB123456785XX").valid).toBe(false);
    expect(detectNumber("XJ123456785CN")).toMatchObject({ carrier: "china-post", valid: true, country: "CN" });
  });

  it("reads Yanwen's YP / YR suffixes as Yanwen, not as countries", () => {
    for (const number of ["UF105934483YP", "LM123456789YR"]) {
      const detection = detectNumber(number);
      expect(detection).toMatchObject({ carrier: "yanwen", valid: true });
      expect(detection.country).toBeUndefined();
    }
  });
});

describe("normalisation", () => {
  it.each([
    ["rr 123 456 785 cn", "RR123456785CN"],
    ["RR-123-456-785-CN", "RR123456785CN"],
    ["\tlp0012 3456 7890 12\n", "LP00123456789012"],
    ["ＬＰ００１２３４５６７８９０１２", "LP00123456789012"],
    ["1z 5r8 939 0357 567 127", "1Z5R89390357567127"],
  ])("%j → %s", (input, normalized) => {
    const detection = detectNumber(input);
    expect(detection.normalized).toBe(normalized);
    expect(detection.valid).toBe(true);
    expect(detection.input).toBe(input);
  });

  it("strips the USPS 420+ZIP routing prefix from the number and still reports it", () => {
    const details = detectNumberDetails("420 22153 9101026837331000039521");
    expect(details).toMatchObject({ carrier: "usps", valid: true, normalized: "9101026837331000039521" });
    expect(details.routing).toEqual({ prefix: "42022153", zip: "22153" });
    const plus4 = detectNumberDetails("4201002334249200190132607600833457");
    expect(plus4.normalized).toBe("9200190132607600833457");
    expect(plus4.routing?.zip).toBe("10023");
  });
});

describe("carriers of the contract", () => {
  /** One example per contract carrier id; each must come out as that carrier, valid. */
  const EXAMPLES: Record<CarrierId, string> = {
    cainiao: "LP00123456789012",
    yunexpress: "YT2229521272164446",
    "4px": "4PX3000123456789CN",
    yanwen: "UF105934483YP",
    "china-post": "RR123456785CN",
    usps: "9400111201080805483016",
    ups: "1Z5R89390357567127",
    fedex: "986578788855",
    dhl: "3318810025",
    "dhl-ecommerce": "GM2951173225174494",
    "royal-mail": "RB123456785GB",
    parcelforce: "AAAA1234567890",
    postnl: "3SABCD1234567",
    "deutsche-post": "LX123456785DE",
    "la-poste": "1K12345678901",
    colissimo: "6A12345678901",
    correos: "PQ4F6P0703673180108090Y",
    "poste-italiane": "RR123456785IT",
    "canada-post": "0073938000549297",
    "australia-post": "33ABC123456789",
    amazon: "TBA502887274000",
    ontrac: "C11031500001879",
    lasership: "1LS717793482164",
    evri: "H00ZHA0029823548",
    yodel: "JD0002242617644732",
    dpd: "008182709980000020033350276C",
    gls: "12345678901",
    purolator: "KYV009956937",
    canpar: "D576002440000001718010",
    landmark: "LTN74207623N1",
    gofo: "GFUS01011884214464",
    speedee: "SP029692510000920746",
    "old-dominion": "07209562763",
    "dhl-paket": "00340434161094042557",
    "japan-post": "EE123456785JP",
    "korea-post": "RR123456785KR",
    "singapore-post": "RR123456785SG",
    temu: "TEMU0012345678",
    inpost: "520000014433330021832563",
    correios: "UA123456785BR",
    "poczta-polska": "00159007733123456789",
    yamato: "123456789013",
    sagawa: "400012345678",
    ukrposhta: "0500128254610",
    "nova-poshta": "59000000000001",
    "correos-express": "30012345678901234567890",
    tnt: "GD123456785WW",
    postnord: "RR123456785SE",
    posti: "RR123456785FI",
    s10: "RR123456785CH",
  };

  it("has an example for every contract carrier id", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...CARRIER_IDS].sort());
  });

  it.each(Object.entries(EXAMPLES))("%s: %s", (carrier, number) => {
    const detection = detectNumber(number);
    expect(detection.valid).toBe(true);
    expect(detection.candidates.map((c) => c.carrier)).toContain(carrier);
  });
});

describe("ambiguous numbers are ranked, and context moves the ranking", () => {
  it("a bare 12-digit FedEx number with a good check digit: FedEx first, 4PX second", () => {
    const detection = detectNumber("986578788855");
    expect(detection.candidates.slice(0, 2).map((c) => c.carrier)).toEqual(["fedex", "4px"]);
    expect(detection.candidates[0].confidence).toBeGreaterThan(detection.candidates[1].confidence);
  });

  it("the same number from an AliExpress order or a Chinese origin puts 4PX first", () => {
    for (const context of [{ platform: "aliexpress" as const }, { originCountry: "cn" }]) {
      const detection = detectNumber("986578788855", context);
      expect(detection.carrier).toBe("4px");
      expect(detection.candidates.map((c) => c.carrier)).toContain("fedex");
    }
  });

  it("a 12-digit number whose FedEx check fails is not offered as FedEx", () => {
    const detection = detectNumber("996578788855");
    expect(detection.candidates.map((c) => c.carrier)).not.toContain("fedex");
    expect(detection.carrier).toBe("4px");
  });

  it("CN + digits: Cainiao and DHL eCommerce both offered; AliExpress context settles it for Cainiao", () => {
    const plain = detectNumber("CN123456789012345").candidates.map((c) => c.carrier);
    expect(plain).toEqual(expect.arrayContaining(["cainiao", "dhl-ecommerce"]));
    const fromAliExpress = detectNumber("CN123456789012345", { platform: "aliexpress" });
    expect(fromAliExpress.carrier).toBe("cainiao");
    expect(fromAliExpress.candidates[0].confidence).toBeGreaterThan(fromAliExpress.candidates[1].confidence);
  });

  it("an origin matching an S10 suffix does not change the carrier, only strengthens it", () => {
    expect(detectNumber("RR123456785CN", { originCountry: "CN" }).carrier).toBe("china-post");
  });

  it("ignores context it does not understand", () => {
    const junk = { platform: "ebay", originCountry: "China" } as unknown as Parameters<typeof detectNumber>[1];
    expect(detectNumber("986578788855", junk)).toEqual(detectNumber("986578788855"));
  });
});

describe("placeholders and bare digit runs", () => {
  it.each(["000000000000", "0000000000000000000000", "111111111111111", "99999999999999", "5555555555"])(
    "%s (one repeated digit) is never valid, whatever check digit it passes",
    (number) => {
      expect(detectNumber(number)).toMatchObject({ carrier: null, valid: false, candidates: [] });
    },
  );

  it("a 14-digit number that fits DPD, DHL eCommerce and Nova Poshta gets all three, none confidently", () => {
    const detection = detectNumber("59000000000001");
    expect(detection.candidates.map((c) => c.carrier)).toEqual(expect.arrayContaining(["dpd", "dhl-ecommerce", "nova-poshta"]));
    for (const candidate of detection.candidates) expect(candidate.confidence).toBeLessThan(0.5);
  });

  it("a 12-digit number that passes Yamato's mod-7 digit ranks the Japanese carriers beside the others", () => {
    const carriers = detectNumber("123456789013").candidates.map((c) => c.carrier);
    expect(carriers).toEqual(expect.arrayContaining(["yamato", "japan-post", "4px"]));
    expect(detectNumber("123456789013", { originCountry: "JP" }).carrier).toMatch(/^(yamato|japan-post)$/);
  });
});

describe("bad input", () => {
  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["hello world", "words"],
    ["😀📦😀📦😀📦", "emoji"],
    ["RR123456785CN😀", "emoji glued to a number"],
    ["\u0000\u0001\u0002RR123456785CN", "control characters"],
    ["LP0012345678901\u202e2", "bidi override"],
    ["Трек RR123456785CN", "mixed scripts"],
  ])("%j (%s) is invalid, carrier null", (input) => {
    const detection = detectNumber(input);
    expect(detection).toMatchObject({ carrier: null, valid: false, candidates: [] });
    expect(detection.input).toBe(input);
  });

  it("a 1 MB line is invalid and answered quickly", () => {
    const line = "9".repeat(1_000_000);
    const detection = detectNumber(line);
    expect(detection.valid).toBe(false);
    expect(detection.carrier).toBeNull();
  });

  it("survives non-string input from untyped callers", () => {
    expect(detectNumber(undefined as unknown as string)).toMatchObject({ input: "", valid: false, carrier: null });
  });
});
