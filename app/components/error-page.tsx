import { isRouteErrorResponse, Link } from "@remix-run/react";

/** Turns whatever a route threw into plain words; details stay in the server log. */
export function ErrorPage({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="panel error-page">
        <h1>Page not found</h1>
        <p>There is nothing at this address, or it belongs to another account.</p>
        <p>
          <Link to="/orders">Go to your dashboard</Link> or <Link to="/">the home page</Link>.
        </p>
      </section>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data.length < 300
      ? error.data
      : "Something went wrong on our side and this page could not be shown. If you were saving something, check whether it was saved, then try again in a moment.";
  return (
    <section className="panel error-page">
      <h1>{status === 500 ? "Something went wrong" : `Error ${status}`}</h1>
      <p>{message}</p>
      <p>
        <Link to="/orders">Go to your dashboard</Link>
      </p>
    </section>
  );
}
