import { useEffect, useRef } from "react";

/**
 * A hidden field that carries the browser's time zone with a form (sign-up). Filled in after
 * hydration, so without JavaScript it stays empty and the account keeps UTC until the buyer picks a
 * zone in their profile.
 */
export function BrowserTimeZoneField({ name = "timeZone" }: { name?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (ref.current && zone) ref.current.value = zone;
    } catch {
      // An old browser without zone support: the server keeps UTC.
    }
  }, []);
  return <input ref={ref} type="hidden" name={name} defaultValue="" />;
}
