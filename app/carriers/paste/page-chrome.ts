/**
 * Lines that come along when a person selects a tracking page or app screen and copies it: buttons,
 * headings, the carrier's name under each event. They are not events. Lower-case, whole lines.
 * Sources: the visible labels of 17TRACK, ParcelsApp, AliExpress, Temu, USPS and Royal Mail
 * tracking pages (see tests/fixtures/pastes/README.md).
 */
const CHROME_LINES = new Set([
  "tracking history", "tracking details", "tracking events", "tracking information", "travel history",
  "shipment progress", "shipping history", "history", "events", "details", "see more", "see less",
  "show more", "show less", "view more", "view details", "more details", "expand", "collapse", "copy",
  "copied", "translate", "show original", "original", "translation", "share", "feedback", "help",
  "date", "time", "location", "status", "event", "description", "date & time", "date and time",
  "latest update", "latest event", "text & email updates", "usps tracking plus®", "product information",
  "see all tracking history", "see tracking history", "tracking number", "estimated delivery",
  "delivery updates", "logistics details", "shipping info", "package details", "order details",
  "物流详情", "物流信息", "查看更多", "展开", "收起", "复制", "翻译", "显示原文",
  "sendungsverlauf", "historique", "historial", "histórico", "cronologia", "geschiedenis", "historia", "история",
]);

/** Carrier and tracker names that ParcelsApp and 17TRACK print as a line of their own under each event. */
const CARRIER_NAME_LINES = new Set([
  "cainiao", "aliexpress standard shipping", "yunexpress", "4px", "yanwen", "china post", "china ems",
  "usps", "ups", "fedex", "dhl", "dhl express", "dhl ecommerce", "royal mail", "parcelforce", "postnl",
  "deutsche post", "la poste", "colissimo", "correos", "poste italiane", "canada post", "australia post",
  "amazon", "ontrac", "lasership", "evri", "yodel", "dpd", "gls", "purolator", "landmark global",
  "gofo", "temu", "17track", "parcelsapp",
]);

export function isPageChrome(line: string): boolean {
  const lower = line.toLowerCase().replace(/[:：]$/u, "");
  return CHROME_LINES.has(lower) || CARRIER_NAME_LINES.has(lower);
}
