import { Link } from "@remix-run/react";
import type { AssessmentView } from "~/orders/wizard/assessment-view.ts";

const URGENCY_LABELS = { now: "Do now", soon: "Soon", later: "Later" } as const;

/** Where the order stands, what needs attention, the deadlines and what to do next: the engine's answer. */
export function AssessmentPanels({ view, headingLevel = 2, children }: { view: AssessmentView; headingLevel?: 2 | 3; children?: React.ReactNode }) {
  const H = `h${headingLevel}` as "h2" | "h3";
  return (
    <>
      <section className="panel status-panel" aria-labelledby="status-heading">
        <H id="status-heading">Where it stands</H>
        <p className="state-line">
          <span className={`state-badge state-${view.state}`}>{view.stateLabel}</span>
          {view.case !== "none" ? <span className="case-badge">{view.caseLabel}</span> : null}
        </p>
        {view.alerts.length > 0 ? (
          <ul className="alert-list" aria-label="Needs attention">
            {view.alerts.map((a) => (
              <li key={a.id} className="alert-item">
                <span aria-hidden="true">⚠ </span>
                {a.label}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing needs your attention right now.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="actions-heading">
        <H id="actions-heading">What to do next</H>
        {view.actions.length === 0 ? (
          <p className="muted">Nothing to do for now; ClaimTrail keeps watching the dates.</p>
        ) : (
          <ol className="action-list">
            {view.actions.map((a) => (
              <li key={a.id} className={`urgency-${a.urgency}`}>
                <span className={`urgency-badge urgency-${a.urgency}`}>{URGENCY_LABELS[a.urgency]}</span> {a.title}
                {a.link ? (
                  <>
                    {" "}
                    <Link to={a.link.href}>{a.link.label}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {children}
      </section>
      <section className="panel" aria-labelledby="deadlines-heading">
        <H id="deadlines-heading">Deadlines</H>
        {view.deadlines.length === 0 ? (
          <p className="muted">No deadlines yet.</p>
        ) : (
          <ul className="deadline-list">
            {view.deadlines.map((d) => (
              <li key={d.id} className={d.past ? "deadline past" : "deadline"}>
                <p className="deadline-head">
                  <strong>{d.title}</strong>
                  <span className="deadline-due">
                    <time dateTime={d.due}>{d.dueLabel}</time> · <span className="countdown">{d.countdown}</span>
                  </span>
                </p>
                <p className="deadline-reason">{d.reason}</p>
                <p className="deadline-source">Source: {d.source}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
