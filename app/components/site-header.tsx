import { Form, Link, NavLink } from "@remix-run/react";

/**
 * The header on every page: the app's name, and the places a signed-in person goes. The unread
 * count is part of the link's words, so it is read out and seen without relying on colour.
 */
export function SiteHeader({ email, unreadNotifications = 0 }: { email: string | null; unreadNotifications?: number }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header-inner">
        <Link to={email ? "/orders" : "/"} className="brand">
          ClaimTrail
        </Link>
        <nav aria-label="Main">
          {email ? (
            <ul className="nav-list">
              <li>
                <NavLink to="/orders">Dashboard</NavLink>
              </li>
              <li>
                <NavLink to="/notifications">
                  Notifications{unreadNotifications > 0 ? <strong className="nav-count"> ({unreadNotifications} unread)</strong> : null}
                </NavLink>
              </li>
              <li>
                <NavLink to="/account">Account</NavLink>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    Log out
                  </button>
                </Form>
              </li>
            </ul>
          ) : (
            <ul className="nav-list">
              <li>
                <NavLink to="/login">Log in</NavLink>
              </li>
              <li>
                <NavLink to="/signup" className="button button-small">
                  Sign up
                </NavLink>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}
