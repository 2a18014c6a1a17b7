/**
 * A real SMTP server in its own process, for the benchmark: the sweep and the server then do not
 * share one event loop, as in production. Prints its port; on the IPC message "ids" it answers
 * with the Message-IDs it received and the CPU time it used.
 */
import { startMailbox } from "./smtp-mailbox.ts";

const mailbox = await startMailbox({ parse: false });
process.send!({ url: mailbox.url });
process.on("message", (message) => {
  if (message === "ids") {
    const cpu = process.cpuUsage();
    process.send!({ ids: mailbox.messages.map((m) => m.messageId), cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message === "stop") void mailbox.close().then(() => process.exit(0));
});
