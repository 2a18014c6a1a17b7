import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (name: string) => `tests/fixtures/orders/${name}.json`;
const dir = mkdtempSync(join(tmpdir(), "claimtrail-packet-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command exactly as the contract writes it: `npm run --silent cli -- packet FILE --out PATH`. */
function runPacket(args: string[], input?: string) {
  const result = spawnSync("npm", ["run", "--silent", "cli", "--", "packet", ...args], { cwd: root, input, encoding: "utf8", timeout: 90_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli packet (contract §4)", () => {
  it("writes the PDF and prints its path, pages and bytes", () => {
    const out = join(dir, "in-transit.pdf");
    const { status, stdout, stderr } = runPacket([fixture("aliexpress-in-transit"), "--out", out]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(["path", "pages", "bytes"]);
    expect(answer.path).toBe(out);
    expect(answer.bytes).toBe(statSync(out).size);
    expect(execFileSync("pdfinfo", [out], { encoding: "utf8" })).toMatch(new RegExp(`^Pages:\\s+${answer.pages}$`, "m"));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", out, "-"], { encoding: "utf8" });
    expect(text).toContain("卖家已发货");
    expect(text).toContain("Élodie Marchand");
  });

  it("reads the order from standard input with -", () => {
    const out = join(dir, "customs.pdf");
    const { status, stdout } = runPacket(["-", "--out", out], readFileSync(`${root}${fixture("customs-held")}`, "utf8"));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).pages).toBeGreaterThan(1);
    expect(execFileSync("pdftotext", ["-enc", "UTF-8", out, "-"], { encoding: "utf8" })).toContain("Задержано таможней");
  });

  it("attaches photos given with --image, and names a damaged one in the packet", async () => {
    const photo = join(dir, "porch.png");
    const broken = join(dir, "broken.jpg");
    writeFileSync(
      photo,
      await sharp({ create: { width: 320, height: 200, channels: 3, background: "#3366aa" } })
        .png()
        .toBuffer(),
    );
    writeFileSync(broken, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));
    const out = join(dir, "with-photos.pdf");
    const { status, stderr } = runPacket([fixture("delivered-not-received"), "--out", out, "--image", photo, "--image", broken]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(execFileSync("pdfimages", ["-list", out], { encoding: "utf8" }).trim().split("\n")).toHaveLength(3);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", out, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("File: porch.png");
    expect(text).toContain("File: broken.jpg");
    expect(text).toContain("Not shown: the image is damaged or incomplete");
    expect(JSON.parse(runPacket([fixture("returned"), "--out", out, "--image", join(dir, "nope.png")]).stderr).error).toBe(
      `image not found: ${join(dir, "nope.png")}`,
    );
  });

  it("requires --out, with a one-line JSON error and exit 2", () => {
    const { status, stdout, stderr } = runPacket([fixture("returned")]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(JSON.parse(stderr).error).toMatch(/^missing --out PATH/);
  });

  it("refuses a folder as the output path", () => {
    const { status, stderr } = runPacket([fixture("returned"), "--out", dir]);
    expect(status).toBe(2);
    expect(JSON.parse(stderr).error).toContain("is a folder");
  });

  it("puts the buyer from the order JSON in the packet, and no blank marker anywhere (issue 13)", () => {
    const out = join(dir, "buyer.pdf");
    const order = JSON.parse(readFileSync(`${root}${fixture("delivered-not-received")}`, "utf8"));
    const { status, stderr } = runPacket(
      ["-", "--out", out],
      JSON.stringify({ ...order, buyer: { ...order.buyer, country: "US" }, paymentReference: "5TY05013RG002845M" }),
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", out, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain(`Buyer ${order.buyer.name}`);
    expect(text).toContain(`E-mail ${order.buyer.email}`);
    expect(text).toContain("PayPal transaction ID 5TY05013RG002845M");
    expect(text).not.toMatch(/fill in/i);
  });
});
