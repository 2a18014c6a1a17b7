import { UsageError, type CliCommand, type CliIo } from "./io.ts";

/**
 * Each command lives in its own module, loaded on demand so that `detect` does not pay for the PDF
 * or database code at start-up.
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  detect: {
    summary: "detect NUMBER… | detect -   recognise tracking numbers (one JSON line each)",
    load: async () => (await import("./commands/detect.ts")).detect,
  },
  classify: {
    summary: "classify                    classify event texts from stdin (one JSON line each)",
    load: async () => (await import("./commands/classify.ts")).classify,
  },
  parse: {
    summary: "parse                       parse a pasted tracking history from stdin",
    load: async () => (await import("./commands/parse.ts")).parse,
  },
  assess: {
    summary: "assess FILE|-               state, alerts, deadlines and actions for one order",
    load: async () => (await import("./commands/assess.ts")).assess,
  },
  letter: {
    summary: "letter KIND FILE|-          print a complaint letter (seller, marketplace, carrier, customs, card-issuer, paypal)",
    load: async () => (await import("./commands/letter.ts")).letter,
  },
  packet: {
    summary: "packet FILE|- --out PATH    write the dispute evidence packet PDF",
    load: async () => (await import("./commands/packet.ts")).packet,
  },
  migrate: {
    summary: "migrate                     create or migrate the database (DATABASE_URL)",
    load: async () => (await import("./commands/migrate.ts")).migrate,
  },
  backup: {
    summary: "backup PATH                 write a consistent copy of the running database to PATH",
    load: async () => (await import("./commands/backup.ts")).backup,
  },
};

function helpText(): string {
  const lines = Object.values(commands).map((c) => "  " + c.summary);
  return ["Usage: npm run --silent cli -- COMMAND [ARGS…]", "", "Commands:", ...lines, ""].join("\n");
}

const io: CliIo = {
  async readStdin() {
    if (process.stdin.isTTY) return "";
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  write(text) {
    process.stdout.write(text);
  },
  now: () => new Date(),
};

function fail(message: string): never {
  process.stderr.write(JSON.stringify({ error: message }) + "\n");
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(helpText());
    return;
  }
  const command = commands[name];
  if (!command) fail(`unknown command "${name}"; run with --help to see the commands`);
  if (args.includes("--help")) {
    process.stdout.write(command.summary + "\n");
    return;
  }
  await (
    await command.load()
  )(args, io);
}

main(process.argv.slice(2)).then(
  () => {
    // Flush stdout before exiting: a large `detect -` answer must not be cut off by a pipe.
    process.stdout.write("", () => process.exit(0));
  },
  (error: unknown) => {
    if (error instanceof UsageError) fail(error.message);
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      fail(`file not found: ${(error as NodeJS.ErrnoException).path ?? "?"}`);
    }
    fail(error instanceof Error ? error.message : String(error));
  },
);
