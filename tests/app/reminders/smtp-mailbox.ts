/**
 * A real SMTP server (the `smtp-server` package) for tests: it keeps every message it accepts and
 * can be told to answer with an error or to be slow.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Mailbox {
  url: string;
  messages: ReceivedMail[];
  /** Decides the answer to each message: undefined accepts; an Error with responseCode rejects. */
  respond: ((mail: ReceivedMail, index: number) => { code: number; message: string } | undefined) | null;
  /** Milliseconds to wait before answering each message. */
  delayMs: number;
  close(): Promise<void>;
}

/** `parse: false` keeps only the Message-ID (read from the raw header): for benchmarks. */
export async function startMailbox(options: { delayMs?: number; parse?: boolean } = {}): Promise<Mailbox> {
  let received = 0;
  const mailbox: Mailbox = {
    url: "",
    messages: [],
    respond: null,
    delayMs: options.delayMs ?? 0,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      // A sweep killed mid-message resets its connection; the message is simply not received.
      stream.on("error", () => undefined);
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        try {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((r) => r.address);
          let mail: ReceivedMail;
          if (options.parse === false) {
            const messageId = /^Message-ID:\s*(<[^>]*>)/im.exec(raw.toString("latin1"))?.[1] ?? "";
            mail = { messageId, to, subject: "", text: "", html: "" };
          } else {
            const parsed = await simpleParser(raw);
            mail = {
              messageId: parsed.messageId ?? "",
              to,
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
            };
          }
          const index = received++;
          if (mailbox.delayMs > 0) await new Promise((r) => setTimeout(r, mailbox.delayMs));
          const answer = mailbox.respond?.(mail, index);
          if (answer) {
            const error = Object.assign(new Error(answer.message), { responseCode: answer.code });
            callback(error);
            return;
          }
          mailbox.messages.push(mail);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  // Tests kill sweep processes on purpose: their reset connections (ECONNRESET) are expected here,
  // not failures of the test run. What was delivered is what the tests check.
  server.on("error", () => undefined);
  // Answers are small writes too; see the note on Nagle in app/reminders/email-sender.server.ts.
  server.server.on("connection", (socket: import("node:net").Socket) => {
    socket.setNoDelay(true);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  mailbox.url = `smtp://127.0.0.1:${port}`;
  mailbox.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return mailbox;
}
