import type { TimelineItem } from "~/orders/order-timeline.ts";

export function ProgressLine({ steps }: { steps: Array<{ label: string; reached: boolean; current: boolean }> }) {
  return (
    <ol className="progress-line" aria-label="Progress">
      {steps.map((s) => (
        <li
          key={s.label}
          className={[s.reached ? "reached" : "", s.current ? "current" : ""].join(" ").trim() || undefined}
          aria-current={s.current ? "step" : undefined}
        >
          {s.label}
          <span className="visually-hidden">{s.reached ? " (reached)" : " (not yet)"}</span>
        </li>
      ))}
    </ol>
  );
}

export function EventTimeline({ items }: { items: TimelineItem[] }) {
  if (items.length === 0) return <p className="muted">No tracking events yet. Paste the history below when the carrier shows some.</p>;
  return (
    <ol className="event-timeline">
      {items.map((item) =>
        item.kind === "gap" ? (
          <li key={item.id} className="gap">
            {item.current ? `No update for ${item.days} days so far` : `No update for ${item.days} days`}
          </li>
        ) : (
          <li key={item.id} className={item.handover ? "handover" : undefined}>
            <p className="event-milestone">
              {item.milestoneLabel}
              {item.leg > 0 ? <span className="leg-tag"> · local carrier{item.trackingNumber ? ` (${item.trackingNumber})` : ""}</span> : null}
            </p>
            <p className="event-when">
              {item.at ? <time dateTime={item.at}>{item.when}</time> : item.when}
              {item.location ? ` · ${item.location}` : ""}
            </p>
            <p className="event-original">{item.text}</p>
            {item.handover ? (
              <p className="handover-note">
                <strong>Handed over:</strong> new tracking number <code>{item.handover.number}</code> ({item.handover.carrier})
              </p>
            ) : null}
          </li>
        ),
      )}
    </ol>
  );
}
