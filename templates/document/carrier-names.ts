/**
 * How people write each carrier's name (contract §3 ids → display name). Data, not logic: a new
 * carrier is a new row. An id missing here is shown as written; `s10` names no carrier (it only says
 * the number is a UPU one), so it has no row and letters address "customer service" instead.
 */
export const CARRIER_NAME: Readonly<Record<string, string>> = {
  usps: "USPS",
  ups: "UPS",
  dhl: "DHL Express",
  "dhl-ecommerce": "DHL eCommerce",
  "dhl-paket": "DHL Paket",
  dpd: "DPD",
  gls: "GLS",
  "4px": "4PX",
  postnl: "PostNL",
  "royal-mail": "Royal Mail",
  "la-poste": "La Poste",
  "canada-post": "Canada Post",
  "australia-post": "Australia Post",
  "deutsche-post": "Deutsche Post",
  "poste-italiane": "Poste Italiane",
  "china-post": "China Post",
  "japan-post": "Japan Post",
  "korea-post": "Korea Post",
  "singapore-post": "Singapore Post",
  fedex: "FedEx",
  yunexpress: "YunExpress",
  cainiao: "Cainiao",
  yanwen: "Yanwen",
  correos: "Correos",
  colissimo: "Colissimo",
  evri: "Evri",
  yodel: "Yodel",
  amazon: "Amazon Logistics",
  parcelforce: "Parcelforce",
  ontrac: "OnTrac",
  lasership: "LaserShip",
  purolator: "Purolator",
  canpar: "Canpar",
  landmark: "Landmark Global",
  gofo: "GOFO",
  speedee: "Spee-Dee",
  "old-dominion": "Old Dominion",
  temu: "Temu logistics",
  inpost: "InPost",
  correios: "Correios",
  "poczta-polska": "Poczta Polska",
  yamato: "Yamato Transport",
  sagawa: "Sagawa Express",
  ukrposhta: "Ukrposhta",
  "nova-poshta": "Nova Poshta",
  "correos-express": "Correos Express",
  tnt: "TNT",
  postnord: "PostNord",
  posti: "Posti",
};

export function carrierName(id: string | null | undefined): string | null {
  if (!id || id === "s10") return null;
  return CARRIER_NAME[id] ?? id;
}
