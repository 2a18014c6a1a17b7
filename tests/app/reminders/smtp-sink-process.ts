/**
 * A real SMTP server in its own process, for the benchmark: the sweep and the server then do not
 * share one event loop, as in production. Prints its port; on the IPC message "ids" it answers
 * with the Message-IDs it received.
 */
import { startMailbox } from "./smtp-mailbox.ts";

const mailbox = await startMailbox({ parse: false });
process.send!({ url: mailbox.url });
process.on("message", (message) => {
  if (message === "ids") process.send!({ ids: mailbox.messages.map((m) => m.messageId) });
  if (message === "stop") void mailbox.close().then(() => process.exit(0));
});
