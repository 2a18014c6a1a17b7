import { data } from "@remix-run/node";
import { useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page.tsx";

// Any address no other route claims: a 404 inside the normal layout, so the navigation stays.
export async function loader() {
  throw data("Page not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
