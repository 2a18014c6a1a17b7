import { useEffect, useState, useSyncExternalStore } from "react";

/** The clipboard never comes or goes while the page is open: nothing to subscribe to. */
const noSubscription = () => () => {};

/**
 * Copies a textarea's current text to the clipboard. Rendered only once JavaScript runs (the
 * clipboard needs it); without JavaScript the buyer selects the text or downloads it instead.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  // False on the server and during hydration, then whether this browser offers the clipboard.
  const ready = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 2500);
    return () => clearTimeout(timer);
  }, [status]);
  if (!ready) return null;
  const copy = async () => {
    const field = document.getElementById(targetId) as HTMLTextAreaElement | null;
    try {
      await navigator.clipboard.writeText(field?.value ?? "");
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={copy} aria-label={label}>
        Copy text
      </button>
      <span role="status" className="muted">
        {status === "copied" ? "Copied to the clipboard." : status === "failed" ? "Could not copy: select the text and copy it yourself." : ""}
      </span>
    </>
  );
}
