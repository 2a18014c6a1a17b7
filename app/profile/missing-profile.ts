/** The buyer's details a letter or the packet would use, named as the documents page lists what is missing. */
export function missingProfileFields(profile: { fullName: string | null; postalAddress: string | null; country: string | null }): string[] {
  const missing: string[] = [];
  if (!profile.fullName) missing.push("full name");
  if (!profile.postalAddress) missing.push("postal address");
  if (!profile.country) missing.push("country");
  return missing;
}
