import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { getSessionUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/orders");
  return { deleted: new URL(request.url).searchParams.get("deleted") === "1" };
}

export default function Landing() {
  const { deleted } = useLoaderData<typeof loader>();
  return (
    <div className="landing">
      {deleted ? (
        <p className="notice" role="status">
          Your account and everything in it have been deleted.
        </p>
      ) : null}
      <section className="hero">
        <h1>Your parcel, or your money back — in time.</h1>
        <p className="lead">
          ClaimTrail follows your AliExpress and Temu orders from the seller to your door. It reads the carrier's tracking, tells you when something
          is wrong, and keeps count of the days you have left to open a dispute.
        </p>
        <p className="actions">
          <Link to="/signup" className="button">
            Create a free account
          </Link>
          <Link to="/login" className="button button-secondary">
            Log in
          </Link>
        </p>
      </section>
      <section className="features" aria-label="What ClaimTrail does">
        <article>
          <h2>Understands the tracking</h2>
          <p>Paste a tracking history in any language; ClaimTrail reads each step and the carrier hand-overs.</p>
        </article>
        <article>
          <h2>Watches your deadlines</h2>
          <p>Buyer protection and dispute windows are counted for you, with reminders before they close.</p>
        </article>
        <article>
          <h2>Writes the letters</h2>
          <p>Messages for the seller, the marketplace, the post, customs or your card issuer, and an evidence packet.</p>
        </article>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
