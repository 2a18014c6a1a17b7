import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { getSessionUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { SiteHeader } from "~/components/site-header.tsx";
import { getDb } from "~/server/db.server.ts";
import { countUnreadNotifications } from "../db/queries/reminders.server.ts";
import appCss from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "ClaimTrail — get your parcel or your money back" },
  { name: "description", content: "Track AliExpress and Temu orders, see your deadlines, and claim your money back in time." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) return { user: null };
  return { user: { email: user.email, unreadNotifications: await countUnreadNotifications(getDb(), user.id) } };
}

export function Layout({ children }: { children: React.ReactNode }) {
  // Absent when the root loader itself failed; the header then shows the signed-out links.
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader email={data?.user?.email ?? null} unreadNotifications={data?.user?.unreadNotifications ?? 0} />
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>ClaimTrail keeps your orders private: only you can see them.</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
